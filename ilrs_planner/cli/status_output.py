"""What `ilrs-planner status` prints: the update and the tasks behind, as text for people or as JSON.

Text shows each finish as the last day of work, every computed date as precisely as what drives it
is known ('2027' for a task waiting on a date announced to the year). JSON keeps the scheduler's
exclusive finishes (the day after the last day; a milestone's finish is its day), as every --json
output does, and says so in `finish_convention`, with each task's precisions beside its dates.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..commands.progress import Progress
from ..domain import Precision, Project
from ..domain.terminal_text import one_line
from ..engine.progress import DueTask
from ..engine.schedule import Schedule
from ..engine.shown_dates import start_text
from ..engine.shown_precision import ShownPrecision
from .render import FINISH_NOTE
from .schedule_rows import line_format, shortened, write_lines

HEADERS = ("Key", "Name", "Due to", "Start was", "Finish was", "Start now", "Finish now")
MAX_NAME = 40
FINISH_CONVENTION = ("exclusive: actual_finish, finish_was and finish_now are the day after the last day of work "
                     "(a milestone's finish is its point in time: the day after the day shown when it sits at the "
                     "end of a working day); precision_was and precision_now say how precisely "
                     "those dates are known (day, month, quarter, year)")


@dataclass
class StatusUpdate:
    """One `status` run: the dates, what was recorded, what is still behind and how it is forecast."""

    plan: str
    old_status: date | None
    as_of: date
    dry_run: bool
    records: list[Progress]
    behind: list[DueTask]
    before: Schedule
    after: Schedule
    precision_was: dict[str, Precision]  # resolved before the update changed the plan

    @property
    def saved(self) -> str:
        return "not saved (--dry-run)" if self.dry_run else f"saved to {self.plan}"


def precisions_before(project: Project, before: Schedule, due: list[DueTask]) -> dict[str, Precision]:
    """The shown precision of each due task's forecast, read before the update changes the plan."""
    shown = ShownPrecision(project, before)
    return {d.task_id: shown.of(d.task_id) for d in due}


def print_text(project: Project, update: StatusUpdate) -> None:
    """The update and the tasks behind, for people."""
    was = update.old_status.isoformat() if update.old_status else "none"
    print(f"Status date {was} -> {update.as_of.isoformat()}; {update.saved}.")
    if project.must_finish_by:  # the date the floats run to: is the forecast still within it?
        print(f"Plan finish {update.after.last_day().isoformat()}, must finish by "
              f"{project.must_finish_by.isoformat()}.")
    if update.records:
        print("Recorded:")
    width = max((len(one_line(project.tasks[r.task_id].key)) for r in update.records), default=0)
    for record in update.records:
        print(f"  {one_line(project.tasks[record.task_id].key).ljust(width)}  {_recorded(project, record)}")
    _print_behind(project, update)


def _recorded(project: Project, record: Progress) -> str:
    task = project.tasks[record.task_id]
    parts = [f"started {task.actual_start}"] if task.actual_start else []
    if record.finished is not None:
        parts.append(f"happened {record.finished}" if task.duration == 0 else f"done, last day {record.finished}")
    elif task.actual_start:
        parts.append(f"{task.percent_complete} % complete")
    return ", ".join(parts)


def _print_behind(project: Project, update: StatusUpdate) -> None:
    if not update.behind:
        print(f"Nothing else should have started or finished by {update.as_of}.")
        return
    print(f"Should have started or finished by {update.as_of} but not recorded ({len(update.behind)}); "
          "'now' is the forecast from the status date:")
    shown_now = ShownPrecision(project, update.after)
    rows = []
    for d in update.behind:
        was, now, dates = update.precision_was[d.task_id], shown_now.of(d.task_id), update.after.tasks[d.task_id]
        rows.append([one_line(d.key), one_line(d.name), d.due, start_text(d.start, was),
                     start_text(d.last_day, was), start_text(dates.shown_start, now),
                     start_text(dates.shown_finish, now)])
    cells = [list(column) for column in zip(*rows)]
    cells[1] = shortened(cells[1], MAX_NAME)
    fmt, widths = line_format(HEADERS, cells, right=set())
    print(fmt.format(*HEADERS).rstrip())
    write_lines(widths, set(), cells, sys.stdout)
    print(FINISH_NOTE)


def print_json(project: Project, update: StatusUpdate) -> None:
    """The update as JSON: what was (or, with --dry-run, would be) recorded, and what is behind."""
    print(json.dumps(status_dict(project, update), indent=2, ensure_ascii=False))


def status_dict(project: Project, update: StatusUpdate) -> dict[str, Any]:
    """JSON-ready: ISO dates, exclusive finishes (see FINISH_CONVENTION)."""
    shown_now = ShownPrecision(project, update.after)
    return {
        "finish_convention": FINISH_CONVENTION,
        "plan": update.plan, "status_date_was": _iso(update.old_status), "status_date": update.as_of.isoformat(),
        "dry_run": update.dry_run, "saved": not update.dry_run,
        "recorded": [_record_dict(project, r) for r in update.records],
        "behind": [_behind_dict(d, update, shown_now) for d in update.behind],
    }


def _record_dict(project: Project, record: Progress) -> dict[str, Any]:
    task = project.tasks[record.task_id]
    return {"key": task.key, "name": task.name, "actual_start": _iso(task.actual_start),
            "actual_finish": _iso(task.actual_finish), "percent_complete": task.percent_complete}


def _behind_dict(due: DueTask, update: StatusUpdate, shown_now: ShownPrecision) -> dict[str, Any]:
    was, now = update.before.tasks[due.task_id], update.after.tasks[due.task_id]
    return {"key": due.key, "name": due.name, "due_to": due.due, "milestone": due.milestone,
            "start_was": was.early_start.isoformat(), "finish_was": was.early_finish.isoformat(),
            "start_now": now.early_start.isoformat(), "finish_now": now.early_finish.isoformat(),
            "precision_was": update.precision_was[due.task_id].value, "precision_now": shown_now.of(due.task_id).value}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
