"""The status bar's word on a Start typed before the plan's status date.

Remaining work starts no earlier than the status date (as Primavera P6 schedules from its data date),
so a Start typed before it on a task not yet under way lands on the status date. The planner typed
one date and sees another: the status bar says which, why, and that the typed date is kept as the
task's Start No Earlier Than, as it says when a link holds a typed Start later.
"""

from __future__ import annotations

from collections.abc import Callable

from ...domain import ConstraintType, Project
from ...engine.schedule import Schedule
from .constraint_column import constraint_date_text, constraint_text, typed_start_step


def status_date_note(project: Project, schedule: Schedule | None, task_id: str,
                     number_of: Callable[[str], int]) -> str | None:
    """"Start of 26 'Long March 10 first orbital flight' held at the status date 2026-12-01: work not
    started by then is scheduled from it; Start No Earlier Than 2026-03-10 kept", or None."""
    task = project.tasks.get(task_id)
    dates = schedule.tasks.get(task_id) if schedule is not None else None
    status = project.status_date
    if task is None or dates is None or status is None or task.manual or task.constraint is not ConstraintType.SNET \
            or task.constraint_date is None or task.constraint_date >= status or dates.early_start < status:
        return None
    assert schedule is not None
    driver, _pred = typed_start_step(project, schedule, task_id)
    if not driver.startswith("status date"):
        return None  # a link holds it later still: that note says so
    return (f"Start of {number_of(task_id)} '{task.name}' held at the status date {status.isoformat()}: work not "
            f"started by then is scheduled from it; {constraint_text(task)} {constraint_date_text(task)} kept")
