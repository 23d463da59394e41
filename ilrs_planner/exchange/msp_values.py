"""Cell values of MS Project task tables: dates, durations, constraint words, percentages, enums.

Dates accepted (a day is a calendar day; any time of day is ignored):
  ISO `2029-06-15` (also with `T08:00` or ` 08:00`), the fuzzy forms `2029`, `2029-06`, `Q3 2029`,
  and MS Project's US style `6/15/2029`, `6/15/29`, `Mon 6/15/29`, `6/15/2029 8:00 AM`
  (month/day/year; two-digit years are 20yy). Day/month/year (`15/06/2029`) is refused rather
  than guessed, because `06/07/2029` would be read differently in different countries.
`NA` (MS Project's "no date") and an empty cell mean no value.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import cache
from typing import TypeVar

from ..domain import (
    Classification,
    ConstraintType,
    PlannerError,
    Precision,
    parse_duration,
    parse_fuzzy_date,
    parse_iso_date,
)
from ..domain.durations import CALENDAR_DAYS, DurationUnits
from ..domain.spreadsheet_text import runnable_start

NO_VALUE = {"", "na", "n/a"}

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?)?"
_ISO_WITH_TIME = re.compile(rf"^(\d{{4}}-\d{{1,2}}-\d{{1,2}}){_TIME}$")
_US_DATE = re.compile(rf"^(?:([A-Za-z]{{2,9}})\.?,?\s+)?(\d{{1,2}})/(\d{{1,2}})/(\d{{2}}|\d{{4}}){_TIME}$")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# MS Project's words for constraints, and our short codes.
CONSTRAINT_WORDS = {
    "as soon as possible": ConstraintType.ASAP,
    "as late as possible": ConstraintType.ALAP,
    "start no earlier than": ConstraintType.SNET,
    "start no later than": ConstraintType.SNLT,
    "finish no earlier than": ConstraintType.FNET,
    "finish no later than": ConstraintType.FNLT,
    "must start on": ConstraintType.MSO,
    "must finish on": ConstraintType.MFO,
}
CONSTRAINT_NAMES = {code: words.title() for words, code in CONSTRAINT_WORDS.items()}
FINISH_CONSTRAINTS = {ConstraintType.FNET, ConstraintType.FNLT, ConstraintType.MFO}

E = TypeVar("E", bound=StrEnum)


def is_blank(text: str) -> bool:
    """True for an empty cell or MS Project's `NA`."""
    return text.strip().lower() in NO_VALUE


def parse_date_cell(text: str, *, end: bool = False, notes: list[str] | None = None) -> tuple[date, Precision] | None:
    """A date as people or MS Project write it, with its precision; None for an empty/NA cell."""
    raw = text.strip()
    if raw.lower() in NO_VALUE:
        return None
    if m := _ISO_WITH_TIME.match(raw):
        return parse_iso_date(m[1]), Precision.DAY
    if m := _US_DATE.match(raw):
        return _us_date(raw, m, notes), Precision.DAY
    return parse_fuzzy_date(raw, end=end)


def _us_date(raw: str, m: re.Match, notes: list[str] | None) -> date:
    month, day, year = int(m[2]), int(m[3]), int(m[4])
    if month > 12:
        raise PlannerError("date.invalid", f"'{raw}' is not month/day/year; write {year:04d}-{day:02d}-{month:02d}"
                           if year > 99 else f"'{raw}' is not month/day/year; write YYYY-MM-DD")
    year = 2000 + year if year < 100 else year
    try:
        value = parse_iso_date(f"{year:04d}-{month:02d}-{day:02d}")
    except PlannerError as err:
        raise PlannerError("date.invalid", f"'{raw}' is not a real date ({err.message})") from None
    weekday = (m[1] or "").lower()[:3]
    if weekday and notes is not None and _WEEKDAYS[value.weekday()] != weekday:
        # MS Project writes the right weekday; a mismatch hints at a day/month mix-up.
        notes.append(f"'{raw}' was read as {value.isoformat()}, a {value:%A}; check the date order")
    return value


def finish_shift(duration: int, is_summary: bool) -> int:
    """Days from MS Project's inclusive finish (last day of work) to the plan's exclusive finish."""
    return 1 if duration > 0 or is_summary else 0


def format_date(day: date | None) -> str:
    """ISO text for a date cell (unambiguous in every locale); empty for none."""
    return day.isoformat() if day else ""


def parse_duration_cell(text: str, units: DurationUnits = CALENDAR_DAYS) -> int:
    """Whole days from `5d`, `5 days`, `0d`, `5 edays`, `2w`, `3 days?` (a week as long as `units` say);
    a part day (`2.5d`, as MS Project writes one) rounds up to the day it touches."""
    return parse_duration(text.strip(), units, rounded=True)


def parse_constraint(text: str, notes: list[str]) -> ConstraintType | None:
    """MS Project's constraint words or our short codes; None for an empty cell."""
    words = " ".join(text.lower().split())
    if not words:
        return None
    if words in CONSTRAINT_WORDS:
        return CONSTRAINT_WORDS[words]
    for code in ConstraintType:
        if words == code.value.lower():
            return code
    allowed = ", ".join(CONSTRAINT_NAMES.values())
    raise PlannerError("task.bad_value", f"'{text}' is not a constraint; write one of {allowed} (or SNET, FNLT, ...)")


def parse_percent(text: str) -> int:
    """A whole percentage 0..100, with or without the `%` sign."""
    raw = text.strip().rstrip("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise PlannerError("task.bad_value", f"'{text}' is not a percentage; write 0 to 100") from None
    if not 0 <= value <= 100 or value != int(value):
        raise PlannerError("task.bad_value", f"'{text}' is not a whole percentage from 0 to 100")
    return int(value)


def parse_enum(text: str, enum: type[E]) -> E:
    """One value of a closed vocabulary (case-insensitive), or an error listing the choices."""
    member = _enum_words(enum).get(text.strip().lower())
    if member is None:
        raise PlannerError("task.bad_value", f"'{text}' is not one of {', '.join(m.value for m in enum)}")
    return member


@cache
def _enum_words(enum: type[E]) -> dict[str, E]:
    words = {member.value.lower(): member for member in enum}
    # A classification also by the name the window and command line give it ("Everyone").
    words.update({member.label.lower(): member for member in enum if isinstance(member, Classification)})
    return words


# Spreadsheet programs run a cell that starts with these as a formula (see domain/spreadsheet_text).
# A leading apostrophe is the spreadsheet convention for "this is text"; text columns always get
# one (even "-5" as a name), and it is stripped again on import so the round trip is lossless —
# which is why a text that itself starts with an apostrophe gets one too.
def _needs_apostrophe(value: str) -> bool:
    return value.startswith("'") or runnable_start(value)


def escape_text(value: str) -> str:
    """Make a text cell safe to open in a spreadsheet (see `unescape_text`)."""
    return "'" + value if _needs_apostrophe(value) else value


def unescape_text(value: str) -> str:
    """Undo `escape_text`: the apostrophe goes only where `escape_text` would have put it."""
    return value[1:] if value.startswith("'") and _needs_apostrophe(value[1:]) else value
