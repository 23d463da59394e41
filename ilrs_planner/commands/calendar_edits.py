"""The calendar editor's work as one undo step: the edited calendars compared with the plan's.

The editor changes copies; on OK, `calendar_edits` turns the difference into calendar commands
applied all or nothing, so one Undo restores every calendar as it was before the editor opened.
"""

from __future__ import annotations

from datetime import date

from ..domain import Calendar, CalendarException, Project
from .base import Command
from .calendars import (
    AddCalendar,
    DeleteCalendar,
    RenameCalendar,
    SetCalendarExceptions,
    SetCalendarWeekdays,
    SetDefaultCalendar,
)
from .composite import AllOrNothing


def _shown(exceptions: list[CalendarException]) -> list[tuple[str, date, date, bool]]:
    """Exceptions as the editor shows them (names trimmed), to compare what a person could change."""
    return [(e.name.strip(), e.start, e.finish, e.working) for e in exceptions]


def _changes_to(old: Calendar, new: Calendar) -> list[Command]:
    """The edits that turn calendar `old` into `new` (same id); a name that differs only by
    surrounding spaces (as an imported file may have it) is no change, so OK alone adds no step."""
    parts: list[Command] = []
    if new.name.strip() != old.name.strip():
        parts.append(RenameCalendar(old.id, new.name))
    if tuple(new.weekdays) != tuple(old.weekdays):
        parts.append(SetCalendarWeekdays(old.id, new.weekdays))
    if _shown(new.exceptions) != _shown(old.exceptions):
        parts.append(SetCalendarExceptions(old.id, new.exceptions))
    return parts


def calendar_edits(project: Project, calendars: dict[str, Calendar], default_id: str | None) -> Command | None:
    """One command making the plan's calendars `calendars` with default `default_id` (None: no change)."""
    added = [AddCalendar(c) for cid, c in calendars.items() if cid not in project.calendars]
    edited = [part for cid, c in calendars.items() if cid in project.calendars
              for part in _changes_to(project.calendars[cid], c)]
    removed = [DeleteCalendar(cid) for cid in project.calendars if cid not in calendars]
    # A new default comes before deletions, so the old default can go in the same step.
    default = [SetDefaultCalendar(default_id)] if default_id != project.default_calendar_id else []
    parts = added + edited + default + removed
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return AllOrNothing("Edit calendars", parts)
