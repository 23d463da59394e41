"""A schedule's early dates per task as (start, finish) date pairs, and a summary's earliest-starting sub-task.

What the shown precisions (engine/shown_precision.py) and the shown confidence read of a schedule, task
by task: read from the schedule's columns, as a row object per look-up cost most of a walk.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from .schedule import Schedule, TaskTable

First = tuple[date, str] | None  # a summary's earliest start and the sub-task starting then


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


def earliest_leaf(children: Mapping[str, list[str]], dates: Mapping[str, tuple[date, date]], summary_id: str,
                   known: dict[str, First]) -> str | None:
    """The sub-task (at any depth) whose early start is the summary's start: the first in outline order.
    Each summary's answer is kept in `known` and built from its sub-summaries': asking every summary of
    the rows shown costs one pass over their tasks."""
    stack = [summary_id]
    while stack:
        current = stack[-1]
        waiting = [k for k in children[current] if k in children and k not in known]
        if waiting:  # sub-summaries first, so each is answered once
            stack.extend(waiting)
            continue
        stack.pop()
        found: First = None
        for kid in children[current]:
            first = known[kid] if kid in children else (dates[kid][0], kid) if kid in dates else None
            if first is not None and (found is None or first[0] < found[0]):
                found = first
        known[current] = found
    answer = known[summary_id]
    return answer[1] if answer is not None else None
