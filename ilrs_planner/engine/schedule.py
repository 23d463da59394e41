"""The derived schedule: an immutable result of engine.cpm.schedule(project), never edited."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import compress, repeat
from typing import Any

import numpy as np

from ..domain.dates import shown_finish, shown_start

Column = Sequence[Any] | np.ndarray  # one value per task, in the schedule's task order
# Bits of the day-ends column: the milestone's early (late) moment is the END of the working day
# before its point, as MS Project puts a milestone after a task finishing on Friday at Friday 17:00.
EARLY_AT_DAY_END, LATE_AT_DAY_END = 1, 2
# A summary's moments (engine._summaries.summary_moments), early and late alike: its start is the end
# of the day before (a milestone at Friday 17:00 starts it), its finish the start of its day (a
# milestone at Monday 08:00 ends it, shown Monday), where a task's start and finish are not.
SUMMARY_START_AT_DAY_END, SUMMARY_FINISH_AT_DAY_START = 4, 8


@dataclass(frozen=True, slots=True)
class TaskDates:
    """Early/late dates of one task. Dates are day-exact; finish is exclusive ([start, finish)).

    A milestone is a point: start == finish, the day its moment opens. At the end of a working day
    (`early_at_day_end`, `late_at_day_end`) that point is the day after the day MS Project shows it
    on (a milestone after a task ending on Friday is the point Saturday, shown Friday); at the start
    of a day it is shown on its own day. The `shown_*` properties give the days a person reads.
    """

    early_start: date
    early_finish: date
    late_start: date
    late_finish: date
    total_float: int  # days; negative when a deadline or constraint cannot be met
    free_float: int
    critical: bool
    early_at_day_end: bool = False
    late_at_day_end: bool = False
    summary_moments: int = 0  # SUMMARY_START_AT_DAY_END | SUMMARY_FINISH_AT_DAY_START of a summary

    @property
    def shown_start(self) -> date:
        """The start a person reads (a milestone's day)."""
        return self._start(self.early_start, self.early_finish, self.early_at_day_end)

    @property
    def shown_finish(self) -> date:
        """The last day of work a person reads (a milestone's day)."""
        return self._finish(self.early_start, self.early_finish, self.early_at_day_end)

    @property
    def shown_late_start(self) -> date:
        return self._start(self.late_start, self.late_finish, self.late_at_day_end)

    @property
    def shown_late_finish(self) -> date:
        return self._finish(self.late_start, self.late_finish, self.late_at_day_end)

    def _start(self, start: date, finish: date, at_day_end: bool) -> date:
        return shown_days(start, finish, at_day_end, self.summary_moments)[0]

    def _finish(self, start: date, finish: date, at_day_end: bool) -> date:
        return shown_days(start, finish, at_day_end, self.summary_moments)[1]


def shown_days(start: date, finish: date, at_day_end: bool, summary_moments: int = 0) -> tuple[date, date]:
    """(first day, last day) a person reads of [start, finish): a milestone's day, or a summary's by
    its moments (TaskDates); for dates held apart from a schedule, such as a slip report's."""
    if not summary_moments:
        return shown_start(start, finish, at_day_end), shown_finish(start, finish, at_day_end)
    first = start - timedelta(days=1) if summary_moments & SUMMARY_START_AT_DAY_END else start
    return first, finish if summary_moments & SUMMARY_FINISH_AT_DAY_START else finish - timedelta(days=1)


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
            self._index = _index_of(self._ids)
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


_SUMMARY_BITS = SUMMARY_START_AT_DAY_END | SUMMARY_FINISH_AT_DAY_START
_LAST_INDEX: list[tuple[list[str], dict[str, int]]] = []  # the ids list last indexed, and its index


def _index_of(ids: list[str]) -> dict[str, int]:
    """Id -> row of a table's ids, never changed once made. The schedule after an edit that added,
    removed or moved no task has the very id list of the one before (see TaskTable.ids): its index
    is that one's, where making it again cost 15-45 ms at 100,000 tasks after every such edit."""
    if _LAST_INDEX and _LAST_INDEX[0][0] is ids:
        return _LAST_INDEX[0][1]
    index = dict(zip(ids, range(len(ids))))
    _LAST_INDEX[:] = [(ids, index)]
    return index


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


def shown_finish_ordinals(starts: np.ndarray, finishes: np.ndarray, at_day_end: np.ndarray,
                          day_ends: np.ndarray | int = 0) -> np.ndarray:
    """`TaskDates.shown_finish` on columns of day ordinals: the last day of work, a milestone's day.

    `day_ends`: the table's day-ends column, whose summary bits place a summary's finish (TaskDates).
    """
    summary = np.asarray(day_ends) & _SUMMARY_BITS
    plain = np.where((finishes > starts) | (at_day_end != 0), finishes - 1, finishes)
    return np.asarray(np.where(summary != 0, finishes - ((summary & SUMMARY_FINISH_AT_DAY_START) == 0), plain))


def shown_start_ordinals(starts: np.ndarray, finishes: np.ndarray, at_day_end: np.ndarray,
                         day_ends: np.ndarray | int = 0) -> np.ndarray:
    """`TaskDates.shown_start` on columns of day ordinals (`day_ends` as in shown_finish_ordinals)."""
    summary_end = (np.asarray(day_ends) & SUMMARY_START_AT_DAY_END) != 0
    return np.asarray(np.where(((finishes == starts) & (at_day_end != 0)) | summary_end, starts - 1, starts))


def changed_rows(before: Mapping[str, TaskDates] | None, after: Mapping[str, TaskDates] | None) -> set[str]:
    """Ids whose schedule row differs between two schedules' task tables (None: no schedule)."""
    before, after = before or {}, after or {}
    if isinstance(before, TaskTable) and isinstance(after, TaskTable):
        # The ids `after` lacks by a set difference: `keys() - keys()` of two mappings looks each
        # of 100,000 ids up in Python, two thirds of the work after a typed duration.
        return after.changed_since(before) | set(before).difference(after)
    return {tid for tid in before.keys() | after.keys() if before.get(tid) != after.get(tid)}


def _as_list(column: Column) -> list[Any]:
    return column.tolist() if hasattr(column, "tolist") else list(column)


@dataclass(frozen=True, slots=True, eq=False)
class LinkTable:
    """The links the schedule was derived from, as the scheduler read them: ids in the plan's order,
    both ends as places in the TaskTable's columns, type codes FS 0, SS 1, FF 2, SF 3.

    A chart maps 200,000 links to its rows with these in a few array operations; looking each
    end up by id again cost a quarter of a second.
    """

    ids: list[str]
    pred: np.ndarray
    succ: np.ndarray
    code: np.ndarray


@dataclass(frozen=True, slots=True)
class Schedule:
    """Every task's dates (summaries included) and the plan's span."""

    project_start: date
    project_finish: date
    tasks: Mapping[str, TaskDates]
    # How the links were read, not part of what was derived: equal schedules may hold different copies.
    links: LinkTable | None = field(default=None, compare=False)  # None: not from the scheduler
    # The outline as the scheduler read it: each task's parent as its place in `tasks` (-1 at the top).
    outline: np.ndarray | None = field(default=None, compare=False)  # None: not from the scheduler

    def last_day(self) -> date:
        """The plan's finish as a person reads it: its last day of work, or its last milestone's day."""
        fast = getattr(self.tasks, "last_day", None)
        found = fast() if fast is not None else max(
            (d.shown_finish for d in self.tasks.values()), default=None)
        return found or self.project_start

    def critical_ids(self) -> set[str]:
        """Ids of the tasks (summaries included) with no total float left."""
        if isinstance(self.tasks, TaskTable):
            return self.tasks.critical_ids()
        return {tid for tid, d in self.tasks.items() if d.critical}
