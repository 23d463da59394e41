"""Durations as people and MS Project write them, in the plan's unit: whole calendar days.

MS Project's English unit words are understood (the list MPXJ reads, and the spellings MS
Project's Schedule options accept): minutes `m min mins minute(s)`, hours `h hr hrs hour(s)`,
days `d dy day(s)`, weeks `w wk wks week(s)`, months `mo mon mons month(s)`, years `y yr yrs
year(s)`, each also with an `e` in front for elapsed time (`ed`, `ew`, `emon`...), and a
trailing `?` for an estimate. How many days a week, a month and a year are depends on the plan's
calendar (`units_for`): on a 7-day calendar (the Continuous one every plan had before calendars)
a week is 7 days, a month 30 (MS Project's elapsed month) and a year 365; on any other calendar
they are working days as MS Project counts them by default (40 hours a week, 20 days a month):
a week is 5 days, a month 20 and a year 52 weeks, 260. Elapsed units are always calendar days.
Hours and minutes are counted as MS Project's working day of 8 hours (24 when elapsed) and round
up to the day they touch; other units must come to whole days, or round up likewise when asked
(`rounded`: the tree's Duration cell, a CSV Duration column). A duration longer than a plan can
hold (300 years) is refused.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .calendar import Calendar
from .errors import PlannerError, quoted

MAX_DURATION_DAYS = 109_575  # 300 years: the span the store allows for a duration or a lag
# A number as typed or as shown (`1,461 d`: digits grouped in threes by commas), then a unit word.
# The runs of spaces and letters are possessive: what follows each can not begin with what it
# takes, so giving some back never finds another reading, and a cell of '5', thousands of spaces
# and '!' is refused at once instead of trying every way of sharing the spaces out (cubic).
_NUMBER_UNIT = re.compile(r"^\s*+(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*+([a-z]*+)\s*+\??\s*+$", re.IGNORECASE)
_DAYS_PER = {  # unit word -> (days per unit when working, days per unit when elapsed)
    ("m", "min", "mins", "minute", "minutes"): (1 / 480, 1 / 1440),
    ("h", "hr", "hrs", "hour", "hours"): (1 / 8, 1 / 24),
    ("", "d", "dy", "day", "days"): (1, 1),
    ("w", "wk", "wks", "week", "weeks"): (7, 7),
    ("mo", "mon", "mons", "month", "months"): (30, 30),
    ("y", "yr", "yrs", "year", "years"): (365, 365),
}
UNITS = {word: working for words, (working, _) in _DAYS_PER.items() for word in words}
UNITS |= {"e" + word: elapsed for words, (_, elapsed) in _DAYS_PER.items() for word in words if word}
_ELAPSED_WORDS = frozenset("e" + word for words in _DAYS_PER for word in words if word)
_ROUNDED_UP = {word for word, days in UNITS.items() if days < 1}
HINT = "write 5d, 5 days, 2w, 3mo, 1y or 7ed (calendar days)"
# Working (not elapsed) units whose length in days depends on the calendar.
_SCALED = {word: "week" for word in ("w", "wk", "wks", "week", "weeks")} | \
    {word: "month" for word in ("mo", "mon", "mons", "month", "months")} | \
    {word: "year" for word in ("y", "yr", "yrs", "year", "years")}


@dataclass(frozen=True, slots=True)
class DurationUnits:
    """How many days a (working) week, month and year are."""

    week: int
    month: int
    year: int


CALENDAR_DAYS = DurationUnits(7, 30, 365)  # a 7-day calendar: the units as calendar days
WORKING_DAYS = DurationUnits(5, 20, 260)  # MS Project's defaults: 40 hours a week, 20 days a month


def units_for(calendar: Calendar) -> DurationUnits:
    """The units of a plan whose calendar is `calendar`: calendar days if it works every weekday."""
    return CALENDAR_DAYS if all(calendar.weekdays) else WORKING_DAYS


def parse_duration(text: str | int, units: DurationUnits = CALENDAR_DAYS, rounded: bool = False) -> int:
    """Whole days from `5`, `5d`, `5 days`, `2w`, `3 emon`, `16h`, `4d?` (see the module doc).

    `rounded`: a part of a day (`0.5d`, `1.5w` on a 5-day plan) rounds up to the day it touches,
    as hours do, instead of being refused (what the tree's Duration cell does: see the README)."""
    days, unit = exact_days(text, units)
    if unit in _ROUNDED_UP or rounded:
        return math.ceil(round(days, 9))  # 16h is 2 days, not 2.0000000001
    if days != int(days):
        raise PlannerError("duration.invalid", f"{quoted(str(text))} is not a whole number of days")
    return int(days)


def exact_days(text: str | int, units: DurationUnits = CALENDAR_DAYS) -> tuple[float, str]:
    """The days `text` means before any rounding, and its unit word; refused as `parse_duration` refuses."""
    if isinstance(text, int):
        value, unit = float(text), "d"
    else:
        m = _NUMBER_UNIT.match(str(text))
        if not m or m[2].lower() not in UNITS:
            raise PlannerError("duration.invalid", f"{quoted(str(text))} is not a duration; {HINT}")
        value, unit = float(m[1].replace(",", "")), m[2].lower()
    days = value * (getattr(units, _SCALED[unit]) if unit in _SCALED else UNITS[unit])
    if days < 0:
        raise PlannerError("task.negative_duration", f"{quoted(str(text))} is negative; a duration cannot be")
    if days > MAX_DURATION_DAYS:
        raise PlannerError("duration.too_long", f"'{_short(text)}' is longer than a plan can hold "
                           f"({MAX_DURATION_DAYS:,} days, 300 years)")
    return days, unit


def is_elapsed(text: str | int) -> bool:
    """True when `text` is written in an elapsed unit (`5 edays`, `2ew`): calendar days on any calendar."""
    m = _NUMBER_UNIT.match(str(text))
    return m is not None and m[2].lower() in _ELAPSED_WORDS


def format_days(days: int, elapsed: bool = False, signed: bool = False) -> str:
    """A count of days as every view shows it, the one way: the task table, tooltips, dialogs, the
    command line and exported images write `1,234 d`, `5 ed` when elapsed, `+7 d` when `signed` (a
    variance, a lag, a slip), `0 d`. It reads back as typed (`parse_duration` takes `1,234 d`)."""
    sign = "+" if signed and days > 0 else ""
    return f"{sign}{days:,} {'ed' if elapsed else 'd'}"


def written_days(days: int, elapsed: bool = False) -> str:
    """MS Project's own spelling of a duration or lag, for the files it reads (CSV) and the
    Predecessors entry it takes: `1 day`, `5 days`, `5 edays` when elapsed; no digit grouping, whose
    comma would split a list of links."""
    unit = ("eday" if elapsed else "day") + ("" if abs(days) == 1 else "s")
    return f"{days} {unit}"


def _short(text: str | int) -> str:
    text = str(text).strip()
    return text if len(text) <= 40 else text[:37] + "..."
