"""Choosing a task's mode (MS Project's Task Mode) as one undo step, from the table or the task dialog.

MS Project keeps a task's dates when it turns manual; here a manual task starts where its own
constraint date (or the plan's start) puts it (see engine.cpm), so a task turning manual without a
dated constraint is pinned Start No Earlier Than the start it has, in the same step.
"""

from __future__ import annotations

from datetime import date

from ..domain import ConstraintType, Project, Task
from .outline import task_or_error
from .tasks import SetTaskFields


def held_where_it_is(project: Project, task: Task, constraint: ConstraintType, start: date | None) -> dict[str, object]:
    """The constraint that keeps `task`, turning manual with `constraint`, on `start` (its scheduled
    start): none when the constraint is dated, the task has started, or it starts with the plan."""
    if ConstraintType(constraint).dated or task.actual_start is not None or start is None or start <= project.start:
        return {}
    return {"constraint": ConstraintType.SNET, "constraint_date": start}


def set_task_mode(project: Project, task_id: str, manual: bool, start: date | None) -> SetTaskFields | None:
    """The step that makes the task manually (True) or auto scheduled; None when it already is.
    `start`: the task's scheduled start, which a task turning manual keeps."""
    task = task_or_error(project, task_id)
    if task.manual == manual:
        return None
    held = held_where_it_is(project, task, task.constraint, start) if manual else {}
    text = f"Schedule '{task.name}' manually" if manual else f"Auto schedule '{task.name}'"
    return SetTaskFields(task.id, text=text, manual=manual, **held)
