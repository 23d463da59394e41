"""`ilrs-planner schedule PLAN.db [--json]`: the critical-path schedule of a plan."""

from __future__ import annotations

import argparse
import os
import sys

from ..store.gcpause import gc_paused
from .render import FINISH_NOTE, load_plan_columns, print_schedule_table
from .schedule_rows import write_json


def register(subparsers) -> None:
    """Add the `schedule` sub-command."""
    parser = subparsers.add_parser(
        "schedule",
        help="show a plan's schedule: dates, floats, critical tasks",
        description="Schedule a plan (each task on its own calendar's working days) and show every task, "
        "summaries included, in WBS order. " + FINISH_NOTE,
    )
    parser.add_argument("plan", metavar="PLAN.db", help="a plan file (or a .csv/.xml table to schedule directly)")
    parser.add_argument(
        "--json", action="store_true",
        help='print JSON: {"finish_convention", "provenance", "project_start", "project_finish", "must_finish_by", '
        '"tasks": [{"key", '
        '"name", "early_start", "early_finish", "late_start", "late_finish", "total_float_days", "free_float_days", '
        '"float_unit", "critical", "precision", "confidence", "source", "source_date", "task_mode", '
        '"manual_start", "shown_start", "shown_finish"}]} with ISO dates; finish dates are exclusive, shown_start '
        'and shown_finish the days the table reads (a finish\'s last day of work, a milestone\'s own day); '
        'float_unit is what both floats count: '
        '"d" working days of the task\'s calendar, "ed" calendar days (an elapsed task); precision is '
        "day/month/quarter/year, confidence sourced/inferred/assumption/unsourced, source the cited address, "
        "source_date its date or null, task_mode manual or auto (null for a summary), manual_start a manual "
        "task's kept start or null, must_finish_by the plan's Must finish by (the day its floats run to the "
        "end of) or null. Compact (one line) unless --pretty",
    )
    parser.add_argument("--pretty", action="store_true", help="with --json: indent the JSON for reading")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the schedule as a table or as JSON."""
    from ..engine.cpm import schedule

    project, columns = load_plan_columns(args.plan, objects=False)  # shown, never changed
    try:
        # Scheduling and formatting make hundreds of thousands of short-lived objects and no cyclic
        # garbage; without the pause, collection passes over the loaded plan took a third of the time.
        with gc_paused():
            result = schedule(project, columns)  # the plan as read: nothing changes it before
            if args.json:
                write_json(project, result, sys.stdout, pretty=args.pretty)
            else:
                print_schedule_table(project, result)
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error. Point stdout at nothing so that the
        # interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
