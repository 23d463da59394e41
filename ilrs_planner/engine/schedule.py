"""The derived schedule: an immutable result of engine.cpm.schedule(project), never edited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .task_dates import (
    EARLY_AT_DAY_END,
    LATE_AT_DAY_END,
    SUMMARY_FINISH_AT_DAY_START,
    SUMMARY_START_AT_DAY_END,
    TaskDates,
    shown_days,
    shown_finish_ordinals,
    shown_start_ordinals,
)
from .task_table import Column, TaskTable

__all__ = ["EARLY_AT_DAY_END", "LATE_AT_DAY_END", "SUMMARY_FINISH_AT_DAY_START", "SUMMARY_START_AT_DAY_END",
           "Column", "LinkTable", "Schedule", "TaskDates", "TaskTable", "changed_rows", "shown_days",
           "shown_finish_ordinals", "shown_start_ordinals"]


def changed_rows(before: Mapping[str, TaskDates] | None, after: Mapping[str, TaskDates] | None) -> set[str]:
    """Ids whose schedule row differs between two schedules' task tables (None: no schedule)."""
    before, after = before or {}, after or {}
    if isinstance(before, TaskTable) and isinstance(after, TaskTable):
        # The ids `after` lacks by a set difference: `keys() - keys()` of two mappings looks each
        # of 100,000 ids up in Python, two thirds of the work after a typed duration.
        return after.changed_since(before) | set(before).difference(after)
    return {tid for tid in before.keys() | after.keys() if before.get(tid) != after.get(tid)}



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
    # Each task's place among its siblings (its `position`), when the plan's kept columns held them:
    # the shown precisions order the outline by them without reading 100,000 tasks again.
    positions: np.ndarray | None = field(default=None, compare=False)  # None: read from the plan

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
