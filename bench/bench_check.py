"""The schedule check (DCMA 14-point) on a large synthetic plan, beside scheduling the same plan.

    python3 bench/bench_check.py [--tasks 100000] [--repeat 3]

Prints CPU seconds (the machine being shared; wall beside it) of scheduling the plan, of the check
without its critical path test (the columns and the counts), and of the whole check, whose critical
path test schedules a copy of the plan once more, and of its JSON (`check --json`); then the checks'
counts, so a change in what is counted shows too. The check should cost about one schedule more than
the schedule, never seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_plan  # noqa: E402

from ilrs_planner.engine.cpm import schedule  # noqa: E402
from ilrs_planner.engine.schedule_check import check_schedule  # noqa: E402
from ilrs_planner.engine.schedule_check_columns import plan_columns  # noqa: E402
from ilrs_planner.engine.schedule_check_progress import progress_checks  # noqa: E402
from ilrs_planner.engine.schedule_check_rules import logic_checks, open_ends, summary_links, task_checks  # noqa: E402
from ilrs_planner.engine.schedule_check_thresholds import Thresholds  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(work) -> tuple[float, float, object]:
    start_cpu, start_wall = cpu(), time.perf_counter()
    result = work()
    return cpu() - start_cpu, time.perf_counter() - start_wall, result


def counts_only(project, result):
    """Every check but the critical path test: the columns read and counted."""
    columns, limits = plan_columns(project, result), Thresholds()
    return (*logic_checks(columns, limits), *task_checks(columns, limits, project.status_date),
            *progress_checks(columns, limits, None, project.status_date), open_ends(columns), summary_links(columns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    project = make_plan(args.tasks)
    print(f"{args.tasks:,} tasks, {len(project.links):,} links; load average {os.getloadavg()[0]:.2f}")
    figures: dict[str, list[tuple[float, float]]] = {"schedule": [], "check without path test": [], "check": [],
                                                      "JSON of the check": []}
    for _ in range(args.repeat):
        spent_cpu, spent_wall, result = timed(lambda: schedule(project))
        figures["schedule"].append((spent_cpu, spent_wall))
        figures["check without path test"].append(timed(partial(counts_only, project, result))[:2])
        spent_cpu, spent_wall, check = timed(partial(check_schedule, project, result))
        figures["check"].append((spent_cpu, spent_wall))
        figures["JSON of the check"].append(timed(check.to_dict)[:2])
    for name, runs in figures.items():
        print(f"{name:>24}: median {statistics.median(c for c, _ in runs):.3f} s CPU, "
              f"{statistics.median(w for _, w in runs):.3f} s wall (of {len(runs)})")
    for r in check.results:
        print(f"  {r.number or '':>2} {r.name:<20} {r.status:<5} {r.failing} of {r.eligible}")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
