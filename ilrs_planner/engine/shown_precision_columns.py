"""The walk of shown precisions (engine/shown_precision.py) fed from the schedule's own columns.

Asked for every task at once on a plan of 100,000 tasks with 1% of them dated only to the year, the
walk spent most of its second reading the plan again object by object: each summary's children and
the links into each task (0.4 s), each task's successors (0.4 s), and each summary's latest-finishing
sub-task, found task by task through the early dates (0.3 s). The schedule holds the outline and the
links as the scheduler read them (Schedule.outline, Schedule.links) and the dates as columns: here
those are sorted once, each task's successors are a slice, and every summary's latest-finishing
sub-task (the first in outline order, as ChainIndex finds it) is one pass over the outline in order.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

import numpy as np

from ..domain import Project
from .driving_chain import ChainIndex, Ends
from .schedule import Schedule, TaskTable
from .schedule_check_chain import LinksIntoRows, OutlineChildren

_POSITION = attrgetter("position")
Dates = dict[str, tuple[date, date]]


class ScheduleColumns:
    """A schedule's early dates, outline and links, read for many chain steps."""

    def __init__(self, project: Project, schedule: Schedule, dates: Dates):
        table = schedule.tasks
        assert isinstance(table, TaskTable) and schedule.outline is not None and schedule.links is not None
        self.ids, rows = table.ids(), table._rows()
        positions = np.fromiter(map(_POSITION, map(project.tasks.__getitem__, self.ids)), np.int64, len(self.ids))
        self.children = OutlineChildren(self.ids, schedule.outline, positions, rows)
        self.index = ChainIndex(project, (self.children, LinksIntoRows(project, schedule, rows)))
        self.index._ends_dates, self.index._ends = dates, _summary_ends(self.children, schedule.outline, table)
        self.rows = rows
        by_pred = np.argsort(schedule.links.pred, kind="stable")  # links grouped by predecessor, in plan order
        self._succs = schedule.links.succ[by_pred].tolist()
        # The successors of row r are at bounds[r]:bounds[r + 1] of those (see OutlineChildren.bounds).
        self._bounds = np.searchsorted(schedule.links.pred[by_pred], np.arange(len(rows) + 1)).tolist()

    @staticmethod
    def usable(schedule: Schedule | None) -> bool:
        """True for a schedule the scheduler made (its columns, outline and links at hand)."""
        return schedule is not None and isinstance(schedule.tasks, TaskTable) and schedule.outline is not None \
            and schedule.links is not None

    def get(self, task_id: str, default: list[str], /) -> list[str]:
        """The tasks `task_id`'s links point at, in the plan's order of its links (its successors)."""
        place = self.rows.get(task_id)
        if place is None:
            return default
        low, high = self._bounds[place], self._bounds[place + 1]
        return [self.ids[at] for at in self._succs[low:high]] if high > low else default


def _summary_ends(children: OutlineChildren, outline: np.ndarray, table: TaskTable) -> dict[str, Ends]:
    """Each summary's latest-finishing sub-task (the first in outline order), latest start and latest
    finish among the tasks under it, as ChainIndex._summary_ends finds them one summary at a time."""
    order, n = _preorder(children, len(table)), len(table)
    if not children.summaries:
        return {}
    columns = table.arrays()
    where = np.empty(n, np.int64)
    where[order] = np.arange(n)  # each row's place in outline order
    size = _subtree_sizes(outline, order)
    leaf = size == 1
    # The latest finish, the first in outline order among equals: a finish with its place folded in.
    key = np.where(leaf, columns[1] * (n + 1) + (n - where), -1)[order]
    starts = np.where(leaf, columns[0], np.iinfo(np.int64).min)[order]
    summaries = np.flatnonzero(~leaf)
    first, stop = where[summaries] + 1, where[summaries] + size[summaries]
    bounds = np.column_stack([first, stop]).ravel()
    key, starts = np.append(key, -1), np.append(starts, 0)  # a last range may end past the last row
    latest = np.maximum.reduceat(key, bounds)[::2]
    latest_start = np.maximum.reduceat(starts, bounds)[::2]
    leaf_rows = order[n - latest % (n + 1)]
    ids = children.ids
    return {ids[s]: (ids[r], st, fin) for s, r, st, fin in
            zip(summaries.tolist(), leaf_rows.tolist(), latest_start.tolist(), (latest // (n + 1)).tolist())}


def _preorder(children: OutlineChildren, n: int) -> np.ndarray:
    """The rows in outline order: each summary, then its children's rows in display order."""
    order, bounds = children.row_order, children.bounds  # row r's children: bounds[r + 1]:bounds[r + 2]
    out: list[int] = []
    stack = order[bounds[0]:bounds[1]][::-1]
    while stack:
        row = stack.pop()
        out.append(row)
        low, high = bounds[row + 1], bounds[row + 2]
        if high > low:
            stack.extend(order[low:high][::-1])
    return np.array(out, np.int64)


def _subtree_sizes(outline: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Each row's count of rows under it, itself included, summed from the last row in outline order up."""
    size = [1] * len(order)
    up = outline.tolist()
    for row in reversed(order.tolist()):
        if up[row] >= 0:
            size[up[row]] += size[row]
    return np.array(size, np.int64)
