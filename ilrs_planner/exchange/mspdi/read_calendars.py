"""Reading MSPDI calendars: working weekdays, dated exceptions with their names, base calendars.

MS Project numbers weekdays 1 (Sunday) to 7 (Saturday); a WeekDay of DayType 0 is a dated
exception, which MS Project writes for every occurrence of a recurring exception too, so reading
those gives the expanded dates. The <Exceptions> list (Project 2007 and later) gives the names.
A derived calendar lists only the weekdays it changes; the rest come from its base calendar.
Working hours are not carried: a day with any working time is a working day.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import date

from ...domain import Calendar, CalendarException, new_id
from .values import Reader

MAX_EXCEPTIONS = 100_000
_MONDAY_FIRST = (2, 3, 4, 5, 6, 7, 1)  # our weekday order (Monday first) as MS Project's DayType
_STANDARD = (True,) * 5 + (False, False)


def read_calendars(root: ET.Element, reader: Reader) -> dict[str, Calendar]:
    """Calendar UID -> Calendar, for every calendar of the file (base calendars resolved)."""
    elements = {reader.text(c, "UID", "a calendar"): c for c in root.iterfind("Calendars/Calendar")}
    found: dict[str, Calendar] = {}
    for uid in elements:
        _resolve(uid, elements, found, reader, set())
    return found


def _resolve(uid: str, elements: dict, found: dict, reader: Reader, visiting: set) -> Calendar | None:
    if uid in found or uid not in elements or uid in visiting:
        return found.get(uid)
    visiting.add(uid)
    element = elements[uid]
    base = _resolve(reader.text(element, "BaseCalendarUID", f"calendar UID {uid}"), elements, found, reader, visiting)
    name = reader.text(element, "Name", f"calendar UID {uid}") or f"Calendar {uid}"
    weekdays = list(base.weekdays if base else _STANDARD)
    for day in element.iterfind("WeekDays/WeekDay"):
        kind = reader.integer(day, "DayType", -1, f"calendar '{name}'")
        if kind in _MONDAY_FIRST:
            weekdays[_MONDAY_FIRST.index(kind)] = reader.flag(day, "DayWorking")
    exceptions = list(base.exceptions if base else []) + _exceptions(element, reader, name)
    if element.find("WorkWeeks/WorkWeek") is not None:
        reader.warnings.append(f"calendar '{name}': alternative work weeks cannot be carried; its default week "
                               "is used all year")
    guid = reader.text(element, "GUID", f"calendar '{name}'")
    found[uid] = Calendar(name[:1000], tuple(weekdays), exceptions, id=_id_of(guid))
    return found[uid]


def _id_of(guid: str) -> str:
    """The calendar's id from its GUID (how our export keeps ids), or a fresh one."""
    try:
        return uuid.UUID(guid).hex
    except ValueError:
        return new_id()


def _exceptions(element: ET.Element, reader: Reader, name: str) -> list[CalendarException]:
    """Dated exceptions: the DayType-0 weekdays (every occurrence), named from <Exceptions>."""
    names = [(r[0], r[1], r[2]) for e in element.iterfind("Exceptions/Exception") if (r := _named(e, reader, name))]
    result = []
    for day in element.iterfind("WeekDays/WeekDay"):
        if reader.integer(day, "DayType", -1, f"calendar '{name}'") != 0:
            continue
        span = _period(day, reader, name)
        if span is not None:
            label = next((n for a, b, n in names if a <= span[0] and span[1] <= b), "Exception")
            result.append(CalendarException(label, span[0], span[1], reader.flag(day, "DayWorking")))
    if not result:  # a file that lists only <Exceptions>: take the ones that are a single range
        result = [CalendarException(n, a, b, _working(e, reader)) for e in element.iterfind("Exceptions/Exception")
                  if (r := _named(e, reader, name)) and _single(e, reader, name) for a, b, n in [r]]
    if len(result) > MAX_EXCEPTIONS:
        reader.warnings.append(f"calendar '{name}': more than {MAX_EXCEPTIONS:,} exceptions; the rest were left out")
    return result[:MAX_EXCEPTIONS]


def _period(element: ET.Element, reader: Reader, name: str) -> tuple[date, date] | None:
    where = f"calendar '{name}'"
    start = reader.moment(element, "TimePeriod/FromDate", where)
    finish = reader.moment(element, "TimePeriod/ToDate", where)
    if start is None or finish is None or finish < start:
        return None
    return start.date(), finish.date()


def _named(element: ET.Element, reader: Reader, name: str) -> tuple[date, date, str] | None:
    span = _period(element, reader, name)
    label = None if span is None else reader.text(element, "Name", f"calendar '{name}'") or "Exception"
    return None if span is None or label is None else (span[0], span[1], label)


def _single(element: ET.Element, reader: Reader, name: str) -> bool:
    return (reader.integer(element, "Occurrences", 1, f"calendar '{name}'") or 1) <= 1


def _working(element: ET.Element, reader: Reader) -> bool:
    return reader.flag(element, "DayWorking")
