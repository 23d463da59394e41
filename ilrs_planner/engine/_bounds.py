"""Constraints, deadlines and actual dates of each task, as ordinal bounds for the network."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, is_not

import numpy as np

from ..domain import ConstraintType, PlannerError, Task

BIG = 10**9  # beyond any day ordinal: stands for "no bound"
_BOUND_NAMES = ("constraint", "deadline", "actual_start", "actual_finish")


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


def task_bounds(tasks: list[Task], planned: np.ndarray, is_summary: np.ndarray, start: int) -> Bounds:
    """Constraints, deadlines and actual dates as per-task ordinal bounds."""
    n = len(tasks)
    b = Bounds(planned.copy(), np.full(n, start, dtype=np.int64), np.full(n, -BIG, dtype=np.int64),
                np.full(n, BIG, dtype=np.int64), np.full(n, BIG, dtype=np.int64),
                np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    b.base[is_summary] = -BIG
    for i in _bounded_tasks(tasks):
        task = tasks[i]
        if task.deadline is not None:
            b.finish_cap[i] = task.deadline.toordinal()
        if task.constraint != ConstraintType.ASAP:
            _apply_constraint(b, i, task, ConstraintType(task.constraint), task.constraint_date, bool(is_summary[i]))
        if (task.actual_start or task.actual_finish) and not is_summary[i]:
            _apply_actuals(b, i, task, task.actual_start, task.actual_finish)
    return b


def _bounded_tasks(tasks: list[Task]) -> list[int]:
    """Indices of the tasks with a constraint, a deadline or an actual date (usually few)."""
    found: set[int] = set()
    for name in _BOUND_NAMES:
        unset = ConstraintType.ASAP if name == "constraint" else None
        values = list(map(attrgetter(name), tasks))
        if values.count(unset) == len(values):  # the usual case, at C speed
            continue
        flagged = np.flatnonzero(np.fromiter(map(is_not, values, repeat(unset)), dtype=bool, count=len(values)))
        found.update(i for i in flagged.tolist() if values[i] != unset)  # a stored 'ASAP' is not the enum
    return sorted(found)


def _apply_constraint(b: Bounds, i: int, task: Task, ctype: ConstraintType, cdate, summary: bool) -> None:
    """One task's constraint. On a summary only the rules that hold for its span are applied."""
    if cdate is None:
        raise PlannerError("task.bad_value", f"task '{task.key}' has a {ctype} constraint without a date", [task.id])
    day, dur = cdate.toordinal(), int(b.duration[i])
    if ctype in (ConstraintType.SNLT, ConstraintType.MSO):
        b.start_cap[i] = min(b.start_cap[i], day)
    if ctype in (ConstraintType.FNLT, ConstraintType.MFO):
        b.finish_cap[i] = min(b.finish_cap[i], day)
    if summary:
        # A summary starts when its first descendant starts, so SNET/MSO bound every descendant;
        # a finish-no-earlier bound on the span cannot be pinned on any one descendant.
        if ctype in (ConstraintType.SNET, ConstraintType.MSO):
            b.base[i] = day
        return
    if ctype == ConstraintType.SNET:
        b.base[i] = max(b.base[i], day)
    elif ctype == ConstraintType.FNET:
        b.base[i] = max(b.base[i], day - dur)
    elif ctype == ConstraintType.MSO:
        b.fixed[i] = day
    elif ctype == ConstraintType.MFO:
        b.fixed[i] = day - dur


def _apply_actuals(b: Bounds, i: int, task: Task, actual_start, actual_finish) -> None:
    """Actual dates are history: they fix the task whatever its links and constraints say."""
    b.history[i] = True
    if actual_start is not None and actual_finish is not None:
        if actual_finish < actual_start:
            raise PlannerError("task.bad_value", f"task '{task.key}' finishes ({actual_finish}) before it "
                               f"starts ({actual_start})", [task.id])
        b.duration[i] = actual_finish.toordinal() - actual_start.toordinal()
    if actual_start is not None:
        b.fixed[i] = actual_start.toordinal()
    else:
        b.fixed[i] = actual_finish.toordinal() - int(b.duration[i])
    b.finished[i] = actual_finish is not None or b.duration[i] == 0  # a milestone that happened is done
