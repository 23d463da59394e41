"""Plan files older than version 8 held a manual task on its start by its constraint: Start No
Earlier Than that very day. Read, such a pin becomes the task's manual start beside As Soon As
Possible, as MS Project keeps it (ManualStart beside ConstraintType), so the task turned auto later
loses only that start and no constraint the planner set. Which constraint was the pin is decided as
the program decided it before (domain.task_mode.held_on_start, on the plan's schedule): the dates of
an old plan do not change, since a manual task sits on its manual start as it sat on its pin.

A signed file keeps its pins as they were: the signature covers the content, and a pin turned into a
manual start would make the plan read as altered after signing. Its dates are the same either way: a
manual task without a manual start is scheduled on its own Start No Earlier Than, as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain import PlannerError, Project
from ..domain.task_mode import held_on_start
from ..engine.cpm import schedule
from .repair_reading import Repair
from .table_access import Mend
from .tables import TableReader

FIRST_VERSION_WITH_MANUAL_START = 8
_PINS = "SELECT count(*) FROM tasks WHERE manual = 1 AND constraint_type = 'SNET'"
_SIGNED = "SELECT count(*) FROM signature"
_AS_MANUAL_START = ("UPDATE tasks SET manual_start = constraint_date, constraint_type = 'ASAP', "
                    "constraint_date = NULL WHERE id = ?")


def free_old_pins(conn: sqlite3.Connection, path: Path, version: int, mend: Mend | None = None) -> None:
    """Turn the pins of a file of `version`, migrated in `conn` (an in-memory copy), into manual starts.
    A `mend` (a repair's reading) cleans this reading too, or the repair could not read an old plan."""
    if version >= FIRST_VERSION_WITH_MANUAL_START or not conn.execute(_PINS).fetchone()[0] \
            or conn.execute(_SIGNED).fetchone()[0]:
        return
    project = TableReader(conn, path, _unrecorded(mend)).project(True)
    conn.executemany(_AS_MANUAL_START, [(task_id,) for task_id in pinned_tasks(project)])


def _unrecorded(mend: Mend | None) -> Mend | None:
    """A repair that cleans as `mend` does but keeps its removals to itself: the reading after this
    one reports each of them, once. Any other mend reads this copy as it reads the next."""
    return Repair() if isinstance(mend, Repair) else mend


def pinned_tasks(project: Project) -> list[str]:
    """The ids of the manual leaf tasks whose constraint is the pin that holds them on their start.
    None when the plan cannot be scheduled (a loop a file may hold): its pins place it as before."""
    try:
        dates = schedule(project).tasks
    except PlannerError:
        return []
    summaries = project.summary_ids()
    return [task.id for task in project.tasks.values()
            if task.id not in summaries and held_on_start(task, dates[task.id].early_start)]
