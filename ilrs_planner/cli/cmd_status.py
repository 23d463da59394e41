"""`ilrs-planner status PLAN.db --as-of DATE`: move the status date and record progress, then list what is late.

The status date and every actual date given are one undoable command (the one the window's
"Update progress…" dialog builds), applied and saved atomically; nothing is saved if any of it is
refused. The listing then names the tasks that should have started or finished by the new date
but were not recorded, with their planned dates and the forecast from the status date.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..commands.progress import Progress, update_progress
from ..domain import Project, shown_finish
from ..domain.terminal_text import one_line
from ..engine.cpm import schedule
from ..engine.progress import DueTask, done_defaults, due_tasks
from ..engine.schedule import Schedule
from .render import FINISH_NOTE
from .schedule_rows import line_format, write_lines
from .status_options import as_of_date, progress_records

HEADERS = ("Key", "Name", "Due to", "Start was", "Finish was", "Start now", "Finish now")
MAX_NAME = 40


def register(subparsers) -> None:
    """Add the `status` sub-command."""
    parser = subparsers.add_parser(
        "status", help="set the status date, record actual dates, list what is behind",
        description="Move the plan's status date to --as-of and record progress as one undoable step, saved "
        "in place. No remaining work is then forecast before the status date. Lists the tasks that should "
        "have started or finished by the date but were not recorded. Finish dates are last days of work.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file (changed in place)")
    parser.add_argument("--as-of", required=True, type=as_of_date, metavar="YYYY-MM-DD",
                        help="the new status date: the first day of work still to do")
    parser.add_argument("--done", action="append", default=[], metavar="KEY[=DATE]",
                        help="the task finished, its last day DATE (default: as planned, before the status date)")
    parser.add_argument("--started", action="append", default=[], metavar="KEY=DATE", help="the task started on DATE")
    parser.add_argument("--percent", action="append", default=[], metavar="KEY=N",
                        help="the task under way is N %% complete (its remaining work is forecast from it)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; save nothing")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Apply the update (one command), save unless --dry-run, and print what changed and what is late."""
    from ..store import PlanSession

    with PlanSession.open(args.plan) as session:
        project = session.project
        before = schedule(project)
        old_status = project.status_date
        due = due_tasks(project, before, args.as_of)
        records = progress_records(project, args.done, args.started, args.percent, done_defaults(before, args.as_of))
        starts = {tid: d.early_start for tid, d in before.tasks.items()}
        update_progress(project, args.as_of, records, starts).apply(project)  # all or nothing
        after = schedule(project)
        if not args.dry_run:
            session.save(project)
    _print_update(project, old_status, args, records)
    _print_behind(project, [d for d in due if d.task_id not in {r.task_id for r in records}], after, args.as_of)
    return 0


def _print_update(project: Project, old_status: date | None, args: argparse.Namespace,
                  records: list[Progress]) -> None:
    was = old_status.isoformat() if old_status else "none"
    saved = "not saved (--dry-run)" if args.dry_run else f"saved to {args.plan}"
    print(f"Status date {was} -> {args.as_of.isoformat()}; {saved}.")
    if records:
        print("Recorded:")
    width = max((len(one_line(project.tasks[r.task_id].key)) for r in records), default=0)
    for record in records:
        print(f"  {one_line(project.tasks[record.task_id].key).ljust(width)}  {_recorded(project, record)}")


def _recorded(project: Project, record: Progress) -> str:
    task = project.tasks[record.task_id]
    parts = [f"started {task.actual_start}"] if task.actual_start else []
    if record.finished is not None:
        parts.append(f"happened {record.finished}" if task.duration == 0 else f"done, last day {record.finished}")
    elif task.actual_start:
        parts.append(f"{task.percent_complete} % complete")
    return ", ".join(parts)


def _print_behind(project: Project, due: list[DueTask], after: Schedule, as_of: date) -> None:
    if not due:
        print(f"Nothing else should have started or finished by {as_of}.")
        return
    print(f"Should have started or finished by {as_of} but not recorded ({len(due)}); "
          "'now' is the forecast from the status date:")
    rows = [[one_line(d.key), _short(one_line(d.name)), d.due, d.start.isoformat(), d.last_day.isoformat(),
             after.tasks[d.task_id].early_start.isoformat(),
             shown_finish(after.tasks[d.task_id].early_start, after.tasks[d.task_id].early_finish).isoformat()]
            for d in due]
    cells = [list(column) for column in zip(*rows)]
    fmt, widths = line_format(HEADERS, cells, right=set())
    print(fmt.format(*HEADERS).rstrip())
    write_lines(widths, set(), cells, sys.stdout)
    print(FINISH_NOTE)


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 3] + "..."
