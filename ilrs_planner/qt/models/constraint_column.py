"""The task table's Constraint type and Constraint date columns, as MS Project's: what they show, what
typing into them means, and the words the tooltips and the status bar use for a task's constraint.

A planner reviewing a schedule lists which tasks are pinned first; a Start typed over a link leaves
a Start No Earlier Than that the table's dates alone do not show. Typed as MS Project takes them:
the constraint's words or code ("Start No Earlier Than", "SNET", "As Soon As Possible", empty for
as soon as possible) and a date. A dated constraint chosen without a date takes the task's start
(its finish for a finish constraint), as MS Project does; a date typed for a task with none is a
Start No Earlier Than; an empty date takes the constraint off.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ...commands.base import Command
from ...commands.tasks import SetPlannedDates, SetTaskFields
from ...domain import (
    ConstraintType,
    PlannerError,
    Precision,
    Project,
    Task,
    edge_precision,
    edge_text,
    format_fuzzy_date,
    parse_fuzzy_date,
    period_end,
    period_start,
)
from ...domain.dates import MAX_YEAR, MIN_YEAR
from ...engine.early_dates import EarlyDates
from ...engine.schedule import Schedule, TaskDates
from ...engine.shown_precision_columns import chain_index_for
from ...exchange.msp_values import CONSTRAINT_NAMES, FINISH_CONSTRAINTS, finish_shift, is_blank, parse_constraint
from .predecessor_column import predecessors_text


def constraint_text(task: Task) -> str:
    """The Constraint type cell: MS Project's words ('Start No Earlier Than')."""
    return CONSTRAINT_NAMES[task.constraint]


def constraint_date_text(task: Task, summary: bool = False) -> str:
    """The Constraint date cell, at the precision the task's dates were given ('2031-06', '2035'), or
    finer where the date is not that period's edge: a Start No Earlier Than typed 'Q3 2029' on a task
    a Finish typed '2031' made known to the year reads 'Q3 2029', not '2029' (1 January)."""
    day = shown_constraint_day(task, summary)
    return edge_text(day, task.precision, end=task.constraint in FINISH_CONSTRAINTS) if day else ""


def shown_constraint_day(task: Task, summary: bool = False) -> date | None:
    """The constraint's date as a planner reads and types it: a finish constraint's is the last day of
    work, which the plan stores as the day after it (the exclusive finish the scheduler reads, as the
    CSV and XLSX exports convert it; `summary`: the task is a summary, which spans whole days)."""
    if task.constraint_date is None or task.constraint not in FINISH_CONSTRAINTS:
        return task.constraint_date
    return task.constraint_date - timedelta(days=finish_shift(task.duration, summary))


def _stored_day(kind: ConstraintType, shown: date, task: Task, summary: bool) -> date:
    """The date to store for a constraint of `kind` shown as `shown` (see shown_constraint_day); a
    PlannerError naming the day shown when the plan file could not hold the day stored."""
    shift = finish_shift(task.duration, summary) if kind in FINISH_CONSTRAINTS else 0
    if shown > date(MAX_YEAR, 12, 31) - timedelta(days=shift):  # a finish's last day is stored as the day after
        last = date(MAX_YEAR, 12, 31) - timedelta(days=shift)
        raise PlannerError("task.bad_value", f"{task.key}: constraint date {shown} is after {last}, the last "
                           f"{'finish' if shift else 'day'} a plan holds (its dates run from {MIN_YEAR} to {MAX_YEAR})",
                           [task.id])
    return shown + timedelta(days=shift)


def constraint_line(task: Task, summary: bool = False) -> str:
    """'Constraint: Start No Earlier Than 2026-12-10' for a tooltip; empty for as soon as possible."""
    if task.constraint is ConstraintType.ASAP:
        return ""
    return f"Constraint: {constraint_text(task)} {constraint_date_text(task, summary)}".rstrip()


def constraint_type_command(task: Task, text: str, dates: TaskDates | None, summary: bool = False) -> Command:
    """The command typing `text` into Constraint type means; PlannerError naming the words it takes.
    The date shown stays what it was (a Start No Earlier Than 2031-06-02 made a Finish No Later Than
    finishes by the end of 2031-06-02; a Start No Earlier Than '2030' made a Must Finish On '2030'
    finishes on the last day of 2030, as 'by 2030' reads), or is the task's own day, so choosing a
    constraint moves nothing."""
    kind = parse_constraint(text, []) or ConstraintType.ASAP
    words = CONSTRAINT_NAMES[kind]
    if not kind.dated:
        return SetTaskFields(task.id, text=f"Set constraint of '{task.name}' to {words}", constraint=kind,
                             constraint_date=None)
    shown = _same_period(task, kind, shown_constraint_day(task, summary)) or _day_of(task, kind, dates)
    return SetTaskFields(task.id, text=f"Set constraint of '{task.name}' to {words}", constraint=kind,
                         constraint_date=_stored_day(kind, shown, task, summary))


def _same_period(task: Task, kind: ConstraintType, shown: date | None) -> date | None:
    """The day the constraint's date, as its cell reads it ('2030'), means for `kind`: a finish
    constraint binds at the period's last day, a start constraint at its first."""
    was_finish = task.constraint in FINISH_CONSTRAINTS
    if shown is None or was_finish == (kind in FINISH_CONSTRAINTS):
        return shown
    read = edge_precision(shown, task.precision, end=was_finish)  # 'Q3 2029' for a year task's 1 July
    return period_end(shown, read) if kind in FINISH_CONSTRAINTS else period_start(shown, read)


def _day_of(task: Task, kind: ConstraintType, dates: TaskDates | None) -> date:
    """The task's start (its last day for a finish constraint), the date MS Project gives a constraint chosen."""
    if dates is None:
        raise PlannerError("task.unscheduled", f"the plan has no schedule to take {task.name!r}'s dates from; "
                           "type the Constraint date", [task.id])
    return dates.shown_finish if kind in FINISH_CONSTRAINTS else dates.shown_start


def constraint_date_command(task: Task, text: str, summary: bool = False) -> Command:
    """The command typing `text` into Constraint date means: a date for the task's constraint (a Start
    No Earlier Than when it has none); empty or NA takes the constraint off."""
    if is_blank(text):
        return SetTaskFields(task.id, text=f"Take the constraint off '{task.name}'", constraint=ConstraintType.ASAP,
                             constraint_date=None)
    kind = task.constraint if task.constraint.dated else ConstraintType.SNET
    day, precision = parse_fuzzy_date(text, end=kind in FINISH_CONSTRAINTS)  # 'FNLT 2035': by its end
    return SetPlannedDates(task.id, text=f"Set constraint date of '{task.name}' to {text}", constraint=kind,
                           constraint_date=_stored_day(kind, day, task, summary), precision=precision)


def typed_start_step(project: Project, schedule: Schedule, task_id: str) -> tuple[str, str | None]:
    """What holds the task's start, and the task that does (ChainIndex.step) in `schedule`; the last
    answer is kept, as the notes on a typed Start (by a link, by the status date) ask it in turn."""
    kept = _LastStep.kept
    if kept is None or kept[0] is not schedule or kept[1] != task_id:
        early = EarlyDates(schedule)
        kept = _LastStep.kept = (schedule, task_id, chain_index_for(project, schedule, early).step(early, task_id))
    return kept[2]


class _LastStep:
    kept: tuple[Schedule, str, tuple[str, str | None]] | None = None  # the last schedule, task and step


def held_start_note(project: Project, schedule: Schedule | None, task_id: str, number_of: Callable[[str], int],
                    spelled: Callable[[str], bool], precision: Precision = Precision.DAY) -> str | None:
    """When a Start typed into `task_id` is held later by a link: "Start of 19 'Procure panels' held at
    2026-12-16 by 18 'Design review' (18FS+5 days); Start No Earlier Than 2026-12-10 kept", the link as
    the Predecessors column writes it when it says more than the ID (`number_of`: each task's ID;
    `spelled`: is this text a key). The start is said as the row shows it, at `precision`: "held in 2030"."""
    task = project.tasks.get(task_id)
    dates = schedule.tasks.get(task_id) if schedule is not None else None
    if task is None or schedule is None or dates is None or task.manual or task.constraint is not ConstraintType.SNET \
            or task.constraint_date is None or dates.shown_start <= task.constraint_date:
        return None
    _driver, pred_id = typed_start_step(project, schedule, task_id)
    into = (ln for ln in project.links.values() if ln.succ_id == task_id)  # only when held: no index kept
    link = next((ln for ln in into if drives(project, ln.pred_id, pred_id)), None)
    if link is None:
        return None
    entry = predecessors_text(project, [link], number_of, spelled)
    pred = project.tasks[link.pred_id]
    named = f"{number_of(pred.id)} '{pred.name}'"
    held = format_fuzzy_date(dates.shown_start, precision)
    return (f"Start of {number_of(task_id)} '{task.name}' held {'at' if precision is Precision.DAY else 'in'} "
            f"{held} by {named}{'' if entry == str(number_of(pred.id)) else f' ({entry})'}; "
            f"{constraint_text(task)} {constraint_date_text(task)} kept")


def drives(project: Project, pred_id: str, driver_id: str | None) -> bool:
    """Is `driver_id` the predecessor itself, or a sub-task a summary predecessor drives through?"""
    current = driver_id
    while current is not None:
        if current == pred_id:
            return True
        current = project.tasks[current].parent_id if current in project.tasks else None
    return False
