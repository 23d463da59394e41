"""The schedule's rows the task table shows, read from its columns through an index of the tasks
kept across edits.

The schedule's own look-up by id makes, at the first row read after each edit, an index of all
100,000 tasks and a Python list of each of its eight columns (20 ms), where the table reads forty
rows. The index is kept while the schedule lists the same tasks in the same order (every edit but
one that adds or deletes tasks), and after such an edit it is mended from the first task that moved
(a task added comes last in the plan's order, so the mending is usually one entry); each row is
read straight from the columns.
"""

from __future__ import annotations

from datetime import date

from ...chart.list_ends import agreeing_ends, table_ids
from ...engine.schedule import (
    EARLY_AT_DAY_END,
    LATE_AT_DAY_END,
    SUMMARY_FINISH_AT_DAY_START,
    SUMMARY_START_AT_DAY_END,
    Schedule,
    TaskDates,
    TaskTable,
)

_SUMMARY_BITS = SUMMARY_START_AT_DAY_END | SUMMARY_FINISH_AT_DAY_START


class ScheduleRows:
    """Task id -> TaskDates of the schedule asked about, as TaskTable gives them."""

    def __init__(self) -> None:
        self._table: TaskTable | None = None
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._made: dict[str, TaskDates] = {}

    def dates(self, schedule: Schedule | None, task_id: str) -> TaskDates | None:
        """The task's dates in `schedule` (None: no schedule, or the task is not in it)."""
        if schedule is None:
            return None
        table = schedule.tasks
        if not isinstance(table, TaskTable):
            return table.get(task_id)
        if table is not self._table:
            self._follow(table)
        made = self._made.get(task_id)
        if made is None:
            place = self._index.get(task_id)
            if place is None:
                return None
            made = self._made[task_id] = _row(table.arrays()[:, place].tolist())
        return made

    def _follow(self, table: TaskTable) -> None:
        ids, old = table_ids(table), self._ids
        if ids != old:  # compared in C, the same id objects by identity
            first, last = agreeing_ends(old, ids)
            for tid in old[first:len(old) - last]:  # the tasks of the run that changed
                del self._index[tid]
            end = len(ids) - last if len(ids) == len(old) else len(ids)  # later tasks keep their place, or shift
            self._index.update(zip(ids[first:end], range(first, end)))
        self._table, self._ids, self._made = table, ids, {}


def _row(values: list[int]) -> TaskDates:
    """One row of a TaskTable's columns (TaskTable.arrays) as its TaskDates."""
    es, ef, ls, lf, total_float, free_float, critical, ends = values
    return TaskDates(date.fromordinal(es), date.fromordinal(ef), date.fromordinal(ls), date.fromordinal(lf),
                     total_float, free_float, bool(critical), bool(ends & EARLY_AT_DAY_END),
                     bool(ends & LATE_AT_DAY_END), ends & _SUMMARY_BITS)
