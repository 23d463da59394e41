"""The grid of the milestone trend chart's axes: years for a plan of years, months or weeks for a
short one, labelled as often as the plot's size leaves room for (no Qt here: dates and positions).

Positions are fractional years (mta_style.years), the unit the plot places points in. A year's or a
month's label sits in the middle of its band, where a forecast known only to that year or month is
drawn ("by 2035", stored 2035-12-31, reads 2035); a week's label sits on its Monday's line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .mta_style import years

WEEKS_UP_TO, MONTHS_UP_TO = 182, 3 * 365  # axis spans (days) labelled in weeks, then in months
LABEL_GAP = {"year": 42.0, "month": 46.0, "week": 52.0}  # least pixels between two labels
STEPS = {"year": (1, 2, 5, 10, 20, 50, 100), "month": (1, 2, 3, 6, 12), "week": (1, 2, 4, 8, 13)}
MIN_LINE_GAP = 8.0  # grid lines closer than this are drawn only where labelled
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Tick:
    """One grid line at `at`; `label` ('' for none) centred at `label_at`."""

    at: float
    label: str = ""
    label_at: float = 0.0


def axis_ticks(low: date, high: date, px_per_year: float) -> list[Tick]:
    """The grid lines from `low` to `high` in the unit the span calls for, every `step`-th labelled."""
    span = (high - low).days
    unit = "week" if span <= WEEKS_UP_TO else "month" if span <= MONTHS_UP_TO else "year"
    lines = {"week": _mondays, "month": _month_starts, "year": _year_starts}[unit](low, high)
    per_unit = px_per_year * {"week": 7 / 365.25, "month": 1 / 12, "year": 1.0}[unit]
    step = next((s for s in STEPS[unit] if s * per_unit >= LABEL_GAP[unit]), STEPS[unit][-1])
    every_line = per_unit >= MIN_LINE_GAP
    out = []
    for index, day in enumerate(lines):
        labelled = _labelled(unit, day, index, step)
        if labelled or every_line:
            text, centre = _label(unit, day) if labelled else ("", 0.0)
            out.append(Tick(years(day), text if centre <= years(high) else "", centre))
    return out


def _labelled(unit: str, day: date, index: int, step: int) -> bool:
    if unit == "year":
        return day.year % step == 0
    if unit == "month":
        return (day.month - 1) % step == 0
    return index % step == 0


def _label(unit: str, day: date) -> tuple[str, float]:
    """The label of the band starting `day` and where it is centred."""
    if unit == "year":
        return str(day.year), day.year + 0.5
    if unit == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        text = str(day.year) if day.month == 1 else MONTHS[day.month - 1]  # the year where it begins
        return text, (years(day) + years(following)) / 2
    return f"{day.day} {MONTHS[day.month - 1]}", years(day)


def _year_starts(low: date, high: date) -> list[date]:
    return [date(year, 1, 1) for year in range(low.year if low == date(low.year, 1, 1) else low.year + 1,
                                                 high.year + 1)]


def _month_starts(low: date, high: date) -> list[date]:
    day, out = date(low.year, low.month, 1), []
    if day < low:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    while day <= high:
        out.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _mondays(low: date, high: date) -> list[date]:
    day = low + timedelta(days=-low.weekday() % 7)
    return [day + timedelta(weeks=n) for n in range((high - day).days // 7 + 1)]
