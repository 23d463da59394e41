"""A schedule's dates of every task, kept as columns of day ordinals (TaskTable)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import compress, repeat
from typing import Any

import numpy as np

from .id_rows import rows_of
from .task_dates import _SUMMARY_BITS, EARLY_AT_DAY_END, LATE_AT_DAY_END, TaskDates, shown_finish_ordinals

Column = Sequence[Any] | np.ndarray  # one value per task, in the schedule's task order


class TaskTable(Mapping[str, TaskDates]):
    """Task id -> TaskDates, built from day-ordinal columns on first access.

    A 100,000-task schedule would spend longer making date objects than scheduling; a view
    usually reads a few hundred rows, so each row is materialised when asked for, then kept.
    The scheduler's numpy columns become Python lists (quick to index one row at a time) only when
    a row is first asked for: output of the whole plan reads the arrays.
    """

    __slots__ = ("_ids", "_index", "_lists", "_made", "_array")

    def __init__(self, task_ids: Sequence[str], early_start: Column, early_finish: Column, late_start: Column,
                 late_finish: Column, total_float: Column, free_float: Column, critical: Column,
                 day_ends: Column | None = None):
        # Distinct ids, row by row. The scheduler hands its own list, never changed (the plan's kept
        # columns share it across edits): copying 100,000 ids was a millisecond of every edit.
        self._ids = task_ids if type(task_ids) is list else list(task_ids)
        # Task id -> row, made when a row is first looked up by id: output of the whole plan reads
        # rows in order and never needs it (100,000 entries took a tenth of the scheduling).
        self._index: dict[str, int] | None = None
        self._made: dict[str, TaskDates] = {}
        # Handed numpy columns (the scheduler's), the array form is kept for views that read every row.
        if day_ends is None:  # no milestone at the end of a day
            day_ends = np.zeros(len(self._ids), dtype=np.int64) if isinstance(critical, np.ndarray) else \
                [0] * len(self._ids)
        columns = (early_start, early_finish, late_start, late_finish, total_float, free_float, critical, day_ends)
        self._array = _stacked(columns, len(self._ids)) if all(isinstance(c, np.ndarray) for c in columns) else None
        self._lists: tuple[list[Any], ...] | None = None if self._array is not None else \
            tuple(_as_list(c) for c in columns)

    def __getitem__(self, task_id: str) -> TaskDates:
        made = self._made.get(task_id)
        if made is None:
            i = self._rows()[task_id]
            made = self._made[task_id] = _task_dates(*(column[i] for column in self._columns()))
        return made

    def one(self, task_id: str) -> TaskDates:
        """One task's dates, its row found by a scan of the ids at C speed: a variant of the plan
        scheduled for one task's sake (a bar's drag, previewed) makes no index of 100,000 ids nor
        lists of every column. KeyError for an id the table lacks."""
        made = self._made.get(task_id)
        if made is not None:
            return made
        try:
            i = self._ids.index(task_id)
        except ValueError:
            raise KeyError(task_id) from None
        row = self._as_array()[:, i].tolist() if self._lists is None else [column[i] for column in self._lists]
        return _task_dates(*row)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def ids(self) -> list[str]:
        """The ids row by row, as a list never to be changed: often the very list of the schedule
        before (the plan's kept columns share it across edits that add, remove or reorder no task)."""
        return self._ids

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._rows()

    def _rows(self) -> dict[str, int]:
        if self._index is None:
            self._index = rows_of(self._ids)
        return self._index

    def last_day(self) -> date | None:
        """The last day any task works or any milestone falls on (what a person calls the finish)."""
        if not self._ids:
            return None
        return date.fromordinal(int(self.shown_finishes().max()))

    def shown_finishes(self) -> np.ndarray:
        """Each task's last day of work, a milestone's day as shown (see TaskDates), as day ordinals."""
        columns = self._as_array()
        return shown_finish_ordinals(columns[0], columns[1], columns[7] & EARLY_AT_DAY_END, columns[7])

    def critical_ids(self) -> set[str]:
        """Ids of the critical tasks, read straight from the columns."""
        return set(compress(self._ids, self._columns()[6]))

    def changed_since(self, before: TaskTable) -> set[str]:
        """Ids whose dates, floats or critical flag differ from `before`, or that `before` lacks.

        Compared column-wise: a view asking after every edit which rows to repaint must not make
        100,000 row objects to find the three that moved.
        """
        ids = self._ids
        count = len(ids)
        rows = np.arange(count)
        rows_before = np.fromiter(map(before._rows().get, ids, repeat(-1, count)), dtype=np.int64, count=count)
        known = rows_before >= 0
        same = np.zeros(count, dtype=bool)
        same[known] = (self._as_array()[:, rows[known]] == before._as_array()[:, rows_before[known]]).all(axis=0)
        return {ids[i] for i in np.flatnonzero(~same).tolist()}

    def _columns(self) -> tuple[list[Any], ...]:
        if self._lists is None:
            self._lists = tuple(self._as_array().tolist())
        return self._lists

    def _as_array(self) -> np.ndarray:
        if self._array is None:
            columns = self._columns()
            self._array = np.array(columns, dtype=np.int64).reshape(len(columns), len(self._ids))
        return self._array

    def positions(self, task_ids: Iterable[str]) -> np.ndarray:
        """Each id's place in the columns (-1 for an id the table lacks), for reading many rows at once."""
        ids = task_ids if isinstance(task_ids, Sequence) else list(task_ids)
        return np.fromiter(map(self._rows().get, ids, repeat(-1)), dtype=np.int64, count=len(ids))

    def arrays(self) -> np.ndarray:
        """The columns as one (8, tasks) int64 array: ES, EF, LS, LF, TF, FF, critical (0/1), day ends
        (EARLY_AT_DAY_END | LATE_AT_DAY_END)."""
        return self._as_array()

    def ordinals(self, task_id: str) -> tuple[int, int, int, int]:
        """(ES, EF, LS, LF) as day ordinals, for analyses that do arithmetic on many tasks."""
        i = self._rows()[task_id]
        return tuple(column[i] for column in self._columns()[:4])



def _task_dates(es: int, ef: int, ls: int, lf: int, tf: int, ff: int, crit: int, ends: int) -> TaskDates:
    """One row of the columns as a person's dates."""
    return TaskDates(date.fromordinal(es), date.fromordinal(ef), date.fromordinal(ls), date.fromordinal(lf), tf, ff,
                     bool(crit), bool(ends & EARLY_AT_DAY_END), bool(ends & LATE_AT_DAY_END), ends & _SUMMARY_BITS)


def _stacked(columns: tuple[Column, ...], rows: int) -> np.ndarray:
    """The columns as one int64 array, column by column (np.array on the tuple took three times as long)."""
    stacked = np.empty((len(columns), rows), dtype=np.int64)
    for place, column in enumerate(columns):
        stacked[place] = column
    return stacked



def _as_list(column: Column) -> list[Any]:
    return column.tolist() if hasattr(column, "tolist") else list(column)

