"""Every task's driver, found for the whole plan at once from the schedule's columns.

A task's driver is the task its driving chain steps back to (engine/driving_chain.py): a summary's is
its latest-finishing sub-task; a task's is the predecessor of the binding link (into it or into a
summary above it) whose predecessor finishes last, the first such link in the chain's order (its own
links, then its summary's, and so up; each in the plan's order); none for history (actual dates), a
manually scheduled task, or a task no link holds. Whether a link holds is decided as ChainIndex does:
in working days of the task's calendar for a task of working days, in calendar days (with the
next-working-day rule of a start link) for a milestone or an elapsed task.

Stepping back task by task cost some 40 microseconds a step, 0.5 s for the 13,000 steps of a
100,000-task plan with 1% of its dates known only to the year; here each rule is an array operation
over every (task, link) pair. A pair whose days fall outside the calendars' tables laid out here (a
lead of decades that does not hold) is not decided: its task is left to ChainIndex (UNDECIDED).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..domain import PlannerError, Project
from ..domain.column_rows import values_of
from ._calendars import WorkingTime
from .shown_precision_columns import ScheduleColumns

NONE, UNDECIDED = -1, -2  # a task no link drives; a task whose driver is left to ChainIndex
# Pairs of a task and a link into it or a summary above it laid out at once: a link into a summary
# pairs with every task under it (a deep outline linked at its top made a gigabyte of pairs at once).
CHUNK_PAIRS = 500_000  # pairs laid out at once (a few tens of megabytes)
MOST_ROUNDS = 24  # rounds through ties (coarsest_with_ties) before the walk task by task takes over
_MARGIN = 3660  # days laid out either side of the plan's dates (some ten years)
FS, SS, FF, SF = 0, 1, 2, 3


class Drivers(NamedTuple):
    """Each row's driver row (NONE, or UNDECIDED for ChainIndex to find), and the other drivers of
    rows driven by several equally late predecessors: (row, its other driver's row) pairs."""

    first: np.ndarray
    tied_rows: np.ndarray
    tied_drivers: np.ndarray

    def settled(self, found: dict[int, list[int]]) -> Drivers:
        """These drivers with the UNDECIDED rows' found elsewhere (row -> its drivers' rows, first first)."""
        first = self.first.copy()
        first[list(found)] = [rows[0] if rows else NONE for rows in found.values()]
        others = [(row, other) for row, rows in found.items() for other in rows[1:]]
        rows = np.array([row for row, _ in others], np.int64)
        drivers = np.array([other for _, other in others], np.int64)
        return Drivers(first, np.append(self.tied_rows, rows), np.append(self.tied_drivers, drivers))


def all_drivers(columns: ScheduleColumns) -> Drivers:
    """Every row's drivers (see Drivers)."""
    outline, n = columns.outline, len(columns.ids)
    history = _given(columns.column("actual_start")) | _given(columns.column("actual_finish"))
    manual = np.fromiter(columns.column("manual"), bool, n)
    summary = outline.size > 1
    drivers = np.full(n, NONE, np.int64)
    drivers[summary] = outline.latest_leaf[summary]
    moved = ~summary & ~manual & ~history
    held, tied_rows, tied_drivers = _held_by_links(columns)
    drivers[moved] = held[moved]
    drivers[history] = NONE
    keep = moved[tied_rows] & (drivers[tied_rows] >= 0)
    return Drivers(drivers, tied_rows[keep], tied_drivers[keep])


@dataclass(frozen=True)
class _Pairs:
    """(task, link) pairs: a task not a summary and a link into it or into a summary above it."""

    task: np.ndarray  # the task's row
    pred: np.ndarray  # the link's predecessor's row
    code: np.ndarray  # FS, SS, FF, SF
    lag: np.ndarray  # days: working days of the task's calendar, or calendar days if elapsed_lag
    elapsed_lag: np.ndarray
    event: np.ndarray  # the predecessor's latest finish (FS, FF) or latest start (SS, SF), an ordinal
    start: np.ndarray  # the task's early start
    finish: np.ndarray  # ... and its exclusive early finish
    link: np.ndarray  # the link's place in the schedule's links (the plan's order)
    succ: np.ndarray  # the task or summary the link goes into

    @property
    def from_finish(self) -> np.ndarray:
        return np.asarray((self.code == FS) | (self.code == FF))

    @property
    def to_start(self) -> np.ndarray:
        return np.asarray((self.code == FS) | (self.code == SS))


def _held_by_links(columns: ScheduleColumns) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each task's driver through its links (and its summaries' links), as if it had no summary,
    history or manual date (NONE where no link holds it), and the (task, driver) pairs of the other
    equally late ones. The pairs are laid out a run of links at a time (CHUNK_PAIRS), keeping only
    those that hold: a link into a summary pairs with every task under it."""
    found, none = np.full(len(columns.ids), NONE, np.int64), np.zeros(0, np.int64)
    if not len(columns.ids) or columns.schedule.links is None or not columns.schedule.links.ids:  # no link
        return found, none, none
    outline, table = columns.outline, columns.schedule.tasks.arrays()  # type: ignore[attr-defined]
    days = _Days(columns, np.concatenate([table[0], table[1], outline.latest_start, outline.latest_finish]))
    lag, elapsed_lag = _link_columns(columns.project, columns.schedule.links.ids)
    held, undecided = [], []
    for links in _link_runs(columns):
        pairs = _pairs(columns, links, lag, elapsed_lag)
        holds, sure = days.holds(pairs)
        at = np.flatnonzero(holds & sure)
        held.append((pairs.task[at], pairs.pred[at], pairs.link[at], outline.where[pairs.succ[at]]))
        undecided.append(pairs.task[~sure])
    if not held:  # a plan without links
        return found, none, none
    task, pred, link, succ_place = (np.concatenate(part) for part in zip(*held))
    # The binding links whose predecessors finish last, the first in the chain's order among equals
    # (by task, the links into it first, then its summary's, and so up, each in the plan's order).
    finishes = table[1][pred]
    ranked = np.lexsort((link, -succ_place, -finishes, task))
    task, finishes, pred = task[ranked], finishes[ranked], pred[ranked]
    leads = np.r_[True, task[1:] != task[:-1]] if len(task) else np.zeros(0, bool)
    latest = np.maximum.accumulate(np.where(leads, np.arange(len(task)), 0)) if len(task) else none
    tied = ~leads & (finishes == finishes[latest]) if len(task) else np.zeros(0, bool)
    driver = np.where(outline.size[pred] > 1, outline.latest_leaf[pred], pred)
    found[task[leads]] = driver[leads]
    found[np.unique(np.concatenate(undecided))] = UNDECIDED
    return found, task[tied], driver[tied]


def _link_runs(columns: ScheduleColumns) -> list[np.ndarray]:
    """The links in runs of at most CHUNK_PAIRS pairs each (a run of one link may hold more)."""
    links, size = columns.schedule.links, columns.outline.size
    assert links is not None
    span = np.where(size[links.succ] > 1, size[links.succ] - 1, 1)
    ends = np.cumsum(span)
    runs, start = [], 0
    while start < len(span):
        stop = max(int(np.searchsorted(ends, (ends[start - 1] if start else 0) + CHUNK_PAIRS, "right")), start + 1)
        runs.append(np.arange(start, stop))
        start = stop
    return runs


def _pairs(columns: ScheduleColumns, links: np.ndarray, lag: np.ndarray, elapsed_lag: np.ndarray) -> _Pairs:
    """Every (task, link) pair of these links: a link into a task, or into a summary and each task under it."""
    outline, table_links, table = columns.outline, columns.schedule.links, columns.schedule.tasks.arrays()  # type: ignore[attr-defined]
    assert table_links is not None
    size, where, order, succ = outline.size, outline.where, outline.order, table_links.succ[links]
    span = np.where(size[succ] > 1, size[succ] - 1, 1)  # a link into a summary reaches every row under it
    at = np.repeat(np.arange(len(succ)), span)
    offset = np.arange(len(at)) - np.repeat(np.cumsum(span) - span, span)
    task = order[where[succ][at] + (size[succ][at] > 1) + offset]
    keep = size[task] == 1
    task, link = task[keep], links[at[keep]]
    pred, code = table_links.pred[link], table_links.code[link]
    from_finish = (code == FS) | (code == FF)
    event = np.where(from_finish, outline.latest_finish[pred], outline.latest_start[pred])
    return _Pairs(task, pred, code, lag[link], elapsed_lag[link], event, table[0][task], table[1][task],
                  link, table_links.succ[link])


def _link_columns(project: Project, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each link's lag and whether it is elapsed, in the order of `ids` (the schedule's: the plan's)."""
    if ids == list(project.links):  # read from the plan's columns where it keeps them
        lags, elapsed = values_of(project.links, "lag"), values_of(project.links, "elapsed")
    else:
        links = list(map(project.links.__getitem__, ids))
        lags, elapsed = [link.lag for link in links], [link.elapsed for link in links]
    return np.fromiter(lags, np.int64, len(ids)), np.fromiter(elapsed, bool, len(ids))


def _given(values: list[object]) -> np.ndarray:
    return np.fromiter((value is not None for value in values), bool, len(values))


class _Days:
    """Working-day positions of each task's calendar over the plan's days (driving_chain_lags' rules)."""

    def __init__(self, columns: ScheduleColumns, days: np.ndarray):
        project, named = columns.project, columns.column("calendar_id")
        calendars = {cid: project.default_calendar() if cid is None else project.calendar(cid) for cid in set(named)}
        working = list({c.id: c for c in calendars.values() if not c.is_continuous}.values())
        rows = {c.id: i + 1 for i, c in enumerate(working)}  # row 0: calendar days
        row_of = {cid: rows.get(calendar.id, 0) for cid, calendar in calendars.items()}
        self.row = np.fromiter(map(row_of.__getitem__, named), np.int64, len(named))
        self.elapsed = np.fromiter(columns.column("elapsed"), bool, len(named))
        first, last = int(days.min()) - _MARGIN, int(days.max()) + _MARGIN
        try:
            self.time: WorkingTime | None = WorkingTime(working, first, last)
        except PlannerError:  # tables too large to lay out: every pair left to ChainIndex
            self.time = None

    def holds(self, p: _Pairs) -> tuple[np.ndarray, np.ndarray]:
        """(does the link hold its task where it is, was that decided here) per pair."""
        if self.time is None:
            return np.zeros(len(p.task), bool), np.zeros(len(p.task), bool)
        row, time = self.row[p.task], self.time
        # A task of working days: the event moved by the lag in the task's working days (LinkDays.holds).
        day = p.event + np.where(p.elapsed_lag, p.lag, 0)
        shifted = (p.lag != 0) & ~p.elapsed_lag
        moved = time.pos(row, day) + p.lag
        day = np.where(shifted, np.where(p.from_finish, time.day(row, moved - 1) + 1, time.day(row, moved)), day)
        target = np.where(p.to_start, p.start, p.finish)
        by_working_days = time.pos(row, day) == time.pos(row, target)
        # A milestone or an elapsed task: calendar days, or a start link reaching days off before it.
        bound = p.event + p.lag - np.where(p.to_start, 0, p.finish - p.start)  # FF, SF: from its finish
        worked = ~self.elapsed[p.task] & (p.finish > p.start)
        holds = np.where(worked, by_working_days, (bound == p.start) | self._past_days_off(p))
        return holds, self._inside(row, [day, target, p.event, p.start, p.start + 1], [moved - 1, moved], shifted)

    def _past_days_off(self, p: _Pairs) -> np.ndarray:
        """A start link whose end plus its lag, in the task's days of work, falls on days off before
        its start, which is its next working day (driving_chain._bound_past_days_off)."""
        time = self.time
        assert time is not None
        counted = np.where(self.elapsed[p.task], 0, self.row[p.task])  # an elapsed task counts every day
        worked = time.pos(counted, p.start) - time.pos(counted, p.event)
        next_worked = time.pos(counted, p.start + 1) - time.pos(counted, p.event) == worked + 1
        return np.asarray(p.to_start & ~p.elapsed_lag & (p.lag >= 0) & (p.event <= p.start) & (worked == p.lag)
                          & next_worked)

    def _inside(self, row: np.ndarray, days: list[np.ndarray], positions: list[np.ndarray],
                shifted: np.ndarray) -> np.ndarray:
        """Pairs whose days and positions all fall inside their calendar's table (calendar days: always)."""
        time = self.time
        assert time is not None
        inside = np.ones(len(row), bool)
        for day in days:
            inside &= (day >= time.origin) & (day < time.origin + time.length)
        low, high = time.origin, time.origin + time.counts[row]
        for position in positions:
            inside &= ~shifted | ((position >= low) & (position < high))
        return np.asarray((row == 0) | inside)


def coarsest_along(drivers: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """Each row's coarsest rank along its chain of drivers (itself, its driver, its driver's, ...):
    the shown precision's rule, by doubling the steps looked along at each round. A chain that loops
    (none does in a plan the scheduler accepts) gives each of its tasks the coarsest in the loop."""
    shown, step = ranks.copy(), drivers.copy()
    for _ in range(max(1, len(ranks).bit_length() + 1)):
        on = step >= 0
        if not on.any():
            break
        ahead = np.where(on, step, 0)
        shown = np.where(on, np.maximum(shown, shown[ahead]), shown)
        step = np.where(on, step[ahead], NONE)
    return shown


def coarsest_with_ties(drivers: Drivers, ranks: np.ndarray) -> np.ndarray | None:
    """coarsest_along, also through the other equally late drivers: a task waiting as long on a date
    known to the year as on one known to the day is known to the year, whichever link came first.
    Rounds until no rank moves (each round carries the ties one more step down the chains); None
    past MOST_ROUNDS (a grid of equal tasks ties at every step: the walk task by task is quicker)."""
    shown = coarsest_along(drivers.first, ranks)
    for _ in range(MOST_ROUNDS):
        if not len(drivers.tied_rows):
            return shown
        lifted = ranks.copy()
        np.maximum.at(lifted, drivers.tied_rows, shown[drivers.tied_drivers])
        again = coarsest_along(drivers.first, lifted)
        if np.array_equal(again, shown):
            return shown
        shown = again
    return None
