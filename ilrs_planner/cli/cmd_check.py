"""`ilrs-planner check PLAN.db`: the schedule check (DCMA 14-point assessment) of a plan."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.terminal_text import one_line
from ..engine.schedule_check_thresholds import threshold_names

HEADERS = ("#", "Check", "Threshold", "Failing", "Share", "Result")
MAX_NAME = 40


def register(subparsers) -> None:
    """Add the `check` sub-command."""
    parser = subparsers.add_parser(
        "check", help="check a schedule's health: the DCMA 14-point assessment",
        description="Run the DCMA 14-point schedule assessment on a plan: logic, leads, lags, relationship "
        "types, hard constraints, high float, negative float, high duration, invalid dates, resources, missed "
        "tasks, critical path test, CPLI and BEI, then list open ends and summary links. Prints a table of the "
        "checks, then the tasks failing each. Missed tasks, CPLI and BEI compare with the latest baseline at the "
        "status date. Exit status: 0 when every check passes (or does not apply), 1 when any fails, 2 on an error.")
    parser.add_argument("plan", metavar="PLAN.db", help="a plan file (or a .csv/.xml table)")
    parser.add_argument("--json", action="store_true",
                        help='print JSON: {"passed", "status_date", "baseline", "thresholds", "checks": [{"key", '
                        '"number", "name", "threshold", "status" (pass/fail/n/a/info), "failing", "eligible", '
                        '"value" (share failing 0-1, or the CPLI/BEI index), "note", "tasks": [{"id", "key", '
                        '"name", "value"}]}]}')
    parser.add_argument("--baseline", metavar="N", help="the baseline to compare with, by number or name "
                        "(default: the latest)")
    parser.add_argument("--threshold", action="append", default=[], metavar="NAME=VALUE",
                        help="change a threshold (shares in percent, days in working days, CPLI/BEI as ratios); "
                        f"NAME is one of: {', '.join(threshold_names())}")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the check as a table (or JSON); 1 when any check fails."""
    from ..engine.cpm import schedule
    from ..engine.schedule_check import check_schedule
    from ..engine.schedule_check_thresholds import Thresholds
    from .render import load_plan_columns

    thresholds = Thresholds().with_values(args.threshold)  # refused before the plan is read
    project, columns = load_plan_columns(args.plan)
    baseline = project.baseline(args.baseline) if args.baseline else None
    result = check_schedule(project, schedule(project, columns), baseline, thresholds)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_check(result)
    return 0 if result.passed else 1


def print_check(result) -> None:
    """The checks as a table, then each failing check's tasks, then the unscored lists."""
    against = f"baseline {one_line(result.baseline)}" if result.baseline else "no baseline"
    print(f"Schedule check at status date {result.status_date or '(none)'}, against {against}")
    rows = [(str(r.number or ""), r.name, r.threshold, _failing(r), r.share_text(), r.status.upper())
            for r in result.results]
    widths = [max(len(cell) for cell in column) for column in zip(HEADERS, *rows)]
    for cells in [HEADERS, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip())
    for r in result.results:
        if r.status in ("fail", "info") and r.tasks or r.status == "n/a":
            print()
            print(f"{r.name} ({r.status.upper()}): {one_line(r.note)}")
            _print_tasks(r.tasks)
    print()
    failed = [r.name for r in result.results if r.status == "fail"]
    passed = sum(r.status == "pass" for r in result.results)
    print(f"{len(failed)} checks failed: {', '.join(failed)}" if failed else
          "Every check passed." if passed else "No check applies to this plan.")


def _failing(r) -> str:
    return "-" if r.failing is None or r.status == "n/a" else f"{r.failing:,} of {r.eligible:,}"


def _print_tasks(tasks) -> None:
    if not tasks:
        return
    key_width = min(max(len(one_line(f.key)) for f in tasks), 24)
    for f in tasks:
        name = one_line(f.name)
        name = name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"
        print(f"  {one_line(f.key).ljust(key_width)}  {name.ljust(MAX_NAME)}  {one_line(f.value)}")
