"""A plain task's own fields from its texts (`plain_task`): each read as the general path reads it
(`task_fields`, `values.Fields`) when it is written as MS Project writes it, else `NotPlain`.

A stamp or a duration already read is found without a call: the reader keeps each text's day or
whole days (`TaskReader.start_days`, `durations`, ...), as the general path keeps the stamps' days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from ...domain import ConstraintType, parse_iso_date
from ...domain.durations import MAX_DURATION_DAYS
from .helpers import FINISH_CONSTRAINTS, deadline_from_stamp, finish_from_stamp, start_from_stamp
from .task_fields import CONSTRAINTS_BY_CODE
from .values import ELAPSED_FORMATS, MAX_KNOWN_DAYS, SHORT_TEXT, known_day

if TYPE_CHECKING:
    from .read_tasks import TaskReader

DIGITS = 15  # an integer of up to this many digits is read exactly (`Fields.integer`)
_FLAGS = {None: False, "0": False, "1": True}  # a flag absent or as MS Project writes it
_DATED = frozenset(kind for kind in ConstraintType if kind.dated)
# The integers a task's formats, constraint codes and percentages are written as, by text: `integer`'s
# value for each, found without its call (three a task).
_SMALL = {str(number): number for number in range(101)}


class NotPlain(Exception):
    """A field not as MS Project writes it, or one the general path would warn about."""


def integer(raw: str | None, default: int) -> int:
    if raw is None:
        return default
    if len(raw) > DIGITS or not raw.isdecimal():
        raise NotPlain
    return int(raw)


def text(raw: str | None) -> str:
    """A text as `Fields.text` gives it (not Notes) when it has nothing to clean nor cut."""
    if raw is None:
        return ""
    if len(raw) > SHORT_TEXT or not raw.isprintable():
        raise NotPlain
    return raw.strip()


def _day(raw: str | None, convert: Callable[[datetime], date], known: dict[str, date]) -> date | None:
    """`Fields.day` for a stamp as MS Project writes it (or none)."""
    if raw is None:
        return None
    day = known_day(raw, convert, known)
    if day is None:  # not as MS Project writes it, or a finish at the end of 2200: the general path warns
        raise NotPlain
    return day


def own_fields(tasks: TaskReader, values: tuple, custom: dict[str, str], uid: str) -> tuple:
    """The task's own fields from its texts in `plain_task._TAGS` order, in `Task`'s order (see
    `plain_task._add`) from its name to its source date, then its key, stored start and stored finish."""
    (_, _, _, _, milestone, name, wbs, duration_format, duration_text, constraint_code, constraint_date,
     actual_start_text, actual_finish_text, deadline, percent, calendar, hyperlink, notes, start, finish) = values
    fmt = _SMALL.get(duration_format)  # None: absent or another text, read by `integer`
    if fmt is None:
        fmt = integer(duration_format, 7)
    elapsed = fmt in ELAPSED_FORMATS
    per_day = 1440 if elapsed else tasks.minutes_per_day
    # A duration already read is found without a call, as a stamp is (`_day`).
    duration = tasks.durations.get((duration_text, per_day))
    if duration is None:
        duration = _duration(duration_text, per_day)
        if len(tasks.durations) < MAX_KNOWN_DAYS:
            tasks.durations[duration_text, per_day] = duration
    code = _SMALL.get(constraint_code)
    # KeyError: a code the general path warns of
    constraint = CONSTRAINTS_BY_CODE[integer(constraint_code, 0) if code is None else code]
    starts, finishes = tasks.start_days, tasks.finish_days
    day = None
    if constraint_date is not None:
        if constraint in FINISH_CONSTRAINTS:
            day = _day(constraint_date, finish_from_stamp, finishes)
        else:
            day = _day(constraint_date, start_from_stamp, starts)
    dated = constraint in _DATED
    if dated and day is None:
        raise NotPlain
    actual_start = actual_finish = None
    if actual_start_text is not None or actual_finish_text is not None:
        actual_start = _day(actual_start_text, start_from_stamp, starts)
        actual_finish = _day(actual_finish_text, finish_from_stamp, finishes)
    if actual_start and actual_finish and actual_finish < actual_start or _FLAGS[milestone] and duration > 0:
        raise NotPlain
    if notes is not None and (len(notes) > SHORT_TEXT or not notes.isprintable()):
        raise NotPlain
    source_date = custom.get("source_date")
    return ((text(name) or "(unnamed)")[:512], duration, constraint, day if dated else None,
            None if deadline is None else _day(deadline, deadline_from_stamp, tasks.deadline_days),
            actual_start, actual_finish, 0 if percent is None else min(_SMALL.get(percent) or integer(percent, 0), 100),
            "" if hyperlink is None else text(hyperlink), notes or "",
            tasks.calendars.get("" if calendar is None else text(calendar)), elapsed,  # a calendar may have UID ""
            parse_iso_date(source_date) if source_date else None,  # a bad one: the general path's
            custom.get("key") or text(wbs) or f"T{uid}",
            # A stamp already read is found without a call (a day is never false)
            starts.get(start) or _day(start, start_from_stamp, starts),
            finishes.get(finish) or _day(finish, finish_from_stamp, finishes))


def _duration(raw: str | None, per_day: int) -> int:
    """Whole days of a whole-hour duration that is a whole number of days within bounds, or none."""
    if not raw:
        return 0
    if raw.startswith("PT") and raw.endswith("H0M0S") and raw[2:-5].isdecimal() and len(raw) < 40:
        days, rest = divmod(60 * int(raw[2:-5]), per_day)
        if not rest and days <= MAX_DURATION_DAYS:
            return days
    raise NotPlain
