"""The (task, link) pairs of a plan read from the schedule's columns, and whether each link holds its task.

A task's start may be held by a link into it or into a summary above it (engine/driving_chain.py):
each such pair is laid out as arrays, and whether the link holds the task where the schedule put it
is decided as driving_chain_lags.LinkDays decides it, in working days of the task's calendar (the
event moved by a working lag, on the calendar's tables of positions: engine/_calendars.py), or in
calendar days with the next-working-day rule of a start link for a milestone or an elapsed task. A
pair whose days fall outside the tables laid out here (a lead of decades that does not hold) is not
decided: its task is left to ChainIndex (UNDECIDED).
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, fields

import numpy as np

from ..domain import PlannerError, Project
from ..domain.column_rows import values_of
from ._calendars import WorkingTime
from .shown_precision_columns import ScheduleColumns

NONE, UNDECIDED = -1, -2  # a task no link drives; a task whose driver is left to ChainIndex
_MARGIN = 3660  # days laid out either side of the plan's dates (some ten years)
FS, SS, FF, SF = 0, 1, 2, 3


@dataclass(frozen=True)
class LinkPairs:
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

    def among(self, keep: np.ndarray) -> LinkPairs:
        """The pairs `keep` marks."""
        return LinkPairs(*(getattr(self, field.name)[keep] for field in fields(self)))

    @property
    def from_finish(self) -> np.ndarray:
        return np.asarray((self.code == FS) | (self.code == FF))

    @property
    def to_start(self) -> np.ndarray:
        return np.asarray((self.code == FS) | (self.code == SS))


def pairs_of(columns: ScheduleColumns, links: np.ndarray, lag: np.ndarray, elapsed_lag: np.ndarray) -> LinkPairs:
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
    return LinkPairs(task, pred, code, lag[link], elapsed_lag[link], event, table[0][task], table[1][task],
                  link, table_links.succ[link])


def link_columns(project: Project, ids: list[str], chosen: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each link's lag and whether it is elapsed, in the order of `ids` (the schedule's: the plan's);
    `chosen`: the places of the only links read (the others' left 0 and False)."""
    if chosen is not None:
        lag, elapsed = np.zeros(len(ids), np.int64), np.zeros(len(ids), bool)
        links = [project.links[ids[place]] for place in chosen.tolist()]
        lag[chosen], elapsed[chosen] = [link.lag for link in links], [link.elapsed for link in links]
        return lag, elapsed
    if ids == list(project.links):  # read from the plan's columns where it keeps them
        lags, elapsed_flags = values_of(project.links, "lag"), values_of(project.links, "elapsed")
    else:
        links = list(map(project.links.__getitem__, ids))
        lags, elapsed_flags = [link.lag for link in links], [link.elapsed for link in links]
    return np.fromiter(lags, np.int64, len(ids)), np.fromiter(elapsed_flags, bool, len(ids))


def plan_pair_days(columns: ScheduleColumns) -> PairDays | None:
    """The tables for every task of the schedule (None: a plan without tasks or links needs none)."""
    links = columns.schedule.links
    if not len(columns.ids) or links is None or not links.ids:
        return None
    return PairDays(columns, plan_days(columns))


def plan_days(columns: ScheduleColumns) -> np.ndarray:
    """Every day the pairs' rules may read: each task's early dates and each summary's latest ones."""
    outline, table = columns.outline, columns.schedule.tasks.arrays()  # type: ignore[attr-defined]
    return np.concatenate([table[0], table[1], outline.latest_start, outline.latest_finish])


class PairDays:
    """Working-day positions of each task's calendar over the plan's days (driving_chain_lags' rules)."""

    def __init__(self, columns: ScheduleColumns, days: np.ndarray):
        project, named = columns.project, columns.column("calendar_id")
        calendars = {cid: project.default_calendar() if cid is None else project.calendar(cid) for cid in set(named)}
        working = list({c.id: c for c in calendars.values() if not c.is_continuous}.values())
        rows = {c.id: i + 1 for i, c in enumerate(working)}  # row 0: calendar days
        row_of = {cid: rows.get(calendar.id, 0) for cid, calendar in calendars.items()}
        self.row_of = row_of  # calendar id (None: the plan's default) -> its row in the tables
        self.row = np.fromiter(map(row_of.__getitem__, named), np.int64, len(named))
        self.elapsed = np.fromiter(columns.column("elapsed"), bool, len(named))
        first, last = int(days.min()) - _MARGIN, int(days.max()) + _MARGIN
        try:
            self.time: WorkingTime | None = WorkingTime(working, first, last)
        except PlannerError:  # tables too large to lay out: every pair left to ChainIndex
            self.time = None

    def carried(self, columns: ScheduleColumns, old_of_new: np.ndarray, named: Iterable[str],
                days: np.ndarray) -> PairDays | None:
        """These tables for the rows of the plan's schedule after edits that changed none of its
        calendars (`old_of_new`: each row's row here, -1 for a task new to it), the tasks the edits named
        and those new read again: reading every task's calendar cost some 15 ms after each edit at
        100,000 tasks. None when a task names a calendar the tables lack, or the plan's days near their ends."""
        time = self.time
        if time is not None and (int(days.min()) < time.origin + _MARGIN // 2
                                 or int(days.max()) > time.origin + time.length - _MARGIN // 2):
            return None
        known = old_of_new >= 0
        carried = copy(self)
        carried.row, carried.elapsed = np.zeros(len(old_of_new), np.int64), np.zeros(len(old_of_new), bool)
        carried.row[known], carried.elapsed[known] = self.row[old_of_new[known]], self.elapsed[old_of_new[known]]
        tasks, ids = columns.project.tasks, columns.ids
        for task_id in {*named, *(ids[row] for row in np.flatnonzero(~known).tolist())}:
            row = columns.rows.get(task_id)
            if row is None or task_id not in tasks:
                continue
            task = tasks[task_id]
            if task.calendar_id not in self.row_of:
                return None
            carried.row[row], carried.elapsed[row] = self.row_of[task.calendar_id], bool(task.elapsed)
        return carried

    def holds(self, p: LinkPairs) -> tuple[np.ndarray, np.ndarray]:
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

    def _past_days_off(self, p: LinkPairs) -> np.ndarray:
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
