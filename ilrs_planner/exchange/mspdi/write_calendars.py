"""Writing MSPDI calendars: the plan's default as the project calendar (UID 1), then the others.

A plan without calendars gets the "ILRS 7-day" calendar (every day worked), which the reader
knows as ours and turns back into "no calendar". Every working day is 08:00-12:00 and 13:00-17:00
(MinutesPerDay 480), so N working days are `PT{8N}H`. Exceptions are written twice: as dated
WeekDays (DayType 0, what MS Project 2003 reads) and as named <Exceptions> (Project 2007 and later).
A calendar's id travels in its GUID, so a plan read back keeps its calendar ids.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

from ...domain import Calendar, CalendarException, Project, continuous_calendar
from .helpers import OURS_CONTINUOUS, add
from .xml_out import XmlOut

_DAY_TYPE = (2, 3, 4, 5, 6, 7, 1)  # MS Project's DayType of Monday .. Sunday
_HOURS = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))


def write_calendars(out: XmlOut, project: Project) -> dict[str | None, int]:
    """The <Calendars> element, written as it goes; returns calendar id (None: the plan default) -> UID."""
    default = project.default_calendar() if project.default_calendar_id else continuous_calendar()
    if project.default_calendar_id is None:
        default.name = OURS_CONTINUOUS
    ordered = [default] + [c for c in project.calendars.values() if c.id != project.default_calendar_id]
    uids: dict[str | None, int] = {None: 1}
    with out.within("Calendars"):
        for uid, calendar in enumerate(ordered, start=1):
            _calendar(out, calendar, uid, with_guid=calendar is not default or project.default_calendar_id)
            uids[calendar.id] = uid
    return uids


def _calendar(out: XmlOut, calendar: Calendar, uid: int, with_guid) -> None:
    """One calendar; its exceptions (a partner's calendar may hold a million) one element at a time."""
    with out.within("Calendar"):
        identity = ET.Element("Calendar")  # a holder: its children are written, not it
        add(identity, "UID", uid)
        if with_guid and re.fullmatch(r"[0-9a-f]{32}", calendar.id):
            add(identity, "GUID", str(uuid.UUID(calendar.id)))
        add(identity, "Name", calendar.name[:512])
        add(identity, "IsBaseCalendar", 1)
        add(identity, "BaseCalendarUID", -1)
        out.children(identity)
        with out.within("WeekDays"):
            for worked, day_type in sorted(zip(calendar.weekdays, _DAY_TYPE), key=lambda pair: pair[1]):
                out.element(_weekday(day_type, worked))
            for exception in calendar.exceptions:
                out.element(_dated_day(exception))
        if calendar.exceptions:
            with out.within("Exceptions"):
                for exception in calendar.exceptions:
                    out.element(_named_exception(exception))


def _weekday(day_type: int, worked: bool) -> ET.Element:
    day = ET.Element("WeekDay")
    add(day, "DayType", day_type)
    add(day, "DayWorking", worked)
    if worked:
        _hours(day)
    return day


def _dated_day(exception: CalendarException) -> ET.Element:
    """An exception as MS Project 2003 reads it: a WeekDay of DayType 0 over its dates."""
    day = ET.Element("WeekDay")
    add(day, "DayType", 0)
    add(day, "DayWorking", exception.working)
    _period(day, exception)
    if exception.working:
        _hours(day)
    return day


def _named_exception(exception: CalendarException) -> ET.Element:
    item = ET.Element("Exception")
    add(item, "EnteredByOccurrences", 0)
    _period(item, exception)
    add(item, "Occurrences", 1)
    add(item, "Name", exception.name[:512])
    add(item, "Type", 1)  # daily, every day of the period
    add(item, "DayWorking", exception.working)
    if exception.working:
        _hours(item)
    return item


def _period(parent: ET.Element, exception: CalendarException) -> None:
    period = add(parent, "TimePeriod", None)
    add(period, "FromDate", f"{exception.start.isoformat()}T00:00:00")
    add(period, "ToDate", f"{exception.finish.isoformat()}T23:59:00")


def _hours(day: ET.Element) -> None:
    times = add(day, "WorkingTimes", None)
    for start, finish in _HOURS:
        period = add(times, "WorkingTime", None)
        add(period, "FromTime", start)
        add(period, "ToTime", finish)
