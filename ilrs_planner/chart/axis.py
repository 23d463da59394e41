"""Time-axis ticks that read well from the whole programme (decades) down to weeks.

The header has two levels, e.g. years over quarters. The lower level is the finest unit whose
cells are wide enough for their labels; the upper level is the next coarser unit. Labels of the
upper level stay inside the visible part of their cell so they never run off the chart. Zoomed
in to days, the lower level names each day ("Mon 30") under its week; every cell of the lower level
is labelled the same way ("Mon 30" for all, else "M 30" or "30" for all when some day's name does
not fit, none when not even the day's number fits every cell).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.calendar import WEEKDAY_NAMES
from .scale import TimeScale

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
        name = WEEKDAY_NAMES[day.weekday()]  # "Mon 30", else MS Project's weekday letter ("M 30"), else "30"
        return (f"{name} {day.day}", f"{name[0]} {day.day}", f"{day.day}")
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
    bounds = _bounds(scale, width, unit, stride)
    form = None if upper else _common_form(bounds, unit, scale, text_width)
    for day, nxt in bounds:
        x0, x1 = scale.x_of(day), scale.x_of(nxt)
        vis0, vis1 = max(x0, 0.0), min(x1, width)
        if upper:  # the context row: each cell's longest label that fits its visible part
            options = _upper_labels(day, unit)
            label = next((t for t in options if text_width(t) + LABEL_PAD_PX <= vis1 - vis0), "")
        else:  # every cell alike; one cut by the chart's edge only if its label fits what shows of it
            label = _labels(day, unit)[form] if form is not None else ""
            label = label if text_width(label) + LABEL_PAD_PX <= vis1 - vis0 else ""
        lx = vis0 + 4 if upper else x0 + 4
        if label and lx + text_width(label) > vis1:  # a part-visible cell: keep the text inside
            lx = vis1 - text_width(label) - 4
        yield AxisCell(x0, x1, label, lx)


def _bounds(scale: TimeScale, width: float, unit: str, stride: int) -> list[tuple[date, date]]:
    """The visible cells of `unit` (every `stride` of them), each as its first day and the next cell's."""
    first, end = scale.visible_range(width)
    day = _floor(first, unit)
    if stride > 1:
        day = date(day.year - day.year % stride, 1, 1)
    found = []
    while day < end:
        found.append((day, _step(day, unit, stride)))
        day = found[-1][1]
    return found


def _common_form(bounds: list[tuple[date, date]], unit: str, scale: TimeScale,
                 text_width: Callable[[str], float]) -> int | None:
    """The longest form of label ("Mon 30", "M 30", else "30") that every cell of the row fits, so that every
    day reads alike (each cell took its own: "Tue 24" beside "25", whose "Wed 25" was wider); None
    when not even the shortest fits them all."""
    forms = len(_labels(bounds[0][0], unit)) if bounds else 0
    for form in range(forms):
        if all(text_width(_labels(day, unit)[form]) + LABEL_PAD_PX <= scale.x_of(nxt) - scale.x_of(day)
               for day, nxt in bounds):
            return form
    return None


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
