"""The chart built for a generated plan of which a fraction of tasks is dated only to the year.

Run: python3 bench/bench_coarse_chart.py [--tasks 100000] [--coarse 0.01] [--repeat 3]
A date known to the year makes the tasks it drives shown to the year (engine/shown_precision.py);
finding which those are is what a plan dated to the day throughout does not pay. Prints the CPU
time of the chart's arrays built whole (as when the plan is opened or a picture exported), best of
the repeats, with every task dated to the day and with the fraction at year precision.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_plan, with_coarse_dates  # noqa: E402

from ilrs_planner.chart.build import build_chart_data  # noqa: E402
from ilrs_planner.engine.cpm import schedule  # noqa: E402


def best_build(project, repeat: int) -> float:
    """The least CPU time of `repeat` chart builds over every row in outline order."""
    plan = schedule(project)
    rows = [task.id for task in sorted(project.tasks.values(), key=lambda task: task.position)]
    times = []
    for _ in range(repeat):
        start = time.process_time()
        build_chart_data(project, plan, rows, current=True)
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--coarse", type=float, default=0.01, metavar="FRACTION")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    day = best_build(make_plan(args.tasks, seed=1), args.repeat)
    coarse = best_build(with_coarse_dates(make_plan(args.tasks, seed=1), args.coarse), args.repeat)
    print(f"plan: {args.tasks:,} tasks; load average {os.getloadavg()[0]:.1f}")
    print(f"chart built, every task dated to the day:        {day:6.2f} s CPU")
    print(f"chart built, {args.coarse:.0%} of the tasks dated to the year: {coarse:6.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
