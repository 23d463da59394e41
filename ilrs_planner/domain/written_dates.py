"""Dates written as people write them besides ISO: 'June 2029', '15 Jun 2029', 'Jun 15, 2029',
'2029/06/15', '15.06.2029', and '15/06/2029' or '06/15/2029' where only one reading is a date.

Slashes are read day first or month first by whichever makes a date: 25/12/2029 and 12/25/2029
are both Christmas. When both readings are dates (03/04/2029) the text is refused with both
named, rather than guessed: a planner in London and one in Houston mean different months.
"""

from __future__ import annotations

import re

from .errors import PlannerError

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_WORD = r"([A-Za-z]{3,9})\.?"
_MONTH_YEAR = re.compile(rf"^{_WORD}\s+(\d{{4}})$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_WORD},?\s+(\d{{4}})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"^{_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$")
_DAY_DOT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHES = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its first three letters ('Sept' too), any case; else None."""
    word = word.lower()
    for number, name in enumerate(_MONTH_NAMES, start=1):
        if name == word or (len(word) >= 3 and name.startswith(word)):
            return number
    return None


def written_date(raw: str) -> tuple[int, int, int | None] | None:
    """(year, month, day) of a date written in one of the forms above, day None for a month
    ('June 2029'); None when `raw` is in none of them. Refuses a slashed date with two readings."""
    if m := _MONTH_YEAR.match(raw):
        month = month_number(m[1])
        return (int(m[2]), month, None) if month else None
    if m := _DAY_MONTH_YEAR.match(raw):
        month = month_number(m[2])
        return (int(m[3]), month, int(m[1])) if month else None
    if m := _MONTH_DAY_YEAR.match(raw):
        month = month_number(m[1])
        return (int(m[3]), month, int(m[2])) if month else None
    if m := _YEAR_FIRST.match(raw):
        return int(m[1]), int(m[3]), int(m[4])
    if m := _DAY_DOT.match(raw):
        return int(m[3]), int(m[2]), int(m[1])
    if m := _SLASHES.match(raw):
        return _slashed(raw, int(m[1]), int(m[2]), int(m[3]))
    return None


def _slashed(raw: str, first: int, second: int, year: int) -> tuple[int, int, int]:
    day_first, month_first = first > 12 >= second, second > 12 >= first
    if day_first:
        return year, second, first
    if month_first or first == second:
        return year, first, second
    readings = [_named(year, second, first), _named(year, first, second)]
    raise PlannerError("date.invalid", f"'{raw}' could be {readings[0]} or {readings[1]}; write "
                       f"{year:04d}-{second:02d}-{first:02d} or {year:04d}-{first:02d}-{second:02d}")


def _named(year: int, month: int, day: int) -> str:
    """'3 April 2029' (both numbers are at most 12 here, so either reading is a real day)."""
    return f"{day} {_MONTH_NAMES[month - 1].title()} {year}"
