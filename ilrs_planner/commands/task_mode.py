"""Choosing a task's mode (MS Project's Task Mode) as one undo step, from the table or the task dialog.

MS Project keeps a task's dates when it turns manual; here a manual task starts where its own
constraint date (or the plan's start) puts it (see engine.cpm), so a task turning manual without a
constraint that places it is pinned Start No Earlier Than the start it has, in the same step. MS
Project stores a manual task's start apart from its constraint (MS Project XML's ManualStart beside
ConstraintType), so turning auto again lets the task go where its links put it: the step that turns
a task auto removes that pin, a Start No Earlier Than on exactly the start the task holds.
"""

from __future__ import annotations

from datetime import date

from ..domain import ConstraintType, Project, Task
from ..domain.task_mode import held_on_start
from .outline import task_or_error
from .tasks import SetTaskFields

_FREE = {"constraint": ConstraintType.ASAP, "constraint_date": None}


def held_where_it_is(project: Project, task: Task, constraint: ConstraintType, start: date | None) -> dict[str, object]:
    """The constraint that keeps `task`, turning manual with `constraint`, on `start` (its scheduled
    start): none when the constraint places the task itself (a dated one, or As Late As Possible,
    which keeps it on its late dates), the task has started, or it starts with the plan."""
    if places_the_task(constraint) or task.actual_start is not None or start is None or start <= project.start:
        return {}
    return {"constraint": ConstraintType.SNET, "constraint_date": start}


def places_the_task(constraint: ConstraintType) -> bool:
    """Does the constraint itself say where a task goes (a date, or as late as possible)? A planner's
    such choice is kept when the task turns manual, where no constraint (ASAP) is replaced by the pin."""
    return ConstraintType(constraint) is not ConstraintType.ASAP


def released_pin(task: Task, start: date | None) -> dict[str, object]:
    """The fields that free a manual task turning auto from the pin that held it on `start` (its
    scheduled start): Start No Earlier Than on that very day. Any other constraint is the planner's."""
    return dict(_FREE) if held_on_start(task, start) else {}


def set_task_mode(project: Project, task_id: str, manual: bool, start: date | None) -> SetTaskFields | None:
    """The step that makes the task manually (True) or auto scheduled; None when it already is.
    `start`: the task's scheduled start, which a task turning manual keeps."""
    task = task_or_error(project, task_id)
    if task.manual == manual:
        return None
    if manual:
        held = held_where_it_is(project, task, task.constraint, start)
    else:
        held = released_pin(task, start)
    text = f"Schedule '{task.name}' manually" if manual else f"Auto schedule '{task.name}'"
    return SetTaskFields(task.id, text=text, manual=manual, **held)
