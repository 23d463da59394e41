"""Peak memory of opening a plan at the text bound, and of refusing one just over it (fresh processes).

    python3 bench/bench_text_bound.py [--tasks 2600 3000]

Each plan has N tasks with 100,000-character notes (2,600 tasks: 260 MB of text, under the
256 MiB bound of store/limits.py; 3,000: over it). One process writes the file, a fresh one opens
it and prints its peak RSS (ru_maxrss) and time. Before the bound, 9,800 such tasks (a 1 GB file)
opened at a 3.8 GB peak.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRITE = """
import sys
from datetime import date
from ilrs_planner.domain import Project, Task
from ilrs_planner.store import limits, save_project
limits.MAX_TEXT_BYTES = 1 << 40  # the bench writes plans over the bound on purpose
plan = Project("text bound", date(2030, 1, 1))
for i in range(int(sys.argv[1])):
    plan.add_task(Task(f"k{i}", f"task {i}", 1, notes="x" * 99_990 + f"{i:010d}"))
save_project(plan, sys.argv[2])
"""

OPEN = """
import resource, sys, time
from ilrs_planner.domain import PlannerError
from ilrs_planner.store import open_project
start = time.perf_counter()
try:
    outcome = f"opened {len(open_project(sys.argv[1]).tasks):,} tasks"
except PlannerError as error:
    outcome = f"refused ({error.code})"
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{outcome} in {time.perf_counter() - start:.1f} s, peak {peak_mib} MiB")
"""


def main() -> None:
    """Write and open each plan size, printing the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="+", default=[2600, 3000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for count in args.tasks:
            path = Path(folder) / f"plan-{count}.db"
            subprocess.run([sys.executable, "-c", WRITE, str(count), str(path)], check=True, cwd=ROOT)
            size = path.stat().st_size
            result = subprocess.run([sys.executable, "-c", OPEN, str(path)], check=True, cwd=ROOT,
                                    capture_output=True, text=True)
            print(f"{count:,} tasks, {size / 1e6:,.0f} MB file: {result.stdout.strip()}")
            path.unlink()


if __name__ == "__main__":
    main()
