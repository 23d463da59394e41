"""The shown precisions (engine/shown_precision.py) of every task at once, read from the schedule's columns.

Asked for every task at once on a plan of 100,000 tasks with 1% of them dated only to the year, the
walk spent most of its second reading the plan again object by object: each summary's children and
the links into each task (0.4 s), each task's successors (0.4 s), and each summary's latest-finishing
sub-task, found task by task through the early dates (0.3 s). The schedule holds the outline and the
links as the scheduler read them (Schedule.outline, Schedule.links) and the dates as columns: here
the outline is put in order once, and every summary's latest-finishing sub-task (the first in outline
order, as ChainIndex finds it) and the coarsest precision among its sub-tasks finishing (starting)
when it does are found for all summaries in a few array operations; engine/chain_drivers.py finds
each task's driver from these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from ..domain import Project
from ..domain.column_rows import values_of
from .driving_chain import ChainIndex, Ends
from .id_rows import old_rows
from .outline_order import outline_order
from .outline_patch import OrderBefore, patched_order
from .schedule import Schedule, TaskTable
from .schedule_check_chain import LinksIntoRows, OutlineChildren

InOrder = tuple[np.ndarray, np.ndarray, np.ndarray]  # the rows in outline order, each row's place, its count under


class ScheduleColumns:
    """A schedule's outline and links in its row numbers, and the tasks' fields the walk reads."""

    def __init__(self, project: Project, schedule: Schedule, same_outline: ScheduleColumns | None = None,
                 reshaped: ScheduleColumns | None = None):
        """`same_outline`: those of a schedule of the same tasks in the same outline (no task added,
        removed or moved since), whose outline in order is taken as it is; `reshaped`: those of the
        plan before edits that moved tasks in the outline, whose order is patched where it can be."""
        table = schedule.tasks
        assert isinstance(table, TaskTable) and schedule.outline is not None and schedule.links is not None
        self.project, self.schedule = project, schedule
        self.ids, self.rows = table.ids(), table._rows()
        self._in_plan_order: bool | None = None  # the ids in the plan's order (else each task's row is looked up)
        if same_outline is not None:
            self.children: OutlineChildren = same_outline.children
            self.outline: OutlineArrays = outline_arrays(self.children, schedule.outline, table,
                                                         same_outline.outline.in_order())
            return
        positions = schedule.positions if schedule.positions is not None else \
            np.asarray(self.column("position"), np.int64)
        self.children = OutlineChildren(self.ids, schedule.outline, positions, self.rows)
        self.outline = outline_arrays(self.children, schedule.outline, table,
                                      None if reshaped is None else self._patched(reshaped, positions))

    def _patched(self, before: ScheduleColumns, positions: np.ndarray) -> InOrder | None:
        """The outline in order patched from `before`'s (engine/outline_patch.py), or None."""
        then, outline = before.schedule, self.schedule.outline
        if then.positions is None or then.outline is None or outline is None:
            return None
        old_of_new = np.arange(len(self.ids)) if before.ids is self.ids else old_rows(before.ids, self.ids)
        if old_of_new is None:
            return None
        found = patched_order(OrderBefore(then.outline, then.positions, before.outline.where, before.outline.size,
                                          before.outline.order, old_of_new),
                              outline, positions)
        return None if found is None else (found[0], _places(found[0]), found[1])

    @staticmethod
    def usable(schedule: Schedule | None) -> bool:
        """True for a schedule the scheduler made (its columns, outline and links at hand)."""
        return schedule is not None and isinstance(schedule.tasks, TaskTable) and schedule.outline is not None \
            and schedule.links is not None

    def column(self, field: str) -> list[Any]:
        """`field` of every task, row by row, read from the plan's columns where it keeps them."""
        values = values_of(self.project.tasks, field)
        if self._in_plan_order is None:
            self._in_plan_order = self.ids == list(self.project.tasks)
        if self._in_plan_order:
            return values
        row_of = self.rows.__getitem__
        out: list[Any] = [None] * len(self.ids)
        for row, value in zip(map(row_of, self.project.tasks), values):
            out[row] = value
        return out

    def chain_index(self, dates: Mapping[str, tuple[date, date]]) -> ChainIndex:
        """A ChainIndex on the same outline, for the steps left to it, its summaries' ends found for `dates`."""
        assert self.schedule.links is not None
        index = ChainIndex(self.project, (self.children, LinksIntoRows(self.project, self.schedule, self.rows)))
        index._ends_dates, index._ends = dates, self.outline.ends(self.ids)
        return index


@dataclass(frozen=True)
class OutlineArrays:
    """The outline in the schedule's row numbers, with what each summary's sub-tasks make of it."""

    order: np.ndarray  # the rows in outline order
    where: np.ndarray  # each row's place in that order
    size: np.ndarray  # each row's count of rows under it, itself included (1: not a summary)
    latest_leaf: np.ndarray  # a summary's latest-finishing sub-task (first in outline order); -1 for a task
    latest_start: np.ndarray  # a summary's latest start among its sub-tasks (a task's: its own)
    latest_finish: np.ndarray  # ... and latest finish (exclusive)

    def in_order(self) -> InOrder:
        return self.order, self.where, self.size

    def coarsest_finishing(self, shown: np.ndarray, most: int) -> tuple[np.ndarray, np.ndarray]:
        """The summaries' rows, and for each the coarsest of `shown` (ranks 0..most) among its sub-tasks
        finishing with it: a finish with the rank folded in, the greatest of each summary's range."""
        summaries = np.flatnonzero(self.size > 1)
        leaf, fold = self.size == 1, most + 1
        key = np.append(np.where(leaf, self.latest_finish * fold + shown, -1)[self.order], -1)
        bounds = np.column_stack([self.where[summaries] + 1, self.where[summaries] + self.size[summaries]]).ravel()
        return summaries, np.maximum.reduceat(key, bounds)[::2] % fold if len(summaries) else summaries

    def coarsest_starting(self, shown: np.ndarray, most: int) -> tuple[np.ndarray, np.ndarray]:
        """The summaries' rows, and for each the coarsest of `shown` among its sub-tasks starting when
        it does (its earliest start): as coarsest_finishing, the start counted back from past the last."""
        summaries = np.flatnonzero(self.size > 1)
        leaf, fold = self.size == 1, most + 1
        back = int(self.latest_start.max(initial=0)) + 1 - self.latest_start  # a leaf's: its own start
        key = np.append(np.where(leaf, back * fold + shown, -1)[self.order], -1)
        bounds = np.column_stack([self.where[summaries] + 1, self.where[summaries] + self.size[summaries]]).ravel()
        return summaries, np.maximum.reduceat(key, bounds)[::2] % fold if len(summaries) else summaries

    def ends(self, ids: list[str]) -> dict[str, Ends]:
        """Each summary's ends as ChainIndex keeps them (latest-finishing sub-task, latest start and finish)."""
        rows = np.flatnonzero(self.size > 1).tolist()
        return {ids[s]: (ids[r], st, fin) for s, r, st, fin in zip(
            rows, self.latest_leaf[rows].tolist(), self.latest_start[rows].tolist(), self.latest_finish[rows].tolist())}


def outline_arrays(children: OutlineChildren, outline: np.ndarray, table: TaskTable,
                   in_order: InOrder | None = None) -> OutlineArrays:
    """The outline and each summary's latest-finishing sub-task, latest start and latest finish among
    the tasks under it, as ChainIndex._summary_ends finds them one summary at a time; `in_order`: the
    outline in order, when known (order, where, size as OutlineArrays)."""
    n, columns = len(table), table.arrays()
    if in_order is not None:
        order, where, size = in_order
    else:
        order, size = outline_order(children, outline)
        where = _places(order)
    leaf = size == 1
    latest_leaf, latest_start, latest_finish = np.full(n, -1), columns[0].copy(), columns[1].copy()
    summaries = np.flatnonzero(~leaf)
    if len(summaries):
        # The latest finish, the first in outline order among equals: a finish with its place folded in.
        key = np.append(np.where(leaf, columns[1] * (n + 1) + (n - where), -1)[order], -1)
        starts = np.append(np.where(leaf, columns[0], np.iinfo(np.int64).min)[order], 0)  # (a range may end at n)
        bounds = np.column_stack([where[summaries] + 1, where[summaries] + size[summaries]]).ravel()
        latest = np.maximum.reduceat(key, bounds)[::2]
        latest_leaf[summaries] = order[n - latest % (n + 1)]
        latest_finish[summaries] = latest // (n + 1)
        latest_start[summaries] = np.maximum.reduceat(starts, bounds)[::2]
    return OutlineArrays(order, where, size, latest_leaf, latest_start, latest_finish)


def _places(order: np.ndarray) -> np.ndarray:
    """Each row's place in `order`."""
    where = np.empty(len(order), np.int64)
    where[order] = np.arange(len(order))
    return where


def chain_index_for(project: Project, schedule: Schedule, dates: Mapping[str, tuple[date, date]]) -> ChainIndex:
    """An index for a few chain steps on `dates` (the schedule's early dates): from the schedule's own
    columns when the scheduler made it (a tenth of reading every task and link of the plan again)."""
    if ScheduleColumns.usable(schedule):
        return ScheduleColumns(project, schedule).chain_index(dates)
    return ChainIndex(project)
