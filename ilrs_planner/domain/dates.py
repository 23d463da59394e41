"""Dates as people write them ('2029', '2029-06', 'Q3 2029', '2029-06-15', '15 Jun 2029'; see
written_dates), keeping their precision."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .enums import Precision
from .errors import PlannerError, quoted
from .written_dates import written_date

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
# Possessive runs of spaces: with `\s*[- /]?\s*` a long run was split every way before failing ("Q1",
# 100,000 spaces, "x" took minutes); a space separator is the run itself.
_QUARTER = re.compile(r"^(?:Q([1-4])\s*+(?:[-/]\s*+)?(\d{4})|(\d{4})\s*+(?:[-/]\s*+)?Q([1-4]))$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

MIN_YEAR, MAX_YEAR = 1900, 2200  # a plan's dates lie well within; others are typos or hostile


def _checked(year: int, month: int = 1, day: int = 1, text: str = "") -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PlannerError("date.invalid", f"{quoted(text)}: year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise PlannerError("date.invalid", f"{quoted(text)} is not a real date ({exc})") from None


def parse_fuzzy_date(text: str, end: bool = False) -> tuple[date, Precision]:
    """Parse a typed date. `end=True` gives the last day of a year/quarter/month ('by 2035')."""
    raw = (text or "").strip()
    if m := _DAY.match(raw):
        return _checked(int(m[1]), int(m[2]), int(m[3]), raw), Precision.DAY
    if m := _MONTH.match(raw):
        first = _checked(int(m[1]), int(m[2]), 1, raw)
        return (period_end(first, Precision.MONTH) if end else first), Precision.MONTH
    if m := _QUARTER.match(raw):
        quarter, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        first = _checked(year, 3 * quarter - 2, 1, raw)
        return (period_end(first, Precision.QUARTER) if end else first), Precision.QUARTER
    if m := _YEAR.match(raw):
        first = _checked(int(m[1]), 1, 1, raw)
        return (period_end(first, Precision.YEAR) if end else first), Precision.YEAR
    if written := written_date(raw):  # 'June 2029', '15 Jun 2029', '15.06.2029', '2029/06/15'
        year, month, day = written
        if day is None:
            first = _checked(year, month, 1, raw)
            return (period_end(first, Precision.MONTH) if end else first), Precision.MONTH
        return _checked(year, month, day, raw), Precision.DAY
    raise PlannerError(
        "date.invalid",
        f"{quoted(raw)} is not a date; write 2029, 2029-06, Q3 2029, 2029-06-15 or 15 Jun 2029",
    )


def parse_iso_date(text: str) -> date:
    """A strict YYYY-MM-DD date (files, CLI options), with a clear error for 31 February."""
    raw = (text or "").strip()
    if m := _DAY.match(raw):
        return _checked(int(m[1]), int(m[2]), int(m[3]), raw)
    raise PlannerError("date.invalid", f"{quoted(raw)} is not a date in the form YYYY-MM-DD")


def period_start(day: date, precision: Precision) -> date:
    """First day of the year/quarter/month containing `day` (the day itself for DAY)."""
    if precision is Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision is Precision.QUARTER:
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    if precision is Precision.MONTH:
        return day.replace(day=1)
    return day


_PERIOD_MONTHS = {Precision.YEAR: 12, Precision.QUARTER: 3, Precision.MONTH: 1}


def period_end(day: date, precision: Precision) -> date:
    """Last day of the year/quarter/month containing `day` (the day itself for DAY): the day before
    the next period's first, counted in months (a relativedelta per call made the slip colours of a
    large plan announced to years wait on this)."""
    months = _PERIOD_MONTHS.get(precision)
    if months is None:
        return day
    start = period_start(day, precision)
    after = start.year * 12 + start.month - 1 + months  # the month after the period, counted from year 0
    return date(after // 12, after % 12 + 1, 1) - timedelta(days=1)


def deadline_finish(deadline: date, milestone: bool) -> date:
    """The exclusive finish a deadline allows: finished by the end of its day (MS Project's meaning).

    A deadline is the last day by whose end the task must be finished, so a task may finish (exclusive)
    on the day after; a milestone's finish is its own day, so it may fall on the deadline itself.
    """
    return deadline if milestone else deadline + timedelta(days=1)


def deadline_from_finish(finish: date, milestone: bool) -> date:
    """The deadline (last day allowed) for an exclusive latest finish: the inverse of deadline_finish."""
    return finish if milestone else finish - timedelta(days=1)


def shown_finish(start: date, finish: date, at_day_end: bool = False) -> date:
    """The finish a person reads: the last day of work of `[start, finish)`; a milestone's own day.

    A milestone at the end of a working day (`at_day_end`) is the point after that day and is
    shown on the day itself, as MS Project shows a milestone at Friday 17:00 on Friday.
    """
    return finish - timedelta(days=1) if finish > start or at_day_end else finish


def shown_start(start: date, finish: date, at_day_end: bool = False) -> date:
    """The start a person reads: a task's first day; a milestone's own day (see shown_finish)."""
    return start - timedelta(days=1) if at_day_end and finish == start else start


def format_fuzzy_date(day: date | None, precision: Precision = Precision.DAY) -> str:
    """Show a date at the precision it was announced: '2035', 'Q3 2029', '2029-06', '2029-06-15'."""
    if day is None:
        return ""
    if precision is Precision.YEAR:
        return f"{day.year}"
    if precision is Precision.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if precision is Precision.MONTH:
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


_COARSEST_FIRST = (Precision.YEAR, Precision.QUARTER, Precision.MONTH, Precision.DAY)


def edge_text(day: date, precision: Precision, end: bool = False) -> str:
    """A date that bounds a period (a constraint's) as it reads back to the same day, no more precisely
    than `precision`: 1 July 2029 at a year's precision is 'Q3 2029', since '2029' would read as
    1 January (`end`: as the period's last day: 30 September 2029 is 'Q3 2029')."""
    return format_fuzzy_date(day, edge_precision(day, precision, end))


def edge_precision(day: date, precision: Precision, end: bool = False) -> Precision:
    """The coarsest precision, no coarser than `precision`, whose period `day` begins (`end`: ends)."""
    edge = period_end if end else period_start
    finer = _COARSEST_FIRST[_COARSEST_FIRST.index(precision):]
    return next(p for p in finer if edge(day, p) == day)
