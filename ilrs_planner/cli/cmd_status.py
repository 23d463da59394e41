"""`ilrs-planner status PLAN.db --as-of DATE`: move the status date and record progress, then list what is late.

The status date and every actual date given are one undoable command (the one the window's
"Update progress…" dialog builds), applied and saved atomically; nothing is saved if any of it is
refused. The listing then names the tasks that should have started or finished by the new date
but were not recorded, with their planned dates and the forecast from the status date.
"""

from __future__ import annotations

import argparse

from ..commands.progress import update_progress
from ..engine.cpm import schedule
from ..engine.progress import done_defaults, due_tasks
from .status_options import as_of_date, progress_records
from .status_output import StatusUpdate, precisions_before, print_json, print_text


def register(subparsers) -> None:
    """Add the `status` sub-command."""
    parser = subparsers.add_parser(
        "status", help="set the status date, record actual dates, list what is behind",
        description="Move the plan's status date to --as-of and record progress as one undoable step, saved "
        "in place. No remaining work is then forecast before the status date. Lists the tasks that should "
        "have started or finished by the date but were not recorded. Finish dates are last days of work, "
        "each as precisely as it is known; --json gives exclusive finishes (the day after) and says so in "
        "its finish_convention field.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file (changed in place)")
    parser.add_argument("--as-of", required=True, type=as_of_date, metavar="YYYY-MM-DD",
                        help="the new status date: the first day of work still to do")
    parser.add_argument("--done", action="append", default=[], metavar="KEY[=DATE]",
                        help="the task finished, its last day DATE (default: as planned, before the status date)")
    parser.add_argument("--started", action="append", default=[], metavar="KEY=DATE", help="the task started on DATE")
    parser.add_argument("--percent", action="append", default=[], metavar="KEY=N",
                        help="the task under way is N %% complete (its remaining work is forecast from it)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; save nothing")
    parser.add_argument("--json", action="store_true",
                        help='print JSON: {"finish_convention", "plan", "status_date_was", "status_date", "dry_run", '
                        '"saved", "recorded": [{"key", "name", "actual_start", "actual_finish", "percent_complete"}], '
                        '"behind": [{"key", "name", "due_to", "milestone", "start_was", "finish_was", "start_now", '
                        '"finish_now", "precision_was", "precision_now"}]}; finishes are exclusive')
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
        precision_was = precisions_before(project, before, due)
        starts = {tid: d.early_start for tid, d in before.tasks.items()}
        update_progress(project, args.as_of, records, starts).apply(project)  # all or nothing
        after = schedule(project)
        if not args.dry_run:
            session.save(project)
    recorded = {r.task_id for r in records}
    update = StatusUpdate(args.plan, old_status, args.as_of, args.dry_run, records,
                          [d for d in due if d.task_id not in recorded], before, after, precision_was)
    (print_json if args.json else print_text)(project, update)
    return 0
