"""Every task's driver, found for the whole plan at once from the schedule's columns.

A task's driver is the task its driving chain steps back to (engine/driving_chain.py): a summary's is
its latest-finishing sub-task (every sub-task finishing with it is read in coarsest_with_ties); a
task's is the predecessor of the binding link (into it or into a summary above it) whose predecessor
finishes last, the first such link in the chain's order (its own
links, then its summary's, and so up; each in the plan's order); none for history (actual dates), a
manually scheduled task, or a task no link holds. Whether a link holds is decided as ChainIndex does:
in working days of the task's calendar for a task of working days, in calendar days (with the
next-working-day rule of a start link) for a milestone or an elapsed task.

Stepping back task by task cost some 40 microseconds a step, 0.5 s for the 13,000 steps of a
100,000-task plan with 1% of its dates known only to the year; here each rule is an array operation
over every (task, link) pair (engine/link_pairs.py), laid out a run of links at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from operator import is_not
from typing import NamedTuple

import numpy as np

from .link_pairs import NONE, UNDECIDED, PairDays, link_columns, pairs_of, plan_days

__all__ = ["NONE", "UNDECIDED", "Drivers", "all_drivers", "drivers_with", "fixed_rows", "held_by_links"]
from .shown_precision_columns import ScheduleColumns

# Pairs of a task and a link into it or a summary above it laid out at once: a link into a summary
# pairs with every task under it (a deep outline linked at its top made a gigabyte of pairs at once).
CHUNK_PAIRS = 500_000  # pairs laid out at once (a few tens of megabytes)


class Drivers(NamedTuple):
    """Each row's driver row (NONE, or UNDECIDED for ChainIndex to find), the other drivers of rows
    driven by several equally late predecessors: (row, its other driver's row) pairs, and the rows
    driven by a summary predecessor: (row, that summary's row) pairs, the row reading every sub-task
    finishing with the summary (a summary reads its own: not listed)."""

    first: np.ndarray
    tied_rows: np.ndarray
    tied_drivers: np.ndarray
    via_rows: np.ndarray
    via_summaries: np.ndarray

    def settled(self, found: dict[int, list[int]], via: dict[int, list[int]]) -> Drivers:
        """These drivers with the UNDECIDED rows' found elsewhere (row -> its drivers' rows, first first;
        row -> the summary predecessors it reads the end of)."""
        first = self.first.copy()
        first[list(found)] = [rows[0] if rows else NONE for rows in found.values()]
        tied = _pairs((row, other) for row, rows in found.items() for other in rows[1:])
        through = _pairs((row, summary) for row, summaries in via.items() for summary in summaries)
        return Drivers(first, np.append(self.tied_rows, tied[0]), np.append(self.tied_drivers, tied[1]),
                       np.append(self.via_rows, through[0]), np.append(self.via_summaries, through[1]))


def _pairs(pairs: Iterable[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    found = np.array(list(pairs), np.int64).reshape(-1, 2)
    return found[:, 0], found[:, 1]


def all_drivers(columns: ScheduleColumns) -> Drivers:
    """Every row's drivers (see Drivers)."""
    return drivers_with(columns, *fixed_rows(columns))


def fixed_rows(columns: ScheduleColumns) -> tuple[np.ndarray, np.ndarray]:
    """(the rows with history (an actual date), the manually scheduled rows): no link drives them."""
    history = _given(columns.column("actual_start")) | _given(columns.column("actual_finish"))
    return history, np.fromiter(columns.column("manual"), bool, len(columns.ids))


def drivers_with(columns: ScheduleColumns, history: np.ndarray, manual: np.ndarray,
                 days: PairDays | None = None) -> Drivers:
    """Every row's drivers, the rows with history and the manual ones given (see fixed_rows), and
    the tables of the tasks' working days when made already (link_pairs.plan_pair_days)."""
    outline, n = columns.outline, len(columns.ids)
    summary = outline.size > 1
    drivers = np.full(n, NONE, np.int64)
    drivers[summary] = outline.latest_leaf[summary]
    moved = ~summary & ~manual & ~history
    held, tied_rows, tied_drivers, via_rows, via_summaries = held_by_links(columns, days=days)
    drivers[moved] = held[moved]
    drivers[history] = NONE
    keep, through = (moved[rows] & (drivers[rows] >= 0) for rows in (tied_rows, via_rows))
    return Drivers(drivers, tied_rows[keep], tied_drivers[keep], via_rows[through], via_summaries[through])


def held_by_links(columns: ScheduleColumns, only: np.ndarray | None = None,
                  days: PairDays | None = None) -> tuple[np.ndarray, ...]:
    """Each task's driver through its links (and its summaries' links), as if it had no summary,
    history or manual date (NONE where no link holds it), the (task, driver) pairs of the other
    equally late ones, and the (task, summary) pairs of the summaries among them (Drivers); `only`:
    the rows to find them for (None: every row; the rest are left NONE).
    The pairs are laid out a run of links at a time (CHUNK_PAIRS), keeping only those that hold: a
    link into a summary pairs with every task under it."""
    found, none = np.full(len(columns.ids), NONE, np.int64), np.zeros(0, np.int64)
    if not len(columns.ids) or columns.schedule.links is None or not columns.schedule.links.ids:  # no link
        return found, none, none, none, none
    outline, days = columns.outline, days or PairDays(columns, plan_days(columns))
    chosen = _links_into(columns, only)
    lag, elapsed_lag = link_columns(columns.project, columns.schedule.links.ids, chosen)
    held, undecided = [], []
    for links in _link_runs(columns, chosen):
        pairs = pairs_of(columns, links, lag, elapsed_lag)
        if only is not None:
            pairs = pairs.among(only[pairs.task])
        holds, sure = days.holds(pairs)
        at = np.flatnonzero(holds & sure)
        held.append((pairs.task[at], pairs.pred[at], pairs.link[at], outline.where[pairs.succ[at]]))
        undecided.append(pairs.task[~sure])
    if not held:  # a plan without links
        return found, none, none, none, none
    task, pred, link, succ_place = (np.concatenate(part) for part in zip(*held))
    # The binding links whose predecessors finish last, the first in the chain's order among equals
    # (by task, the links into it first, then its summary's, and so up, each in the plan's order).
    finishes = columns.schedule.tasks.arrays()[1][pred]  # type: ignore[attr-defined]
    ranked = np.lexsort((link, -succ_place, -finishes, task))
    task, finishes, pred = task[ranked], finishes[ranked], pred[ranked]
    leads = np.r_[True, task[1:] != task[:-1]] if len(task) else np.zeros(0, bool)
    latest = np.maximum.accumulate(np.where(leads, np.arange(len(task)), 0)) if len(task) else none
    tied = ~leads & (finishes == finishes[latest]) if len(task) else np.zeros(0, bool)
    driver = np.where(outline.size[pred] > 1, outline.latest_leaf[pred], pred)
    found[task[leads]] = driver[leads]
    found[np.unique(np.concatenate(undecided))] = UNDECIDED
    via = (leads | tied) & (outline.size[pred] > 1)  # a summary predecessor: every sub-task finishing with it
    return found, task[tied], driver[tied], task[via], pred[via]


def _links_into(columns: ScheduleColumns, only: np.ndarray | None) -> np.ndarray | None:
    """The places of the links into the rows of `only` or into a summary above one (None: every link)."""
    if only is None:
        return None
    links, parent, into = columns.schedule.links, columns.schedule.outline, only.copy()
    assert links is not None and parent is not None
    rows = np.flatnonzero(only)
    while len(rows):  # up the outline, a level at a time, to summaries not marked yet
        rows = parent[rows]
        rows = np.unique(rows[rows >= 0])
        rows = rows[~into[rows]]
        into[rows] = True
    return np.flatnonzero(into[links.succ])


def _link_runs(columns: ScheduleColumns, chosen: np.ndarray | None) -> list[np.ndarray]:
    """The links (`chosen`, or every one) in runs of at most CHUNK_PAIRS pairs each (a run of one
    link may hold more)."""
    links, size = columns.schedule.links, columns.outline.size
    assert links is not None
    places = np.arange(len(links.succ)) if chosen is None else chosen
    succ = links.succ[places]
    span = np.where(size[succ] > 1, size[succ] - 1, 1)
    ends = np.cumsum(span)
    runs, start = [], 0
    while start < len(span):
        stop = max(int(np.searchsorted(ends, (ends[start - 1] if start else 0) + CHUNK_PAIRS, "right")), start + 1)
        runs.append(places[start:stop])
        start = stop
    return runs


def _given(values: list[object]) -> np.ndarray:
    return np.fromiter(map(is_not, values, repeat(None)), bool, len(values))
