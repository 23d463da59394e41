"""MS Project's Task Mode in words: what the CSV column, the table's cell and the task dialog show and read."""

from __future__ import annotations

from datetime import date

from .enums import ConstraintType
from .plan_parts import Task

MANUAL_TEXT, AUTO_TEXT = "Manually Scheduled", "Auto Scheduled"  # MS Project's own words
# What people type, spaces and case aside (blank: auto scheduled, as a table without the column reads).
_WORDS = {"": False, "auto scheduled": False, "auto": False, "manually scheduled": True, "manual": True}


def task_mode_text(manual: bool) -> str:
    """'Manually Scheduled' or 'Auto Scheduled'."""
    return MANUAL_TEXT if manual else AUTO_TEXT


def parse_task_mode(text: str) -> bool:
    """True for a manually scheduled task, False for an auto-scheduled one; ValueError for anything else."""
    words = " ".join(text.lower().split())
    if words not in _WORDS:
        raise ValueError(f"'{text.strip()[:40]}' is not a task mode: {MANUAL_TEXT} or {AUTO_TEXT}")
    return _WORDS[words]


def held_on_start(task: Task, start: date | None) -> bool:
    """Is the task's constraint the pin that held a manual task on `start`, its scheduled start, before
    a plan kept a manual task's start apart from its constraint (Start No Earlier Than that very day,
    and no manual start)? Such a pin is the task's manual start: MS Project keeps it as ManualStart
    beside As Soon As Possible, and a file of an older version is read so (store.old_pins)."""
    return bool(task.manual) and task.manual_start is None and task.constraint is ConstraintType.SNET \
        and start is not None and task.constraint_date == start
