"""What a command would make of one task's dates before it is pushed (a bar's drag, previewed).

The command itself is applied to a copy of the plan (the task copied, nothing else touched) and the
copy is scheduled, so the dates shown while dragging are those the drop gives, by the one rule that
places every task: a start dropped on a day off moves to the next working day, a predecessor may
hold it later, and the finish is the task's duration counted on its calendar from there.
"""

from __future__ import annotations

from ..domain import Project
from ..engine.cpm import schedule
from ..engine.schedule import TaskDates
from ..engine.whatif import scenario_project
from .base import Command


def dates_after(project: Project, command: Command, task_id: str) -> TaskDates:
    """The task's dates once `command` (an edit of that task alone) is applied; `project` is untouched.
    PlannerError as the schedule would refuse the edit."""
    copy = scenario_project(project, task_id, {})
    command.apply(copy)
    return schedule(copy, keep=False).tasks[task_id]
