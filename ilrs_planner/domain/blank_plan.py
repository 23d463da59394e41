"""The plan a planner starts from when not starting from the ILRS roadmap."""

from __future__ import annotations

from datetime import date

from .calendar import MONDAY_TO_FRIDAY, Calendar
from .model import Project


def blank_plan(start: date, name: str = "New plan") -> Project:
    """A new plan as a planner expects it from MS Project or GanttProject: it starts on `start`
    (today, unless told) and works Monday to Friday on a "Standard" calendar, so "5d" is a working
    week and a weekend is no work. The window's New plan and `ilrs-planner new` both make it. (The
    bundled ILRS roadmap keeps its 7-day Continuous calendar: its dates are announcements.)"""
    project = Project(name=name, start=start)
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    return project
