"""Calendar edits: add, rename, delete, working weekdays, exceptions, and the plan's default.

A command replaces a calendar's weekdays or exception list with new values instead of changing
them in place, so undo puts back exactly the values that were there.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from ..domain import Calendar, CalendarException, PlannerError, Project
from ..domain.calendar import WEEKDAY_NAMES
from ..domain.text import check_typed_text
from .base import ChangeSet, Command

# A calendar decides which days tasks work, so every edit reschedules.
_CHANGES = ChangeSet(dates=True, plan=True)


def check_text(text: str, subject: str) -> str:
    """`text` when the plan file can hold it as a name, else `text.control_character` / `text.too_long`."""
    check_typed_text("name", text, subject)
    return text


def check_calendar_name(calendars: Iterable[Calendar], name: str, ignore_id: str | None = None) -> str:
    """The trimmed name, or `calendar.bad_name` / `calendar.duplicate` naming the problem."""
    clean = check_text((name or "").strip(), "the calendar")
    if not clean:
        raise PlannerError("calendar.bad_name", "a calendar needs a name")
    for calendar in calendars:
        if calendar.name.casefold() == clean.casefold() and calendar.id != ignore_id:
            raise PlannerError("calendar.duplicate", f"a calendar named '{calendar.name}' already exists",
                               [calendar.id])
    return clean


def check_has_working_day(name: str, weekdays: tuple[bool, ...], exceptions: list[CalendarException]) -> None:
    """Refuse a calendar on which no day is ever worked: no task on it could finish."""
    if not any(weekdays) and not any(e.working for e in exceptions):
        raise PlannerError("calendar.no_working_day", f"calendar '{name}' would have no working day: "
                           f"tick at least one of {', '.join(WEEKDAY_NAMES)}")


def check_calendar_unused(project: Project, calendar: Calendar, default_id: str | None) -> None:
    """Refuse deleting the plan's default calendar or one a task names, naming that task."""
    name, calendar_id = calendar.name, calendar.id
    if calendar_id == default_id:
        raise PlannerError("calendar.in_use", f"calendar '{name}' is the plan's default: choose another "
                           "default before deleting it", [calendar_id])
    users = [task for task in project.tasks.values() if task.calendar_id == calendar_id]
    if users:
        more = f" and {len(users) - 1} more" if len(users) > 1 else ""
        them = "them" if len(users) > 1 else "it"
        raise PlannerError("calendar.in_use", f"calendar '{name}' is used by task {users[0].key} "
                           f"'{users[0].name}'{more}: give {them} another calendar first",
                           [calendar_id, *(task.id for task in users)])


class AddCalendar(Command):
    """Add a calendar (undo removes it)."""

    def __init__(self, calendar: Calendar):
        self.calendar = copy.deepcopy(calendar)
        self.text = f"Add calendar '{calendar.name.strip()}'"

    def apply(self, project: Project) -> ChangeSet:
        if self.calendar.id in project.calendars:
            raise PlannerError("calendar.duplicate", f"calendar id {self.calendar.id} is already in the plan",
                               [self.calendar.id])
        self.calendar.name = check_calendar_name(project.calendars.values(), self.calendar.name)
        for number, exception in enumerate(self.calendar.exceptions, 1):
            check_text(exception.name, f"exception {number}")
        check_has_working_day(self.calendar.name, self.calendar.weekdays, self.calendar.exceptions)
        project.add_calendar(self.calendar)
        return _CHANGES

    def revert(self, project: Project) -> ChangeSet:
        del project.calendars[self.calendar.id]
        return _CHANGES


class DeleteCalendar(Command):
    """Remove a calendar no task uses and that is not the plan's default."""

    def __init__(self, calendar_id: str):
        self.calendar_id = calendar_id
        self.removed: tuple[int, Calendar] | None = None
        self.text = "Delete calendar"

    def apply(self, project: Project) -> ChangeSet:
        check_calendar_unused(project, project.calendar(self.calendar_id), project.default_calendar_id)
        index = list(project.calendars).index(self.calendar_id)
        self.removed = (index, project.calendars.pop(self.calendar_id))
        self.text = f"Delete calendar '{self.removed[1].name}'"
        return _CHANGES

    def revert(self, project: Project) -> ChangeSet:
        assert self.removed is not None, "revert follows apply"
        index, calendar = self.removed
        items = list(project.calendars.items())
        items.insert(index, (calendar.id, calendar))  # back in its place: the list reads as before
        project.calendars.clear()
        project.calendars.update(items)
        return _CHANGES


class _SetCalendarValue(Command):
    """Set one attribute of a calendar to the value `_checked` gives, keeping the old one for undo."""

    attribute = ""

    def __init__(self, calendar_id: str, text: str):
        self.calendar_id, self.text = calendar_id, text
        self._old: object = None

    def apply(self, project: Project) -> ChangeSet:
        calendar = project.calendar(self.calendar_id)
        value = self._checked(project, calendar)
        self._old = getattr(calendar, self.attribute)
        setattr(calendar, self.attribute, value)
        return _CHANGES

    def revert(self, project: Project) -> ChangeSet:
        setattr(project.calendar(self.calendar_id), self.attribute, self._old)
        return _CHANGES

    def _checked(self, project: Project, calendar: Calendar) -> object:
        raise NotImplementedError


class RenameCalendar(_SetCalendarValue):
    """Give a calendar another name; its days do not change."""

    attribute = "name"

    def __init__(self, calendar_id: str, name: str):
        self.name = name
        super().__init__(calendar_id, f"Rename calendar to '{(name or '').strip()}'")

    def _checked(self, project: Project, calendar: Calendar) -> object:
        return check_calendar_name(project.calendars.values(), self.name, ignore_id=calendar.id)


class SetCalendarWeekdays(_SetCalendarValue):
    """Choose which weekdays (Monday first) a calendar works."""

    attribute = "weekdays"

    def __init__(self, calendar_id: str, weekdays: tuple[bool, ...] | list[bool]):
        self.weekdays = tuple(bool(day) for day in weekdays)
        shown = ", ".join(name for name, on in zip(WEEKDAY_NAMES, self.weekdays) if on) or "no day"
        super().__init__(calendar_id, f"Work on {shown}")

    def _checked(self, project: Project, calendar: Calendar) -> object:
        if len(self.weekdays) != 7:
            raise PlannerError("calendar.bad_weekdays", f"calendar '{calendar.name}' lists "
                               f"{len(self.weekdays)} weekdays instead of 7", [calendar.id])
        check_has_working_day(calendar.name, self.weekdays, calendar.exceptions)
        return self.weekdays


class SetCalendarExceptions(_SetCalendarValue):
    """Replace a calendar's exceptions (holidays, closures, worked days) with a new list."""

    attribute = "exceptions"

    def __init__(self, calendar_id: str, exceptions: list[CalendarException]):
        self.exceptions = copy.deepcopy(list(exceptions))
        super().__init__(calendar_id, "Edit calendar exceptions")

    def _checked(self, project: Project, calendar: Calendar) -> object:
        self.text = f"Edit exceptions of calendar '{calendar.name}'"
        exceptions = copy.deepcopy(self.exceptions)  # a fresh list each time: redo never shares one with undo
        for number, exception in enumerate(exceptions, 1):  # by number: the name itself may be unprintable
            exception.name = check_text(exception.name.strip(), f"exception {number}")
        check_has_working_day(calendar.name, calendar.weekdays, exceptions)
        return exceptions


class SetDefaultCalendar(Command):
    """Make a calendar the plan's default (None: the built-in 7-day Continuous calendar)."""

    def __init__(self, calendar_id: str | None):
        self.calendar_id = calendar_id
        self._old: str | None = None
        self.text = "Set the plan's default calendar"

    def apply(self, project: Project) -> ChangeSet:
        if self.calendar_id is not None:
            self.text = f"Make '{project.calendar(self.calendar_id).name}' the plan's default calendar"
        self._old = project.default_calendar_id
        project.default_calendar_id = self.calendar_id
        return _CHANGES

    def revert(self, project: Project) -> ChangeSet:
        project.default_calendar_id = self._old
        return _CHANGES
