"""A schedule's early dates per task as (start, finish) date pairs.

What the shown precisions (engine/shown_precision.py) and the shown confidence read of a schedule, task
by task: read from the schedule's columns, as a row object per look-up cost most of a walk.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from .schedule import Schedule, TaskTable


class EarlyDates(Mapping[str, tuple[date, date]]):
    """A schedule's early (start, finish) per task, read on demand."""

    def __init__(self, schedule: Schedule):
        self.tasks = schedule.tasks
        self._pairs: dict[str, tuple[date, date]] | None = None

    def __getitem__(self, task_id: str) -> tuple[date, date]:
        if isinstance(self.tasks, TaskTable):  # read from the columns: a row object per look-up cost most of a walk
            if self._pairs is None:
                self._pairs = _early_pairs(self.tasks)
            return self._pairs[task_id]
        dates = self.tasks[task_id]
        return dates.early_start, dates.early_finish

    def __iter__(self) -> Iterator[str]:
        return iter(self.tasks)

    def __len__(self) -> int:
        return len(self.tasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.tasks


def _early_pairs(table: TaskTable) -> dict[str, tuple[date, date]]:
    """Every task's early (start, finish) as dates, made from the columns in one pass."""
    columns = table.arrays()
    starts = map(date.fromordinal, columns[0].tolist())
    return dict(zip(table, zip(starts, map(date.fromordinal, columns[1].tolist()))))
