"""What a command would make of one task's dates before it is pushed (a bar's drag, previewed).

The command itself is applied to a copy of the plan (the task copied, nothing else touched) and the
copy is scheduled, so the dates shown while dragging are those the drop gives, by the one rule that
places every task: a start dropped on a day off moves to the next working day, a predecessor may
hold it later, and the finish is the task's duration counted on its calendar from there.

Given the columns the window keeps for the plan (see engine.kept_columns), the copy is read from
them (only the task edited read again) and scheduled from the passes kept (see engine._kept_passes):
the copy differs from the plan by one task, as the drop will, so only what that task reaches is
computed again, and each step of a drag over a 100,000-task plan costs tens of milliseconds, not the
half second a whole plan read and scheduled afresh takes. The dates are those of the whole schedule.
"""

from __future__ import annotations

from collections.abc import Callable

from ..domain import Project
from ..engine.cpm import schedule
from ..engine.file_columns import InputColumns
from ..engine.schedule import TaskDates, TaskTable
from ..engine.whatif import scenario_project
from .base import Command

ColumnsOf = Callable[[Project], InputColumns | None]  # a copy of the plan -> its columns, or None to read it


def dates_after(project: Project, command: Command, task_id: str, columns_of: ColumnsOf | None = None) -> TaskDates:
    """The task's dates once `command` (an edit of that task alone) is applied; `project` is untouched.
    `columns_of`: the copy's scheduling inputs from those kept for the plan (None: read from the copy).
    PlannerError as the schedule would refuse the edit."""
    copy = scenario_project(project, task_id, {})
    command.apply(copy)
    columns = columns_of(copy) if columns_of is not None else None
    table = schedule(copy, columns, keep=columns is not None).tasks
    return table.one(task_id) if isinstance(table, TaskTable) else table[task_id]
