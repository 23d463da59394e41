"""Updating progress: a new status date and the actual dates of tasks, as one undoable step.

The window's "Update progress…" dialog and `ilrs-planner status` both build this one command, so a
status update is undone in one go. Dates come as a person gives them: a finish is the last day of
work (stored as the exclusive finish, the day after; a milestone's own day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import PlannerError, Project, Task
from ..domain.dates import MAX_YEAR, MIN_YEAR
from .base import Command
from .composite import AllOrNothing
from .plan import SetPlanFields
from .tasks import SetTaskFields


@dataclass(frozen=True)
class Progress:
    """What is recorded for one task: when it started, its last day of work, its % complete."""

    task_id: str
    started: date | None = None
    finished: date | None = None  # the last day of work; a milestone's day
    percent: int | None = None


def update_progress(project: Project, as_of: date, records: list[Progress],
                    planned_starts: dict[str, date] | None = None) -> AllOrNothing:
    """One command setting the status date to `as_of` and recording each task's progress.

    `planned_starts` (task id -> forecast start) gives a task marked done without an actual start
    its planned start, as MS Project does, when that is not after its last day.
    """
    parts: list[Command] = [SetPlanFields(f"Status date {as_of}", status_date=as_of)]
    for record in records:
        task = _task(project, record.task_id)
        planned = (planned_starts or {}).get(task.id)
        parts.append(SetTaskFields(task.id, f"Progress of {task.key}", **_fields(task, record, as_of, planned)))
    return AllOrNothing(text=f"Update progress to {as_of}", parts=parts)


def _task(project: Project, task_id: str) -> Task:
    if task_id not in project.tasks:
        raise PlannerError("status.unknown_task", f"no task {task_id} in the plan", [task_id])
    if project.is_summary(task_id):
        task = project.tasks[task_id]
        raise PlannerError("status.summary", f"'{task.key}' is a summary: its progress comes from its sub-tasks; "
                           "record it on them", [task_id])
    return project.tasks[task_id]


def _fields(task: Task, record: Progress, as_of: date, planned: date | None) -> dict[str, object]:
    """The task fields the record sets, checked against the status date."""
    for what, day in (("started", record.started), ("finished", record.finished)):
        if day is not None and day > as_of:
            raise PlannerError("status.future_date", f"'{task.key}' cannot have {what} on {day}, after the "
                               f"status date {as_of}", [task.id])
    fields: dict[str, object] = {}
    if record.started is not None:
        fields["actual_start"] = record.started
    start = record.started or task.actual_start
    if record.finished is not None and start is not None and record.finished < start:
        raise PlannerError("status.finish_before_start", f"'{task.key}' cannot have finished on {record.finished} "
                           f"(its last day of work), before it started on {start}", [task.id])
    if record.finished is not None:
        milestone = task.duration == 0
        if not milestone and record.finished == date(MAX_YEAR, 12, 31):  # stored as the day after: no file holds it
            raise PlannerError("task.bad_value", f"'{task.key}' cannot have finished on {record.finished}: a "
                               f"task's last day of work is kept as the day after, so {MAX_YEAR}-12-30 is the "
                               f"last a plan holds (its dates run from {MIN_YEAR} to {MAX_YEAR})", [task.id])
        fields["actual_finish"] = record.finished if milestone else record.finished + timedelta(days=1)
        fields["percent_complete"] = 100
        if start is None:
            start = record.finished if milestone else planned if planned and planned <= record.finished else None
            if start is not None:
                fields["actual_start"] = start
    if record.percent is not None and record.finished is None:
        if start is None:
            raise PlannerError("status.not_started", f"'{task.key}' has no actual start: give the day it started "
                               f"to record {record.percent} % complete", [task.id])
        fields["percent_complete"] = record.percent
    return fields
