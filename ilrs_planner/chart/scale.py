"""The time scale of the chart: dates <-> x pixels, linear in calendar days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from numpy.typing import ArrayLike

PROGRAMME_START = date(2018, 1, 1)  # Chang'e 4 era: the earliest thing the ILRS roadmap shows
PROGRAMME_END = date(2053, 1, 1)  # exclusive: the whole programme runs through 2052

MIN_PX_PER_DAY = 0.005  # ~ 180 years across 330 px: nobody needs to zoom out further
MAX_PX_PER_DAY = 120.0  # one day wider than a label; weeks read comfortably well before this


@dataclass(frozen=True, slots=True)
class TimeScale:
    """x = (ordinal(day) - origin) * px_per_day; `origin` may be fractional (smooth panning)."""

    origin: float  # the date ordinal (float) at x = 0
    px_per_day: float

    @classmethod
    def fit(cls, start: date, end: date, width: float) -> TimeScale:
        """The scale that shows [start, end) across `width` pixels."""
        days = max((end - start).days, 1)
        return cls(float(start.toordinal()), clamp_px_per_day(width / days))

    def x_of(self, day: date) -> float:
        """The x pixel of the start of `day`."""
        return (day.toordinal() - self.origin) * self.px_per_day

    def x_of_ordinals(self, ordinals: ArrayLike) -> np.ndarray:
        """Vectorised x_of over date ordinals (numpy array of ints or floats)."""
        return (np.asarray(ordinals, dtype=np.float64) - self.origin) * self.px_per_day

    def ordinal_at(self, x: float) -> float:
        """The fractional date ordinal at pixel x."""
        return self.origin + x / self.px_per_day

    def date_at(self, x: float) -> date:
        """The day that contains pixel x (rounded to the nearest day boundary)."""
        return date.fromordinal(int(round(self.ordinal_at(x))))

    def days_in(self, px: float) -> float:
        """How many days `px` pixels span."""
        return px / self.px_per_day

    def visible_range(self, width: float) -> tuple[date, date]:
        """The [first, end) dates that `width` pixels show."""
        first = date.fromordinal(int(np.floor(self.origin)))
        return first, date.fromordinal(int(np.ceil(self.ordinal_at(width))))

    def panned(self, dx_px: float) -> TimeScale:
        """The scale after dragging the content `dx_px` pixels to the right."""
        return TimeScale(self.origin - dx_px / self.px_per_day, self.px_per_day)

    def zoomed(self, factor: float, anchor_x: float) -> TimeScale:
        """The scale magnified by `factor`, keeping the date under `anchor_x` where it is."""
        anchor = self.ordinal_at(anchor_x)
        ppd = clamp_px_per_day(self.px_per_day * factor)
        return TimeScale(anchor - anchor_x / ppd, ppd)


def clamp_px_per_day(value: float) -> float:
    """Keep a zoom inside the range the axis can label."""
    return float(min(max(value, MIN_PX_PER_DAY), MAX_PX_PER_DAY))


def day_after(day: date) -> date:
    """The exclusive end of a one-day span."""
    return day + timedelta(days=1)
