"""Time-axis ticks that read well from the whole programme (decades) down to weeks.

The header has two levels, e.g. years over quarters. The lower level is the finest unit whose
cells are wide enough for their labels; the upper level is the next coarser unit. Labels of the
upper level stay inside the visible part of their cell so they never run off the chart. Zoomed
in to days, the lower level names each day ("Mon 30") under its week.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .scale import TimeScale

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LABEL_PAD_PX = 10.0  # air between neighbouring labels


@dataclass(frozen=True, slots=True)
class AxisCell:
    """One labelled cell of a header row: [x0, x1) with its label and where to draw the label."""

    x0: float
    x1: float
    label: str
    label_x: float  # left edge of the label text (kept inside the visible part of the cell)


@dataclass(frozen=True, slots=True)
class AxisHeader:
    """The two header rows plus the grid-line positions (lower-level boundaries)."""

    upper: list[AxisCell]
    lower: list[AxisCell]
    grid_x: list[float]  # every lower-level boundary
    major_x: list[float]  # upper-level boundaries (drawn stronger)
    lower_unit: str
    upper_unit: str


def _step(day: date, unit: str, n: int = 1) -> date:
    """The boundary `n` units after `day` (day is already on a boundary)."""
    if unit in ("day", "week"):
        return day + timedelta(days=(1 if unit == "day" else 7) * n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * n
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _floor(day: date, unit: str) -> date:
    """The boundary of `unit` on or before `day`."""
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit == "year":
        return date(day.year, 1, 1)
    return date(day.year - day.year % 10, 1, 1)


def _labels(day: date, unit: str) -> tuple[str, ...]:
    """Labels for the cell starting at `day`, longest first (the first that fits is used)."""
    if unit == "day":
        return (f"{WEEKDAYS[day.weekday()]} {day.day}", f"{day.day}")
    if unit == "week":
        return (f"{day.day} {MONTHS[day.month - 1]}", f"{day.day}")
    if unit == "month":
        return (MONTHS[day.month - 1], MONTHS[day.month - 1][0])
    if unit == "quarter":
        return (f"Q{(day.month - 1) // 3 + 1}",)
    if unit == "year":
        return (f"{day.year}", f"’{day.year % 100:02d}")
    return (f"{day.year}s",)


def _upper_labels(day: date, unit: str) -> tuple[str, ...]:
    """Upper-row labels carry the context the lower row omits (the month's year, etc.)."""
    if unit == "month":
        return (f"{MONTHS[day.month - 1]} {day.year}", MONTHS[day.month - 1])
    if unit == "week":  # over days: the week's Monday with its month and year
        return (f"{day.day} {MONTHS[day.month - 1]} {day.year}", f"{day.day} {MONTHS[day.month - 1]}")
    return _labels(day, unit)


# (lower unit, years per label stride for years, upper unit), finest first.
LEVELS = (("day", 1, "week"), ("week", 1, "month"), ("month", 1, "year"), ("quarter", 1, "year"),
          ("year", 1, "decade"), ("year", 2, "decade"), ("year", 5, "decade"), ("decade", 1, ""))
_NOMINAL_DAYS = {"day": 1, "week": 7, "month": 30.4, "quarter": 91.3, "year": 365.25, "decade": 3652.5}


def choose_level(px_per_day: float, text_width: Callable[[str], float]) -> tuple[str, int, str]:
    """The finest (lower unit, stride, upper unit) whose cells fit their labels."""
    sample = {"day": "30", "week": "30", "month": "M", "quarter": "Q4", "year": "’30", "decade": "2030s"}
    for unit, stride, upper in LEVELS:
        cell_px = _NOMINAL_DAYS[unit] * stride * px_per_day
        if cell_px >= text_width(sample[unit]) + LABEL_PAD_PX:
            return unit, stride, upper
    return LEVELS[-1]


def _cells(scale: TimeScale, width: float, unit: str, stride: int,
           text_width: Callable[[str], float], upper: bool) -> Iterator[AxisCell]:
    first, end = scale.visible_range(width)
    day = _floor(first, unit)
    if stride > 1:
        day = date(day.year - day.year % stride, 1, 1)
    while day < end:
        nxt = _step(day, unit, stride)
        x0, x1 = scale.x_of(day), scale.x_of(nxt)
        vis0, vis1 = max(x0, 0.0), min(x1, width)
        options = _upper_labels(day, unit) if upper else _labels(day, unit)
        label = next((t for t in options if text_width(t) + LABEL_PAD_PX <= vis1 - vis0), "")
        lx = vis0 + 4 if upper else x0 + 4
        if label and lx + text_width(label) > vis1:  # a part-visible cell: keep the text inside
            lx = vis1 - text_width(label) - 4
        yield AxisCell(x0, x1, label, lx)
        day = nxt


def axis_header(scale: TimeScale, width: float, text_width: Callable[[str], float]) -> AxisHeader:
    """The two-level header for the visible width, labels chosen so none overlap."""
    unit, stride, upper_unit = choose_level(scale.px_per_day, text_width)
    lower = list(_cells(scale, width, unit, stride, text_width, upper=False))
    grid = [c.x0 for c in lower]
    upper = list(_cells(scale, width, upper_unit, 1, text_width, upper=True)) if upper_unit else []
    return AxisHeader(upper, lower, grid, [c.x0 for c in upper], unit, upper_unit)


def estimate_text_width(char_px: float = 7.0) -> Callable[[str], float]:
    """A font-free width estimate for code without a font (tests, the core)."""
    return lambda text: len(text) * char_px
