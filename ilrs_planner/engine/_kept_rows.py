"""The kept columns' rows carried to a new order of the tasks and links, and those an edit reached read again."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..domain import Link, Task
from ._bounds import has_bounds
from ._checks import all_whole
from ._followed import Unreadable
from ._kept_types import KeptColumns, LinkColumns
from ._links import TYPE_CODES


def _hashes(keys: Sequence[str]) -> np.ndarray:
    return np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))


def _written(column: np.ndarray, rows: np.ndarray, values: list[Any]) -> np.ndarray:
    """The column with these rows set to these values: the same array when none of them changes."""
    new = np.asarray(values, dtype=column.dtype) if values else column[:0]
    if np.array_equal(column[rows], new):
        return column
    column = column.copy()
    column[rows] = new
    return column


def _links_in_place(old: KeptColumns, links: list[Link], places: _Places, named: np.ndarray) -> LinkColumns:
    """The link columns, the same links in the same order: the links at a task named read again."""
    at_named = np.zeros(len(places.keys), dtype=bool)
    at_named[named] = True
    rows = np.flatnonzero(at_named[old.pred] | at_named[old.succ])
    read: list[list[Any]] = [[], [], [], [], []]
    for row in rows.tolist():
        link = links[row]
        ends = places.of(link.pred_id, int(old.pred[row])), places.of(link.succ_id, int(old.succ[row]))
        kind = TYPE_CODES.get(link.type, -1)
        if min(*ends, kind) < 0 or ends[0] == ends[1] or not all_whole([link.lag]):
            raise Unreadable
        for column, value in zip(read, (*ends, kind, link.lag, bool(link.elapsed))):
            column.append(value)
    written = [_written(column, rows, values)
               for column, values in zip((old.pred, old.succ, old.code, old.lag, old.link_elapsed), read)]
    return written[0], written[1], written[2], written[3], written[4]


def _positions(columns: KeptColumns) -> np.ndarray:
    if columns.position is None:  # columns made without them: read every task again
        raise Unreadable
    return columns.position


def _gather(column: np.ndarray, old_of_new: np.ndarray | None, head: int | None = None) -> np.ndarray:
    """The old column in the new order (a copy); a new row holds any value until it is read. `head`:
    the new rows are the old column's first `head` rows, then new ones (see _kept_head)."""
    if old_of_new is None:
        return column.copy()
    if column.size == 0:
        return np.zeros(old_of_new.size, dtype=column.dtype)
    if head is not None:  # copied whole, where a gather reads each row's place (5 columns of 200,000 links)
        return np.concatenate([column[:head], np.zeros(old_of_new.size - head, column.dtype)])
    return np.asarray(column[old_of_new])


def _kept_head(old_of_new: np.ndarray | None) -> int | None:
    """How many first rows are the old ones in their rows when every row after them is new (a link
    made, or the last one made removed), else None."""
    if old_of_new is None:
        return None
    head = int(np.count_nonzero(old_of_new >= 0))
    return head if np.array_equal(old_of_new[:head], np.arange(head)) and not (old_of_new[head:] >= 0).any() else None


def _moved(places: np.ndarray, new_of_old: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Old task places (-1: none) as new ones, and where a place named a task no longer there."""
    if new_of_old is None:
        return places, np.zeros(places.size, dtype=bool)
    moved = np.asarray(np.where(places >= 0, new_of_old[np.maximum(places, 0)] if new_of_old.size else -1, -1))
    return moved, (places >= 0) & (moved < 0)


class _Places:
    """Task keys to their places, a few at a time, by their hashes (a key asked for need not be the
    same object as the plan's). After a few look-ups a map of every key is made (a few ms at
    100,000 tasks), so that a deletion undone with its hundreds of links, or a paste of thousands of
    tasks and links, does not scan or search the hashes once per end (two numpy searches per end
    were half a second of a paste of 10,000 tasks)."""

    def __init__(self, keys: list[str], hashes: np.ndarray):
        self.keys, self.hashes = keys, hashes
        self._place: dict[str, int] | None = None
        self._asked = 0

    def of(self, key: object, guess: int = -1) -> int:
        """The key's place, -1 when no task has it; `guess`, the place it had, is tried first."""
        if not isinstance(key, str):
            return -1
        if 0 <= guess < len(self.keys) and self.keys[guess] == key:
            return guess
        if self._place is None:
            self._asked += 1
            if self._asked <= 128:  # by then a map costs less than the scans
                found = np.flatnonzero(self.hashes == hash(key)).tolist()
                return next((place for place in found if self.keys[place] == key), -1)
            self._place = dict(zip(self.keys, range(len(self.keys))))
        return self._place.get(key, -1)


@dataclass(slots=True)
class _TaskRows:
    """The task columns in the new order, the rows to read again, the rows of the tasks named."""

    parent: np.ndarray
    duration: np.ndarray
    calendar_ids: list[Any]
    elapsed: np.ndarray
    bounded: np.ndarray
    reread: list[int]
    named: np.ndarray
    position: np.ndarray


def _task_rows(columns: KeptColumns, old_of_new: np.ndarray | None, new_of_old: np.ndarray | None,
               places: _Places, touched: Collection[str], named: np.ndarray | None = None) -> _TaskRows:
    parent, orphaned = _moved(_gather(columns.parent, old_of_new), new_of_old)
    if named is None:
        named = np.array(sorted({places.of(key) for key in touched} - {-1}), dtype=np.int64)
    reread = set(named.tolist()) | set(np.flatnonzero(orphaned).tolist())
    calendar_ids = list(columns.calendar_ids)
    if old_of_new is not None:
        reread |= set(np.flatnonzero(old_of_new < 0).tolist())
        if calendar_ids.count(None) == len(calendar_ids):  # the usual case: every task on the plan's calendar
            calendar_ids = [None] * old_of_new.size
        else:
            calendar_ids = list(map(calendar_ids.__getitem__, old_of_new.tolist()))
    return _TaskRows(parent, _gather(columns.duration, old_of_new), calendar_ids,
                     _gather(columns.elapsed, old_of_new), _gather(columns.bounded, old_of_new), sorted(reread), named,
                     _gather(_positions(columns), old_of_new))


def _tasks_read_again(rows: _TaskRows, tasks: list[Task], places: _Places) -> tuple[Any, ...]:
    """The task columns with the rows to read again read from their objects."""
    for row in rows.reread:
        task = tasks[row]
        parent = -1 if task.parent_id is None else places.of(task.parent_id, int(rows.parent[row]))
        if not all_whole([task.duration]) or (parent < 0 and task.parent_id is not None):
            raise Unreadable
        rows.duration[row], rows.parent[row], rows.calendar_ids[row] = task.duration, parent, task.calendar_id
        rows.elapsed[row], rows.bounded[row], rows.position[row] = bool(task.elapsed), has_bounds(task), task.position
    return rows.parent, rows.duration, rows.calendar_ids, rows.elapsed, rows.bounded, rows.position


def _links_read_again(old: KeptColumns, links: list[Link], old_of_new: np.ndarray | None,
                      new_of_old: np.ndarray | None, places: _Places, named: np.ndarray) -> LinkColumns:
    """The link columns in the new order: new links, links at a task named and links that lost an end read again."""
    head = _kept_head(old_of_new)
    pred, pred_lost = _moved(_gather(old.pred, old_of_new, head), new_of_old)
    succ, succ_lost = _moved(_gather(old.succ, old_of_new, head), new_of_old)
    code, lag, elapsed = (_gather(column, old_of_new, head) for column in (old.code, old.lag, old.link_elapsed))
    at_named = np.zeros(len(places.keys) + 1, dtype=bool)  # the extra row: a lost end's -1
    at_named[named] = True
    reread = pred_lost | succ_lost | at_named[pred] | at_named[succ]
    if old_of_new is not None:
        reread |= old_of_new < 0
    for row in np.flatnonzero(reread).tolist():
        link = links[row]
        pred[row], succ[row] = places.of(link.pred_id, int(pred[row])), places.of(link.succ_id, int(succ[row]))
        code[row] = kind = TYPE_CODES.get(link.type, -1)
        if min(pred[row], succ[row], kind) < 0 or pred[row] == succ[row] or not all_whole([link.lag]):
            raise Unreadable
        lag[row], elapsed[row] = link.lag, bool(link.elapsed)
    return pred, succ, code, lag, elapsed
