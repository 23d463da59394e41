"""XLSX export: in-process and as the whole `export` command, beside openpyxl writing the same cells.

    python3 bench/bench_xlsx.py [--tasks 10000] [--repeat 3]

Rows: our export in-process (`exchange.xlsx.write`, schedule included), the whole command from
process start (`python3 -m ilrs_planner export PLAN.db -o OUT.xlsx`: interpreter, imports, opening
the plan with every check, scheduling, writing), and the peer: openpyxl's write-only mode writing
the same task and link values with no styling at all (what the export used before). Best of
`--repeat` runs, CPU time beside wall time, with the machine's load before and after.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.bench_process import child, fmt, in_process, machine, row  # noqa: E402
from bench.synth import make_plan  # noqa: E402
from ilrs_planner.engine.cpm import schedule  # noqa: E402
from ilrs_planner.exchange import xlsx  # noqa: E402
from ilrs_planner.store import save_project  # noqa: E402


def openpyxl_peer(project, path: Path) -> None:
    """The same task values and links through openpyxl's write-only mode, unstyled."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    tasks, links = book.create_sheet("Tasks"), book.create_sheet("Links")
    tasks.append([title for title, _ in xlsx.COLUMNS])
    numbers, dates = xlsx._outline_numbers(project), schedule(project)
    for task, _ in project.walk():
        tasks.append(xlsx._row(project, task, numbers[task.id], dates.tasks[task.id], None))
    for link in project.links.values():
        links.append([link.pred_id, link.succ_id, link.type.value, link.lag])
    book.save(path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = make_plan(args.tasks)
        db, out = folder / "plan.db", folder / "plan.xlsx"
        save_project(project, db)
        row("path", "ours", "peer", "goal")
        print("-" * 130)
        ours = min(in_process(xlsx.write, project, out)[:2] for _ in range(args.repeat))
        size = out.stat().st_size / 2**20
        peer = min(in_process(openpyxl_peer, project, folder / "peer.xlsx")[:2] for _ in range(args.repeat))
        row(f"XLSX export {args.tasks:,}, in-process", fmt(*ours, f", {size:.1f} MiB"),
            fmt(*peer) + " (openpyxl write-only, unstyled)", "")
        command = ["-m", "ilrs_planner", "export", str(db), "-o", str(out)]
        whole = min(child(command)[:2] for _ in range(args.repeat))
        row(f"XLSX export {args.tasks:,}, whole process", fmt(*whole), "", "< 2 s")
    print(f"after: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
