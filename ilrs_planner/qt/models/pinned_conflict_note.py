"""The status bar's word on a constraint that its links cannot meet.

A task pinned by MSO or MFO is scheduled on its date whatever its links say (cpm: the constraint
wins), so a date set before what a predecessor allows puts the task before that predecessor ends,
and the work before it goes into negative float. MS Project's Planning Wizard stops the planner at
that moment ("this will cause a scheduling conflict"); here the edit is made, as asked, and the
status bar names the task, its constraint, the predecessor and the day the link would have started
it. Whether the links are met is read from the same plan scheduled with the task unpinned, so every
link type and lag counts as the scheduler counts it. A Start No Later Than or Finish No Later Than
is the other way round: the links win and the task starts (finishes) after the date, which the
Planning Wizard warns of too; the status bar names the predecessor holding it there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ...domain import ConstraintType, PlannerError, Precision, Project, format_fuzzy_date
from ...engine.cpm import schedule as cpm_schedule
from ...engine.schedule import Schedule
from ...engine.whatif import scenario_project
from .constraint_column import (
    constraint_date_text,
    constraint_text,
    drives,
    shown_constraint_day,
    typed_start_step,
)

if TYPE_CHECKING:
    from ..document import Document

_PINNED = (ConstraintType.MSO, ConstraintType.MFO)
_NO_LATER = (ConstraintType.SNLT, ConstraintType.FNLT)


def first_conflict_note(document: Document, task_ids: Iterable[str], number_of: Callable[[str], int]) -> str | None:
    """The note on the first of `task_ids` whose Must Start On or Must Finish On its links cannot meet."""
    tasks = document.project.tasks
    for task_id in task_ids:
        if task_id not in tasks or tasks[task_id].constraint not in _NO_LATER + _PINNED:
            continue  # asked after every typed value and link: most tasks are constrained by nothing
        precision = document.shown_precision().start_of(task_id)
        note = pinned_conflict_note(document.project, document.schedule, task_id, number_of, precision)
        if note:
            return note
    return None


def pinned_conflict_note(project: Project, schedule: Schedule | None, task_id: str,
                         number_of: Callable[[str], int], precision: Precision = Precision.DAY) -> str | None:
    """"Scheduling conflict: 4 'Lander' Must Finish On 2030-01-20, but 3 'Rover' before it would start it
    2030-01-31; the constraint wins: it starts 2029-12-22 and the work before it runs late (negative
    float)", or None when its links allow the date (or it is not pinned, or under way)."""
    task = project.tasks.get(task_id)
    if task is None or task.manual or task.actual_start is not None or task.constraint not in _NO_LATER + _PINNED:
        return None
    # Looked up after the task is known to be constrained: the first look-up in a schedule derived
    # anew maps every task id to its row (20-30 ms at 100,000 tasks, after every typed value).
    dates = schedule.tasks.get(task_id) if schedule is not None else None
    if dates is None or project.is_summary(task_id):  # a scan of every task: last
        return None
    if task.constraint in _NO_LATER:
        return _passed_note(project, schedule, task_id, number_of, precision)
    if task.constraint not in _PINNED:
        return None
    try:  # the same plan, the task as soon as possible: where its links alone would start it
        free = cpm_schedule(scenario_project(project, task_id, {"constraint": ConstraintType.ASAP,
                                                                 "constraint_date": None}))
    except PlannerError:
        return None
    unpinned = free.tasks.get(task_id)
    if unpinned is None or unpinned.early_start <= dates.early_start:
        return None
    before = _predecessor(project, free, task_id, number_of)
    return (f"Scheduling conflict: {number_of(task_id)} '{task.name}' {constraint_text(task)} "
            f"{constraint_date_text(task)}, but {before} would start it {_day(unpinned.shown_start, precision)}; "
            f"the constraint wins: it starts {_day(dates.shown_start, precision)} and the work before it runs "
            "late (negative float)")


def _passed_note(project: Project, schedule: Schedule | None, task_id: str, number_of: Callable[[str], int],
                 precision: Precision) -> str | None:
    """"Scheduling conflict: 4 'Lander' Finish No Later Than 2030-02-20, but 3 'Rover' before it holds its
    finish to 2030-03-01; the link wins and the date is missed (negative float)", or None when the date
    is met or no link holds the task past it."""
    task, dates = project.tasks[task_id], schedule.tasks[task_id] if schedule is not None else None
    latest = shown_constraint_day(task)
    finish = task.constraint is ConstraintType.FNLT
    held = (dates.shown_finish if finish else dates.shown_start) if dates is not None else None
    if schedule is None or held is None or latest is None or held <= latest:
        return None
    before = _predecessor(project, schedule, task_id, number_of)
    if before == _UNNAMED:
        return None  # not a link: the plan's start, the status date or its own duration holds it
    return (f"Scheduling conflict: {number_of(task_id)} '{task.name}' {constraint_text(task)} "
            f"{constraint_date_text(task)}, but {before} holds its {'finish' if finish else 'start'} to "
            f"{_day(held, precision)}; the link wins and the date is missed (negative float)")


_UNNAMED = "its predecessors"


def _predecessor(project: Project, free: Schedule, task_id: str, number_of: Callable[[str], int]) -> str:
    """The predecessor that holds the unpinned task's start, by its ID and name ('its predecessors'
    when none is found: a link into a summary above it, say)."""
    _driver, driver_id = typed_start_step(project, free, task_id)
    into = (link for link in project.links.values() if link.succ_id == task_id)
    link = next((link for link in into if drives(project, link.pred_id, driver_id)), None)
    if link is None:
        return _UNNAMED
    pred = project.tasks[link.pred_id]
    return f"{number_of(pred.id)} '{pred.name}' before it"


def _day(day, precision: Precision) -> str:
    return format_fuzzy_date(day, precision)
