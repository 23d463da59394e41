"""Working-day arithmetic on arrays: per calendar, a table from day ordinal to working-day position.

A position counts working days: `pos(d)` is the number of the calendar's working days before day
`d` (plus an origin, so that on the 7-day calendar a position *is* the day ordinal), and `day(k)`
is the ordinal of the k-th working day. A task on a calendar starts at position `k` on day
`day(k)` and, after `n` working days, finishes at the end of day `day(k + n - 1)`, i.e. at the
exclusive ordinal `day(k + n - 1) + 1`. Adding working days is then integer addition, and moving
between days and positions is one array look-up each, so a plan on a 5-day calendar schedules
almost as fast as one in calendar days.

Row 0 is the identity (calendar days). It serves the Continuous calendar, milestones (a point in
time, not a working day) and tasks with elapsed durations. Outside the tables every day counts as
worked, which keeps both look-ups total and monotone; `covers` tells the scheduler when a result
ran past a table, and it builds wider ones.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from numpy.typing import ArrayLike

from ..domain import Calendar, PlannerError

IDENTITY = 0


class WorkingTime:
    """Day <-> position tables for row 0 (calendar days) and each calendar given, over [first, last)."""

    def __init__(self, calendars: list[Calendar], first: int, last: int):
        self.origin, self.length = first, last - first
        _refuse_oversized(calendars, self.length)
        days = np.arange(first, last, dtype=np.int64)
        flags = [np.ones(self.length, dtype=bool)] + [_working_flags(c, days) for c in calendars]
        self.counts = np.array([int(f.sum()) for f in flags], dtype=np.int64)
        self.cum = np.zeros((len(flags), self.length + 1), dtype=np.int64)
        self.work = np.zeros((len(flags), self.length), dtype=np.int64)
        for row, worked in enumerate(flags):
            np.cumsum(worked, out=self.cum[row, 1:])
            found = np.flatnonzero(worked)
            self.work[row, :found.size] = found
            self.work[row, found.size:] = self.length + np.arange(self.length - found.size)  # past the end: all worked
        self.cum += first
        self.work += first
        for calendar, count in zip(calendars, self.counts[1:].tolist()):
            if not count and not _has_working_exception(calendar):
                raise PlannerError("calendar.no_working_day", f"calendar '{calendar.name}' has no working day",
                                   [calendar.id])

    def pos(self, rows: np.ndarray | int, days: ArrayLike) -> np.ndarray:
        """Working-day position of each day (working days before it); linear outside the table."""
        i = np.asarray(days, dtype=np.int64) - self.origin
        inside = np.clip(i, 0, self.length)
        return np.asarray(self.cum[rows, inside] + (i - inside))

    def day(self, rows: np.ndarray | int, positions: ArrayLike) -> np.ndarray:
        """Day ordinal of each working-day position; linear outside the table."""
        j = np.asarray(positions, dtype=np.int64) - self.origin
        inside = np.clip(j, 0, self.length - 1)
        return np.asarray(self.work[rows, inside] + (j - inside))

    def finish_day(self, rows: np.ndarray | int, positions: ArrayLike) -> np.ndarray:
        """Exclusive finish day of work that ends at `positions` (the end of the day before it)."""
        return self.day(rows, np.asarray(positions) - 1) + 1

    def covers(self, rows: np.ndarray | int, positions: ArrayLike) -> bool:
        """Do these positions (finite ones) all fall inside the tables of their rows?"""
        positions = np.asarray(positions, dtype=np.int64)
        finite = np.abs(positions) < 10**8
        j = positions[finite] - self.origin
        return bool(((j >= 0) & (j < self.counts[np.asarray(rows)[finite]])).all())


# Table cells (calendars + 1 rows, a cell per day) a plan may need: two int64 tables of this many
# cells take 512 MiB. A real plan needs a few million (a few calendars over two or three
# centuries); a 1 MB file naming 10,000 calendars would have asked for 6.8 GiB.
MAX_TABLE_CELLS = 32_000_000


def _refuse_oversized(calendars: list[Calendar], days: int) -> None:
    cells = (len(calendars) + 1) * days
    if cells > MAX_TABLE_CELLS:
        raise PlannerError("calendar.too_many", f"{len(calendars):,} working calendars over {days // 365:,} years "
                           f"need {cells:,} days of working time, more than the {MAX_TABLE_CELLS:,} a plan may "
                           "use; tasks sharing a calendar share its working time", [c.id for c in calendars[:5]])


def working_time(calendars: list[Calendar], first: int, last: int) -> WorkingTime:
    """The tables of these calendars over [first, last): those made last when the calendars' working
    days and the span are the same. A plan's calendars seldom change between edits, and a plan
    spanning millennia (a start typed as 9999 beside a Must finish by of 2030) spent some 0.4 s of
    every edit laying out the same 8,000 years again. Tables handed out are read-only."""
    key = (first, last, tuple((c.weekdays, tuple((e.start, e.finish, e.working) for e in c.exceptions))
                              for c in calendars))
    kept = _KeptTables.last  # read once: an analysis on another thread may replace it
    if kept is not None and kept[0] == key:
        return kept[1]
    time = WorkingTime(calendars, first, last)
    for table in (time.counts, time.cum, time.work):
        table.flags.writeable = False
    _KeptTables.last = (key, time)
    return time


class _KeptTables:
    """The tables made last, by the calendars' weekdays and exceptions and the span (one only:
    tables of millennia take tens of megabytes)."""

    last: tuple[tuple[object, ...], WorkingTime] | None = None


def identity_only(first: int, last: int) -> WorkingTime:
    """Tables for a plan whose every task is on calendar days (cheap: one row)."""
    return WorkingTime([], first, last)


def _working_flags(calendar: Calendar, days: np.ndarray) -> np.ndarray:
    """Is each day worked on this calendar? Exceptions, later ones winning, over the weekdays."""
    weekday = (days - 1) % 7  # ordinal 1 (0001-01-01) was a Monday
    worked = np.asarray(calendar.weekdays, dtype=bool)[weekday]
    first = int(days[0]) if days.size else 0
    for exception in calendar.exceptions:
        a = max(exception.start.toordinal() - first, 0)
        b = min(exception.finish.toordinal() - first + 1, days.size)
        if a < b:
            worked[a:b] = exception.working
    return np.asarray(worked)


def _has_working_exception(calendar: Calendar) -> bool:
    return any(e.working for e in calendar.exceptions)


def span_of(dates: list[date | None], extra_days: int) -> tuple[int, int]:
    """A table range around these dates: a margin before, `extra_days` (at least ten years) after."""
    ordinals = [d.toordinal() for d in dates if d is not None]
    low, high = min(ordinals), max(ordinals)
    first = max(1, low - max(3660, extra_days // 4))
    last = min(date.max.toordinal(), high + max(3660, extra_days))
    return first, last
