"""iCalendar (.ics) export of milestones (and, on request, missions) as all-day events for calendars.

Each event's UID is derived from the task's stable id, so re-importing an updated export into a
calendar updates the events instead of duplicating them. The description gives the task key, the
precision the date was announced with ("2035" is not 1 January 2035) and the source. Dates are the
scheduled (early) dates; a mission's event spans its whole duration (DTEND is exclusive, like the
plan's finish dates), and a milestone known only to a year, quarter or month spans that period.
Classification maps to CLASS: public → PUBLIC, partners → PRIVATE, restricted → CONFIDENTIAL.

Text from the plan is cleaned before icalendar sees it: a line break inside a name or id could
otherwise start a new property (`X-EVIL:…`), and icalendar refuses CR/LF in a URL with a traceback.
Names and ids become one line; notes keep their lines as iCalendar's escaped `\n`; other control
characters are dropped; a source URL that is not a single clean token is left out of URL (its
text stays in the description) with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vText

from ..domain import Classification, PlannerError, Precision, Project, Task, TaskKind, format_fuzzy_date
from ..domain.dates import period_end, period_start
from ..files.atomic import atomic_output

UID_DOMAIN = "ilrs-planner"
ICS_CLASS = {Classification.PUBLIC: "PUBLIC", Classification.PARTNERS: "PRIVATE",
             Classification.RESTRICTED: "CONFIDENTIAL"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_UNSAFE_URL = re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029]")


def ics_text(value: str) -> str:
    """Text with CR, CRLF and line separators as newlines (iCalendar escapes them) and no other control."""
    lines = re.sub("\r\n?|[\u2028\u2029]", "\n", value)
    return _CONTROL.sub("", lines)


def ics_line(value: str) -> str:
    """Text for a one-line property (calendar name, summary, UID): line breaks become spaces."""
    return " ".join(ics_text(value).split("\n")).strip()


def _description(task: Task, start) -> str:
    lines = [f"Key: {ics_line(task.key)}",
             f"Date: {format_fuzzy_date(start, task.precision)} (precision: {task.precision.value})"]
    if task.manual:  # its date is the planner's: its predecessors do not move it
        lines.append("Manually scheduled")
    if task.source_url:
        lines.append(f"Source: {ics_line(task.source_url)}")
    if task.notes:
        lines.append(ics_text(task.notes))
    return "\n".join(lines)


def _event(task: Task, start, finish, stamp: datetime, warnings: list[str]) -> Event:
    event = Event()
    event.add("uid", f"{ics_line(task.id)}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", ics_line(task.name))
    event.add("dtstart", start)
    event.add("dtend", max(finish, start + timedelta(days=1)))  # an all-day event lasts at least its day
    event.add("description", _description(task, start))
    event.add("class", ICS_CLASS[task.classification])
    if task.source_url and _UNSAFE_URL.search(task.source_url.strip()):
        warnings.append(f"task {ics_line(task.key)}: its source URL holds spaces, line breaks or control "
                        "characters, so it is given in the description only")
    elif task.source_url:
        event.add("url", task.source_url.strip())
    event.add("categories", [task.kind.value])
    return event


def _calendar(project: Project) -> Calendar:
    """The calendar's own properties (its events are written one by one after them)."""
    calendar = Calendar()
    calendar.add("prodid", "-//ILRS Planner//Milestones//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", vText(ics_line(project.name)))
    return calendar


def _events(project: Project, missions: bool, warnings: list[str]) -> Iterator[Event]:
    """One all-day event per milestone (and per mission when `missions`), in WBS order."""
    from ..engine.cpm import schedule

    dates = schedule(project).tasks
    summaries = project.summary_ids()
    stamp = datetime.now(UTC).replace(microsecond=0)
    for task, _ in project.walk():
        wanted = task.is_milestone or (missions and task.kind == TaskKind.MISSION)
        if wanted and task.id not in summaries and task.id in dates:
            shown = dates[task.id]  # a milestone on the day MS Project shows it (Friday 17:00: Friday)
            if task.is_milestone and task.precision is not Precision.DAY:
                yield _period_event(task, shown.shown_start, stamp, warnings)
            else:
                yield _event(task, shown.shown_start, shown.shown_finish + timedelta(days=1), stamp, warnings)


def _period_event(task: Task, day, stamp: datetime, warnings: list[str]) -> Event:
    """A milestone known to a year, quarter or month: an event over that period, its summary saying
    which ('… (2030)'). Pinned to the day the schedule happens to give it, a partner's calendar showed
    a crewed landing on 28 December 2030, a date no source states."""
    event = _event(task, period_start(day, task.precision), period_end(day, task.precision) + timedelta(days=1),
                   stamp, warnings)
    event["summary"] = vText(f"{ics_line(task.name)} ({format_fuzzy_date(day, task.precision)})")
    return event


def ical_chunks(project: Project, *, missions: bool = False, warnings: list[str] | None = None) -> Iterator[bytes]:
    """The .ics file's bytes, a piece at a time: the calendar's head, each event as it is made, its end.

    The same bytes as the whole calendar's `to_ical()` (icalendar writes a component as its
    properties, then each subcomponent's lines, then its END line), without holding every event:
    a plan of 100,000 tasks has thousands of milestones. What could not be carried over is
    appended to `warnings`."""
    warnings = [] if warnings is None else warnings
    empty = _calendar(project).to_ical()
    end = b"END:VCALENDAR\r\n"
    yield empty[:-len(end)]
    for event in _events(project, missions, warnings):
        yield event.to_ical()
    yield end


def write(project: Project, path: str | Path, *, missions: bool = False, **_opts) -> list[str]:
    """Write the milestones calendar to `path`; returns warnings (what could not be carried over)."""
    warnings: list[str] = []
    target = Path(path)
    try:
        with atomic_output(target) as stream:
            for chunk in ical_chunks(project, missions=missions, warnings=warnings):
                stream.write(chunk)
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write '{target}': {exc.strerror}", [str(target)]) from None
    return warnings
