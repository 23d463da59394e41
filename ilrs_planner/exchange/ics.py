"""iCalendar (.ics) export of milestones (and, on request, missions) as all-day events for calendars.

Each event's UID is derived from the task's stable id, so re-importing an updated export into a
calendar updates the events instead of duplicating them. The description gives the task key, the
precision the date was announced with ("2035" is not 1 January 2035) and the source. Dates are the
scheduled (early) dates; a mission's event spans its whole duration (DTEND is exclusive, like the
plan's finish dates). Classification maps to CLASS: public → PUBLIC, partners → PRIVATE,
restricted → CONFIDENTIAL.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from icalendar import Calendar, Event

from ..domain import Classification, PlannerError, Project, Task, TaskKind, format_fuzzy_date
from ..files.atomic import write_atomically

UID_DOMAIN = "ilrs-planner"
ICS_CLASS = {Classification.PUBLIC: "PUBLIC", Classification.PARTNERS: "PRIVATE",
             Classification.RESTRICTED: "CONFIDENTIAL"}


def _description(task: Task, start) -> str:
    lines = [f"Key: {task.key}", f"Date: {format_fuzzy_date(start, task.precision)} (precision: {task.precision.value})"]
    if task.source_url:
        lines.append(f"Source: {task.source_url}")
    if task.notes:
        lines.append(task.notes)
    return "\n".join(lines)


def _event(task: Task, start, finish, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{task.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", task.name)
    event.add("dtstart", start)
    event.add("dtend", max(finish, start + timedelta(days=1)))  # an all-day event lasts at least its day
    event.add("description", _description(task, start))
    event.add("class", ICS_CLASS[task.classification])
    if task.source_url:
        event.add("url", task.source_url)
    event.add("categories", [task.kind.value])
    return event


def build_calendar(project: Project, *, missions: bool = False) -> Calendar:
    """The calendar: one all-day event per milestone (and per mission when `missions`)."""
    from ..engine.cpm import schedule

    dates = schedule(project).tasks
    summaries = project.summary_ids()
    calendar = Calendar()
    calendar.add("prodid", "-//ILRS Planner//Milestones//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", project.name)
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for task, _ in project.walk():
        wanted = task.is_milestone or (missions and task.kind == TaskKind.MISSION)
        if wanted and task.id not in summaries and task.id in dates:
            calendar.add_component(_event(task, dates[task.id].early_start, dates[task.id].early_finish, stamp))
    return calendar


def write(project: Project, path: str | Path, *, missions: bool = False, **_opts) -> list[str]:
    """Write the milestones calendar to `path`; returns warnings (none so far)."""
    data = build_calendar(project, missions=missions).to_ical()
    target = Path(path)
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write '{target}': {exc.strerror}", [str(target)]) from None
    return []
