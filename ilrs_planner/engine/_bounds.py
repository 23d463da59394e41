"""Constraints, deadlines and actual dates of each task, as bounds on its working-day positions.

Each date becomes a position on the task's row of the working-time tables (see _calendars; on the
7-day calendar a position is the day ordinal itself): a start-type date is the first working day
at or after it, a finish-type date (exclusive) the working days completed before it, a latest start
the last working day at or before it. A summary's start cap stays a day: it lowers only the
summary's own float, which _summaries counts in days.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from operator import attrgetter, is_not

import numpy as np

from ..domain import ConstraintType, PlannerError, Task
from ._calendars import WorkingTime

BIG = 10**9  # beyond any day ordinal: stands for "no bound"
# Each task field that bounds a task, with the value that leaves it unbounded.
_UNSET = {"constraint": ConstraintType.ASAP, "deadline": None, "actual_start": None, "actual_finish": None,
          "manual": False}
_DATE_NAMES = ("deadline", "constraint_date", "actual_start", "actual_finish")


@dataclass(slots=True)
class Bounds:
    """Per-task bounds from constraints, deadlines and actual dates (day ordinals)."""

    duration: np.ndarray
    base: np.ndarray  # leaf: earliest start; summary: bound handed to its descendants' starts
    fixed: np.ndarray
    start_cap: np.ndarray
    finish_cap: np.ndarray
    history: np.ndarray
    finished: np.ndarray
    as_late: np.ndarray  # constrained As Late As Possible (no bound: see _late_tasks)
    # A milestone's latest finish when it stands at the END of a day: its deadline's day end is the
    # next position, which finish_cap (the start of the deadline's day) does not allow. BIG if none.
    day_end_cap: np.ndarray
    manual: np.ndarray  # manually scheduled: fixed where its own bounds put it, whatever its links


Position = Callable[[int, int], int]  # (task index, day ordinal) -> position on the task's row


def task_bounds(tasks: Sequence[Task], planned: np.ndarray, is_summary: np.ndarray, start: int,
                time: WorkingTime | None = None, rows: np.ndarray | None = None,
                status: int | None = None, bounded: list[int] | None = None) -> Bounds:
    """Constraints, deadlines and actual dates as per-task position bounds (`rows`: each task's row).

    `status` is the plan's status date (a day ordinal), before which no remaining work is placed.
    `bounded`: the tasks with any of them, when known (see file_columns); else found here.
    """
    own = own_bounds(tasks, planned, is_summary, start, time, rows, status, bounded)
    return hold_unstarted_after(own, is_summary, status, time, rows)


def own_bounds(tasks: Sequence[Task], planned: np.ndarray, is_summary: np.ndarray, start: int,
               time: WorkingTime | None = None, rows: np.ndarray | None = None, status: int | None = None,
               bounded: list[int] | None = None) -> Bounds:
    """The bounds each task's own fields give (work under way measured from the status date), before
    the status date holds unstarted tasks after it (task_bounds). A task's bounds depend on that task
    alone, so a few tasks' can be read by themselves."""
    n = len(tasks)
    if time is None or rows is None:
        base = np.full(n, start, dtype=np.int64)  # on calendar days a position is the day itself
    else:
        base = time.pos(rows, np.full(n, start))
    b = Bounds(planned.copy(), base, np.full(n, -BIG, dtype=np.int64),
                np.full(n, BIG, dtype=np.int64), np.full(n, BIG, dtype=np.int64),
                np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool),
                np.full(n, BIG, dtype=np.int64), np.zeros(n, dtype=bool))
    b.base[is_summary] = -BIG
    pos: Position = _day_position(time, rows)
    for i in bounded_tasks(tasks) if bounded is None else bounded:
        task = tasks[i]
        deadline, cdate, actual_start, actual_finish = (_ordinal(task, name) for name in _DATE_NAMES)
        ctype = _constraint_type(task)
        b.as_late[i] = ctype == ConstraintType.ALAP
        if ctype.dated:  # ALAP is no bound: it moves the task after the passes (see _late_tasks)
            _apply_constraint(b, i, task, ctype, cdate, bool(is_summary[i]), pos)
        if (actual_start is not None or actual_finish is not None) and not is_summary[i]:
            _apply_actuals(b, i, task, actual_start, actual_finish, pos)
            if status is not None and actual_start is not None and actual_finish is None:
                _remaining_from_status(b, i, task, pos(i, actual_start), pos(i, status))
        if deadline is not None:
            milestone = bool(b.duration[i] == 0 and not is_summary[i])
            _apply_deadline(b, i, milestone, pos(i, deadline), pos(i, deadline + 1))
        if task.manual is True and not is_summary[i]:
            _hold_manual(b, i, task, pos)
    return b


def _hold_manual(b: Bounds, i: int, task: Task, pos: Position) -> None:
    """A manually scheduled task starts on its manual start, as MS Project keeps a manual task's start
    whatever its predecessors and its constraint say; its links and constraint still give it late
    dates and float in the backward pass. Actual dates have fixed it already. Without a manual start
    it starts where its own constraint (or the plan's start) puts it: MSO/MFO have fixed it, and As
    Late As Possible sits it on its late dates (see _late_tasks): held on the plan's start first, it
    would pull its successors and the project finish back to it."""
    b.manual[i] = True
    if b.history[i]:
        return
    day = _ordinal(task, "manual_start")
    if day is not None:  # a milestone at the end of its day is at the moment before the next one
        b.fixed[i] = pos(i, day + 1 if task.manual_start_at_day_end is True and b.duration[i] == 0 else day)
        b.as_late[i] = False
    elif b.fixed[i] == -BIG and not b.as_late[i]:
        b.fixed[i] = b.base[i]


def _apply_deadline(b: Bounds, i: int, milestone: bool, day_start: int, day_end: int) -> None:
    """Finished by the end of the deadline's day: the exclusive finish may be the next position.

    A milestone is a moment: at the start of the deadline's day it meets it, at the start of the next
    it does not, though both are the position after the day's end. Which moment it takes is known
    after the forward pass (see _day_ends), so a milestone keeps both caps: finish_cap for the start
    of a day, day_end_cap for the end of one (17:00 on the deadline meets it, as in MS Project).
    """
    if milestone:
        b.day_end_cap[i] = min(b.finish_cap[i], day_end)
        b.finish_cap[i] = min(b.finish_cap[i], day_start)
    else:
        b.finish_cap[i] = min(b.finish_cap[i], day_end)


def remaining_duration(duration: int, percent_complete: int) -> int:
    """Primavera P6's remaining duration: the undone share, rounded up, at least a day unless 100 %."""
    percent = min(max(int(percent_complete), 0), 100)
    left = -(-duration * (100 - percent) // 100)  # ceiling division: part of a day is a day
    return max(left, 1) if percent < 100 and duration > 0 else left


def _remaining_from_status(b: Bounds, i: int, task: Task, started: int, status: int) -> None:
    """A task under way at the status date: its start stays, its remaining work runs from the status date.

    At 100 % without an actual finish the work is done by the status date at the latest.
    """
    elapsed = status - started
    if elapsed <= 0 or b.duration[i] == 0:
        return  # started on or after the status date: nothing of it lies in the past
    if task.percent_complete >= 100:
        b.duration[i] = min(int(b.duration[i]), elapsed)
        b.finished[i] = True
        return
    b.duration[i] = elapsed + remaining_duration(int(b.duration[i]), task.percent_complete)


def hold_unstarted_after(b: Bounds, is_summary: np.ndarray, status: int | None, time: WorkingTime | None,
                         rows: np.ndarray | None) -> Bounds:
    """No unstarted task starts before the status date: not by its links, the plan start or a constraint
    (new bounds; `b` is left as it is)."""
    if status is None:
        return b
    n = len(is_summary)
    at = np.full(n, status, dtype=np.int64) if time is None or rows is None else time.pos(rows, np.full(n, status))
    unstarted = ~is_summary & ~b.history
    pinned = unstarted & (b.fixed > -BIG)  # MSO, MFO: a date in the past cannot be met any more
    return dataclasses.replace(b, base=np.where(unstarted, np.maximum(b.base, at), b.base),
                               fixed=np.where(pinned, np.maximum(b.fixed, at), b.fixed))


def _ordinal(task: Task, name: str) -> int | None:
    """A date field of a task as a day ordinal; anything but a date is refused by name."""
    value = getattr(task, name)
    if value is None:
        return None
    if not isinstance(value, date):
        raise PlannerError("task.bad_value", f"task '{task.key}' has {name.replace('_', ' ')} {value!r}, "
                           "which is not a date", [task.id])
    return value.toordinal()


def _constraint_type(task: Task) -> ConstraintType:
    try:
        return ConstraintType(task.constraint)
    except ValueError:
        raise PlannerError("task.bad_value", f"task '{task.key}' has an unknown constraint {task.constraint!r}",
                           [task.id]) from None


def bounded_tasks(tasks: Sequence[Task]) -> list[int]:
    """Indices of the tasks with a constraint, a deadline, an actual date or manually scheduled (usually few)."""
    found: set[int] = set()
    for name, unset in _UNSET.items():
        values = list(map(attrgetter(name), tasks))
        if values.count(unset) == len(values):  # the usual case, at C speed
            continue
        flagged = np.flatnonzero(np.fromiter(map(is_not, values, repeat(unset)), dtype=bool, count=len(values)))
        found.update(i for i in flagged.tolist() if values[i] != unset)  # a stored 'ASAP' is not the enum
    return sorted(found)


def has_bounds(task: Task) -> bool:
    """Has the task a constraint (As Late As Possible too), a deadline, an actual date or is it
    manually scheduled (as `bounded_tasks` finds them, for one task)?"""
    return any(_is_set(getattr(task, name), unset) for name, unset in _UNSET.items())


def _is_set(value: object, unset: object) -> bool:
    return value is not unset and value != unset


def _apply_constraint(b: Bounds, i: int, task: Task, ctype: ConstraintType, day: int | None, summary: bool,
                      pos: Position) -> None:
    """One task's constraint. On a summary only the rules that hold for its span are applied."""
    if day is None:
        raise PlannerError("task.bad_value", f"task '{task.key}' has a {ctype} constraint without a date", [task.id])
    dur = int(b.duration[i])
    if ctype in (ConstraintType.SNLT, ConstraintType.MSO):
        # The first working moment on or after the date, as SNET and MSO start there: no working time lies
        # between a Sunday and Monday morning (the Friday before read a task fixed on Sunday a day late).
        latest = day if summary else pos(i, day)
        b.start_cap[i] = min(b.start_cap[i], latest)
    if ctype in (ConstraintType.FNLT, ConstraintType.MFO):
        b.finish_cap[i] = min(b.finish_cap[i], pos(i, day))
    if summary:
        # A summary starts when its first descendant starts, so SNET/MSO bound every descendant;
        # a finish-no-earlier bound on the span cannot be pinned on any one descendant.
        if ctype in (ConstraintType.SNET, ConstraintType.MSO):
            b.base[i] = pos(i, day)
        return
    if ctype == ConstraintType.SNET:
        b.base[i] = max(b.base[i], pos(i, day))
    elif ctype == ConstraintType.FNET:
        b.base[i] = max(b.base[i], pos(i, day) - dur)
    elif ctype == ConstraintType.MSO:
        b.fixed[i] = pos(i, day)
    elif ctype == ConstraintType.MFO:
        b.fixed[i] = pos(i, day) - dur


def _apply_actuals(b: Bounds, i: int, task: Task, actual_start: int | None, actual_finish: int | None,
                   pos: Position) -> None:
    """Actual dates are history: they fix the task whatever its links and constraints say."""
    b.history[i] = True
    if actual_start is not None and actual_finish is not None:
        if actual_finish < actual_start:
            raise PlannerError("task.bad_value", f"task '{task.key}' finishes ({task.actual_finish}) before it "
                               f"starts ({task.actual_start})", [task.id])
        b.duration[i] = max(pos(i, actual_finish) - pos(i, actual_start), 0)
    if actual_start is not None:
        b.fixed[i] = pos(i, actual_start)
    elif actual_finish is not None:
        b.fixed[i] = pos(i, actual_finish) - int(b.duration[i])
    b.finished[i] = actual_finish is not None or b.duration[i] == 0  # a milestone that happened is done


def _day_position(time: WorkingTime | None, rows: np.ndarray | None) -> Position:
    """Position of a day on a task's row: the day itself on calendar days."""
    if time is None or rows is None:
        return lambda i, day: day
    return lambda i, day: int(time.pos(rows[i], day))
