"""The tasks' bounds kept across edits: after one, only the tasks it reached are read again.

Reading constraints, deadlines and actual dates costs a few microseconds of Python per bounded task
(a 100,000-task plan has thousands), though an edit changes one or two. So the bounds each task's
own fields give (before the status date holds unstarted work after it, which is whole-array work)
are kept with what they were read from: the plan's start and status date, the working-time tables,
each task's duration, summary flag and row. After an edit whose columns say which tasks were read
again (see kept_columns), the kept rows follow their tasks to their new places, and a task is read
again when it was read again there, is new, or has another duration, summary flag or row. Anything
else (another start, status date or tables, columns read afresh) reads every bounded task, as
`task_bounds` does; the result is the same to the day.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..domain import Task
from ._bounds import Bounds, hold_unstarted_after, own_bounds, task_bounds
from ._calendars import WorkingTime
from .file_columns import InputColumns
from .kept_columns import KeptColumns


@dataclass(slots=True)
class _Kept:
    """One reading of the bounds: its inputs, and the bounds before the status date held any task."""

    serial: int  # the columns' (see KeptColumns)
    start: int
    status: int | None
    tables: tuple[int, np.ndarray] | None  # the working-time tables' origin and cumulative counts
    planned: np.ndarray
    is_summary: np.ndarray
    rows: np.ndarray | None
    own: Bounds | None


class _Last:
    kept: _Kept | None = None


def kept_task_bounds(tasks: Sequence[Task], planned: np.ndarray, is_summary: np.ndarray, start: int,
                     time: WorkingTime | None, rows: np.ndarray | None, status: int | None,
                     columns: InputColumns | None) -> Bounds:
    """`task_bounds` of the plan, from the bounds kept after the last edit where it can."""
    if not isinstance(columns, KeptColumns):  # another plan's schedule (an analysis, a risk run's thread):
        return task_bounds(tasks, planned, is_summary, start, time, rows, status,  # the window's stay kept
                           columns.bounded_tasks() if columns else None)
    last, _Last.kept = _Last.kept, None  # a refusal below leaves nothing kept
    tables = (time.origin, time.cum) if time is not None else None
    kept = _Kept(columns.serial, start, status, tables, planned, is_summary, rows, None)
    again = _rows_again(last, kept, columns) if last is not None else None
    if last is None or again is None:
        own = own_bounds(tasks, planned, is_summary, start, time, rows, status, columns.bounded_tasks())
    else:
        own = _patched(last, kept, columns, again, tasks, time)
    for column in _columns(own):
        column.flags.writeable = False  # kept for the next edit: shared by the networks made from it
    kept.own = own
    _Last.kept = kept
    return hold_unstarted_after(own, is_summary, status, time, rows)


def _same_tables(a: tuple[int, np.ndarray] | None, b: tuple[int, np.ndarray] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a[0] == b[0] and (a[1] is b[1] or (a[1].shape == b[1].shape and bool(np.array_equal(a[1], b[1]))))


def _rows_again(last: _Kept, now: _Kept, columns: KeptColumns) -> np.ndarray | None:
    """The task rows to read again, or None when every bounded task must be."""
    if columns.since != last.serial or columns.reread is None or (last.start, last.status) != (now.start, now.status) \
            or not _same_tables(last.tables, now.tables) or (last.rows is None) != (now.rows is None):
        return None
    moved = columns.old_of_new
    if moved is not None and not last.planned.size:
        return None

    def follow(column: np.ndarray) -> np.ndarray:
        return column if moved is None else np.asarray(column[np.maximum(moved, 0)])

    differ = (follow(last.planned) != now.planned) | (follow(last.is_summary) != now.is_summary)
    if now.rows is not None and last.rows is not None:
        differ |= follow(last.rows) != now.rows
    if moved is not None:
        differ |= moved < 0
    differ[columns.reread] = True
    return np.flatnonzero(differ)


def _patched(last: _Kept, now: _Kept, columns: KeptColumns, again: np.ndarray, tasks: Sequence[Task],
             time: WorkingTime | None) -> Bounds:
    """The kept bounds in the new order, the rows to read again read from their tasks."""
    moved = columns.old_of_new
    assert last.own is not None, "bounds are kept once read"
    own = last.own if moved is None else Bounds(*(column[np.maximum(moved, 0)] for column in _columns(last.own)))
    fresh = own_bounds([tasks[i] for i in again.tolist()], now.planned[again], now.is_summary[again], now.start,
                       time, None if now.rows is None else now.rows[again], now.status,
                       np.flatnonzero(columns.bounded[again]).tolist())
    patched = []
    for column, part in zip(_columns(own), _columns(fresh)):
        column = column.copy() if moved is None else column  # else a gather made it anew: not copied twice
        column[again] = part
        patched.append(column)
    return Bounds(*patched)


def _columns(bounds: Bounds) -> list[np.ndarray]:
    return [getattr(bounds, field.name) for field in dataclasses.fields(bounds)]
