"""Engine test helpers: plans written as small specs (the TOML case catalogue uses the same shape)."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Calendar, CalendarException, ConstraintType, Link, LinkType, Project, Task

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def calendar_from_spec(row: dict) -> Calendar:
    """{'id', 'name', 'weekdays': ['Mon', ...], 'exceptions': [{name, start, finish, working}]} as a Calendar."""
    worked = set(row.get("weekdays", DAY_NAMES))
    exceptions = [CalendarException(e["name"], e["start"], e.get("finish", e["start"]), e.get("working", False))
                  for e in row.get("exceptions", [])]
    return Calendar(row.get("name", row["id"]), tuple(day in worked for day in DAY_NAMES), exceptions, id=row["id"])


def plan_from_spec(spec: dict) -> Project:
    """A project from {'start', 'tasks': [{key, duration, parent, constraint, ...}], 'links': [...]}.

    Task ids are the keys, so expected errors can name their subjects by key. Optional `calendars`
    and `calendar` (the plan's default) give working calendars; a task may name its own. A
    `status_date` and a task's `percent` (complete) give the plan's progress.
    """
    project = Project(spec.get("name", "case"), spec.get("start", date(2030, 1, 1)),
                      status_date=spec.get("status_date"))
    for row in spec.get("calendars", []):
        project.add_calendar(calendar_from_spec(row))
    project.default_calendar_id = spec.get("calendar")
    for position, row in enumerate(spec.get("tasks", [])):
        task = Task(row["key"], row.get("name", row["key"]), row.get("duration", 0), id=row["key"],
                    parent_id=row.get("parent"), position=position,
                    constraint=ConstraintType(row.get("constraint", "ASAP")),
                    constraint_date=row.get("constraint_date"), deadline=row.get("deadline"),
                    actual_start=row.get("actual_start"), actual_finish=row.get("actual_finish"),
                    calendar_id=row.get("calendar"), elapsed=row.get("elapsed", False),
                    percent_complete=row.get("percent", 0), manual=row.get("manual", False))
        project.add_task(task)
    for number, row in enumerate(spec.get("links", [])):
        project.add_link(Link(row["from"], row["to"], LinkType(row.get("type", "FS")), row.get("lag", 0),
                              id=f"link-{number}", elapsed=row.get("elapsed", False)))
    return project


@pytest.fixture
def make_project():
    """The spec-to-project builder, for tests that write plans inline."""
    return plan_from_spec
