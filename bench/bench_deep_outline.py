"""CPU time of the schedule table of a deep outline whose dates are known only to a year.

    python3 bench/bench_deep_outline.py [--levels 2000 8000 20000]

Each plan: a task dated to the year, then an outline LEVELS deep after it, and as many tasks
each waiting on that outline's top summary. Every summary's latest sub-task decides how precisely
the dates below and after it are shown; the table must be printed in about linear time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import tempfile
from datetime import date
from pathlib import Path

from ilrs_planner.cli import main as cli
from ilrs_planner.domain import Link, Precision, Project, Task
from ilrs_planner.store import save_project


def deep_plan(levels: int) -> Project:
    """The outline described in the module doc."""
    plan = Project("Deep", date(2030, 1, 1))
    plan.add_task(Task("announced", "Announced", 10, id="announced", precision=Precision.YEAR))
    parent = None
    for depth in range(levels):
        parent = plan.add_task(Task(f"k{depth}", f"Level {depth}", 1, id=f"t{depth}", parent_id=parent)).id
    plan.add_link(Link("announced", "t0"))
    for n in range(levels):
        plan.add_task(Task(f"f{n}", f"After {n}", 1, id=f"f{n}"))
        plan.add_link(Link("t0", f"f{n}"))
    return plan


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Print one line per depth."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[2_000, 8_000, 20_000])
    args = parser.parse_args()
    print(f"{'levels':>8}  {'CPU s':>7}  status")
    with tempfile.TemporaryDirectory() as folder:
        for levels in args.levels:
            path = Path(folder) / f"deep-{levels}.db"
            save_project(deep_plan(levels), path)
            began = cpu_seconds()
            with contextlib.redirect_stdout(io.StringIO()):
                status = cli(["schedule", str(path)])
            print(f"{levels:>8,}  {cpu_seconds() - began:>7.2f}  {status}")


if __name__ == "__main__":
    main()
