"""The duration that puts a task's last day of work on a given day, as MS Project takes a finish typed,
a bar's end dropped or a what-if's "finish on": days of work from its start, or for a task under way
its remaining work from the status date (P6's rule, see cpm) or from its actual start."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain import PlannerError, Project, Task
from ..domain.working_count import WorkedDays


def runs_from_status(task: Task, status: date | None) -> bool:
    """Under way at the status date: its remaining work (P6's rule, see cpm) runs from the status date."""
    return bool(status and task.actual_start and task.actual_start < status and task.percent_complete < 100)


def duration_leaving(task: Task, remaining: int) -> int:
    """The duration whose remaining share at the task's % complete is `remaining` days (cpm's rounding inverted)."""
    # The longest duration whose share rounds up to `remaining`: floor, since ceil(floor(x / s) * s) == x.
    return max(remaining, 1) * 100 // (100 - task.percent_complete)


def duration_finishing_on(project: Project, task: Task, start: date, last_day: date,
                          worked: WorkedDays | None = None) -> int:
    """The duration that puts the task's last day of work on `last_day`, as MS Project takes a finish
    typed or a bar's end dropped: its days of work from `start` (working days of its calendar, at
    least one); for a task under way, what under_way_duration gives, its remaining work running from
    the status date. PlannerError as under_way_duration refuses. `worked`: the counts made already."""
    if task.actual_start is not None:
        return under_way_duration(project, task, last_day, worked)
    return max((worked or WorkedDays(project)).between(task, start, last_day + timedelta(days=1)), 1)


def under_way_duration(project: Project, task: Task, day: date, worked: WorkedDays | None = None) -> int:
    """The duration of a task under way (it has an actual start) whose last day of work is `day`: its
    remaining work runs from the status date at its % complete when under way at the status date (so
    the days from the status date through `day` are what is left), else from its actual start. What a
    finish given, dropped or typed for such a task means; PlannerError before its actual start or,
    under way at the status date, before the status date."""
    assert task.actual_start is not None  # under way
    status = project.status_date
    if day < task.actual_start:
        raise PlannerError("task.bad_value", f"'{task.key}' started on {task.actual_start}; it cannot finish "
                           f"on {day}", [task.id])
    worked = worked or WorkedDays(project)  # the days of work the scheduler counts: its calendar, or elapsed
    if runs_from_status(task, status):
        assert status is not None  # checked by runs_from_status
        if day < status:
            raise PlannerError("task.bad_value", f"'{task.key}' is under way at the status date {status}; "
                               f"it cannot finish before it, on {day}", [task.id])
        return duration_leaving(task, worked.between(task, status, day + timedelta(days=1)))
    return worked.between(task, task.actual_start, day + timedelta(days=1))
