"""Progress against a status date: the tasks that should have started or finished by it and have not.

What "should have" means is read off a schedule of the plan as it stands (its forecast before the
update): a task is due to start when its early start is before the date and it has no actual start,
due to finish when its last day of work is before the date and it has no actual finish; a milestone
is due when its day is before the date and it has not happened. The status date is the first day of
remaining work (Primavera P6's data date), so work on the status date itself is not yet due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import Project, Task
from .schedule import Schedule


@dataclass(frozen=True)
class DueTask:
    """A task behind the status date: what it should have done by then, and its forecast dates."""

    task_id: str
    key: str
    name: str
    start: date  # forecast start before the update
    last_day: date  # forecast last day of work (a milestone's own day)
    started: bool  # it has an actual start: only its finish is due
    should_finish: bool  # its last day is before the status date (else only its start is)
    milestone: bool

    @property
    def due(self) -> str:
        """'finish' or 'start': the least the task should have done by the status date."""
        return "finish" if self.should_finish else "start"


def done_defaults(schedule: Schedule, as_of: date) -> dict[str, date]:
    """Per task, the last day to record when it is marked done without a date: as forecast, but before
    the status date (work on the status date itself is still to do)."""
    eve = as_of - timedelta(days=1)
    return {tid: min(d.shown_finish, eve) for tid, d in schedule.tasks.items()}  # a milestone's shown day


def due_tasks(project: Project, schedule: Schedule, as_of: date) -> list[DueTask]:
    """Leaf tasks, in WBS order, that should have started or finished before `as_of` and have not."""
    summaries = project.summary_ids()
    found = []
    for task, _depth in project.walk():
        if task.id in summaries or task.id not in schedule.tasks or _done(task):
            continue
        dates = schedule.tasks[task.id]
        last_day = dates.shown_finish
        should_finish = last_day < as_of
        should_start = dates.shown_start < as_of and task.actual_start is None
        if should_finish or should_start:
            found.append(DueTask(task.id, task.key, task.name, dates.shown_start, last_day,
                                 task.actual_start is not None, should_finish, task.duration == 0))
    return found


def _done(task: Task) -> bool:
    """Finished: an actual finish, a milestone that happened, or work under way recorded as 100 %."""
    return task.actual_finish is not None or (task.actual_start is not None and
                                              (task.duration == 0 or task.percent_complete >= 100))
