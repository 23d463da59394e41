"""Non-working days of the plan's default calendar as x spans, shaded behind the bars.

Only the visible date range is looked at, so a pan or zoom costs a few hundred days at most; the
exceptions are kept as arrays once per calendar, so a calendar with thousands of holidays costs
one vectorised filter per redraw. Zoomed out past weeks a day is narrower than a few pixels and
the shading would only be noise, so the scene asks `shade_days` first.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..domain import Calendar
from .axis import choose_level
from .scale import TimeScale

NO_SPANS = np.zeros((0, 2))


class WorkingDays:
    """A calendar's weekdays and exceptions as arrays, quick to ask about any range of days."""

    def __init__(self, calendar: Calendar):
        self.weekdays = np.asarray(calendar.weekdays, dtype=bool)
        self.starts = np.array([e.start.toordinal() for e in calendar.exceptions], dtype=np.int64)
        self.finishes = np.array([e.finish.toordinal() for e in calendar.exceptions], dtype=np.int64)
        self.working = np.array([e.working for e in calendar.exceptions], dtype=bool)
        self.every_day = calendar.is_continuous

    def worked(self, first: int, end: int) -> np.ndarray:
        """Is each day of ordinals [first, end) worked? Later exceptions win, as in the scheduler."""
        days = np.arange(first, end, dtype=np.int64)
        worked = self.weekdays[(days - 1) % 7]  # ordinal 1 (0001-01-01) was a Monday
        for i in np.flatnonzero((self.finishes >= first) & (self.starts < end)).tolist():
            worked[max(self.starts[i] - first, 0):self.finishes[i] - first + 1] = self.working[i]
        return worked


def shade_days(scale: TimeScale, text_width: Callable[[str], float]) -> bool:
    """True at week and day zoom: when the time axis labels weeks or days, as its header does."""
    return choose_level(scale.px_per_day, text_width)[0] in ("week", "day")


def nonworking_spans(days: WorkingDays | None, scale: TimeScale, width: float) -> np.ndarray:
    """(x0, x1) of each run of non-working days in the `width` pixels shown (an (n, 2) array)."""
    if days is None or days.every_day or width <= 0:
        return NO_SPANS
    first = int(np.floor(scale.origin))
    end = int(np.ceil(scale.ordinal_at(width))) + 1
    off = np.concatenate(([False], ~days.worked(first, end), [False]))
    edges = np.diff(off.astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    x = scale.x_of_ordinals(np.column_stack([starts, ends]) + first)
    return np.clip(x, -1.0, width + 1.0)
