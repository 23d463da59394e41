"""Choosing a task's mode (MS Project's Task Mode) as one undo step, from the table or the task dialog.

MS Project keeps a task's dates when it turns manual, and keeps a manual task's start apart from its
constraint (MS Project XML's ManualStart beside ConstraintType). So does a plan here: a task turning
manual keeps the start it has as its manual start (a milestone at the end of its day stays at the
end of it), in the same step, and its constraint is left as the planner set it; turning auto again
drops only that manual start, so the task goes where its links and its constraint put it.
"""

from __future__ import annotations

from ..domain import ConstraintType, Project, Task
from ..engine.schedule import TaskDates
from .outline import task_or_error
from .tasks import SetTaskFields

_NO_MANUAL_START = {"manual_start": None, "manual_start_at_day_end": False}


def kept_where_it_is(project: Project, task: Task, constraint: ConstraintType,
                     dates: TaskDates | None) -> dict[str, object]:
    """The manual start that keeps `task`, turning manual with `constraint`, where `dates` (its
    schedule) show it: none for a summary (its sub-tasks place it), a task that has started (its
    actual dates place it) or one As Late As Possible (the planner's choice of place: it stays on
    its late dates)."""
    if dates is None or task.actual_start is not None or task.actual_finish is not None \
            or ConstraintType(constraint) is ConstraintType.ALAP or project.is_summary(task.id):
        return {}
    at_day_end = bool(dates.early_at_day_end) and task.duration == 0
    return {"manual_start": dates.shown_start, "manual_start_at_day_end": at_day_end}


def dropped_manual_start(task: Task) -> dict[str, object]:
    """The fields that free a manual task turning auto: its manual start, and nothing else (a
    constraint is the planner's, whatever day it names)."""
    if task.manual_start is None and not task.manual_start_at_day_end:
        return {}
    return dict(_NO_MANUAL_START)


def set_task_mode(project: Project, task_id: str, manual: bool, dates: TaskDates | None) -> SetTaskFields | None:
    """The step that makes the task manually (True) or auto scheduled; None when it already is.
    `dates`: the task's schedule, whose start a task turning manual keeps."""
    task = task_or_error(project, task_id)
    if task.manual == manual:
        return None
    kept = kept_where_it_is(project, task, task.constraint, dates) if manual else dropped_manual_start(task)
    text = f"Schedule '{task.name}' manually" if manual else f"Auto schedule '{task.name}'"
    return SetTaskFields(task.id, text=text, manual=manual, **kept)
