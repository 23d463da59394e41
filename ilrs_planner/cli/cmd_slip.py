"""`ilrs-planner slip PLAN.db [--baseline NAME] [--against NAME] [--json]`: what slipped, by how much."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.terminal_text import one_line
from ..engine.slip_words import modelling_note

COLUMNS = ("ID", "Name", "Baseline finish", "Finish", "Start var", "Finish var", "Basis", "", "Key")
MAX_NAME = 40
FINISH_NOTE = ("Finish dates are the last day of work (a milestone's is its day), each shown as precisely as it "
               "is known ('2028' for a date announced or driven only to the year); --json gives the scheduler's "
               "exclusive finishes, the day after, with each side's precision. Variances in days are working days of "
               "each task's calendar, as its Duration counts them ('ed' for an elapsed task).")
BASIS_NOTE = ("Basis: sourced = a recorded change (an announcement, work recorded as done, or late work forecast from "
              "the status date); planned = the planner's own change (a date typed or dragged, an assumption, or any "
              "date of a task citing no source), a slip nobody announced; modelling = the plan's own dates (inferred, "
              "or another day of the announced year or month), not a slip. A task pushed by another's move has the "
              "basis of the move that pushed it.")


def register(subparsers) -> None:
    """Add the `slip` sub-command."""
    parser = subparsers.add_parser(
        "slip", help="compare a baseline with the current plan (or with another baseline)",
        description="Slip report: every task's baseline and current start/finish with signed variances "
        "(later = positive), in whole years or months between dates known only to the year or month ('+1 y' "
        "from 2030 to 2031), else in working days of each task's calendar, as MS Project's Finish Variance counts "
        "them ('ed': calendar days of an elapsed task); --csv and --json give working days, and MS Project's "
        "Duration Variance beside them (a baseline's duration: the days of work its dates span). A task added "
        "since the baseline has no baseline date ('-') and no variance. By default the "
        "earliest baseline (by 'as of' date) against the current "
        "schedule. The table and --csv show finishes as the last day of work, each date as precisely as it is "
        "known ('2028'); --json carries the scheduler's exclusive finishes (the day after) and each side's "
        "precision.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file")
    parser.add_argument("--baseline", metavar="NAME", help="the baseline to compare from (default: the earliest)")
    parser.add_argument("--against", metavar="NAME", help="compare with this baseline instead of the current plan")
    parser.add_argument("--slipped", action="store_true", help="show only tasks that finish later")
    parser.add_argument("--csv", metavar="OUT.csv", help="also write the report as CSV")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the slip report as a table or JSON (and write CSV if asked)."""
    from ..engine.slippage import MODELLING, slip_report, write_report_csv
    from .render import load_plan

    project = load_plan(args.plan)
    report = slip_report(project, None if args.against else _schedule(project), args.baseline, args.against)
    if args.csv:
        write_report_csv(report, args.csv)
    if args.json:
        data = report.to_dict()
        if args.slipped:
            data["tasks"] = [t for t in data["tasks"] if t["slipped"]]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    rows = report.slipped() if args.slipped else report.rows
    print(f"{one_line(report.before.label)} (as of {report.before.as_of}) -> {one_line(report.after.label)}"
          + (f" (as of {report.after.as_of})" if report.after.as_of else ""))
    ids = {task.id: str(number) for number, (task, _depth) in enumerate(project.walk(), 1)}
    _print_table([_cells(r, ids) for r in rows])
    modelled = sum(r.basis == MODELLING for r in report.rows)
    print(f"{len(report.slipped())} of {sum(r.finish_variance is not None for r in report.rows)} "
          f"tasks compared finish later; {modelling_note(modelled)}.")
    _print_alternatives(rows)
    print(FINISH_NOTE)
    print(BASIS_NOTE)
    return 0


def _print_alternatives(rows) -> None:
    """Other officials' figures for the tasks shown: recorded beside the plan, never compared with it."""
    listed = [(row.key, text) for row in rows for text in row.alternatives]
    if listed:
        print("Alternatives (another official's figure, not a change of plan):")
        for key, text in listed:
            print(f"  {one_line(key)}: {one_line(text)}")


def _schedule(project):
    from ..engine.cpm import schedule

    return schedule(project)


def _cells(row, ids: dict[str, str]) -> tuple[str, ...]:
    """A row as MS Project's reports lead one: the task's ID (the window's, '-' for a task no longer in the
    plan) and name; its key last, as `why` and --json take it."""
    _old_start, old_last, _new_start, new_last = row.shown()
    start_variance, finish_variance = row.variance_texts()  # '+1 y' between years, else days
    name = one_line(row.name)
    name = name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"
    return (ids.get(row.task_id, "-"), name, old_last or "-", new_last or "-", start_variance,
            finish_variance, row.basis, "SLIPPED" if row.slipped else "", one_line(row.key))


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(c) for c in column) for column in zip(COLUMNS, *rows)]
    for cells in [COLUMNS, *rows]:
        padded = [c.rjust(w) if at == 0 else c.ljust(w) for at, (c, w) in enumerate(zip(cells, widths))]
        print("  ".join(padded).rstrip(), file=sys.stdout)
