"""Engine test helpers: plans written as small specs (the TOML case catalogue uses the same shape)."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task


def plan_from_spec(spec: dict) -> Project:
    """A project from {'start', 'tasks': [{key, duration, parent, constraint, ...}], 'links': [...]}.

    Task ids are the keys, so expected errors can name their subjects by key.
    """
    project = Project(spec.get("name", "case"), spec.get("start", date(2030, 1, 1)))
    for position, row in enumerate(spec.get("tasks", [])):
        task = Task(row["key"], row.get("name", row["key"]), row.get("duration", 0), id=row["key"],
                    parent_id=row.get("parent"), position=position,
                    constraint=ConstraintType(row.get("constraint", "ASAP")),
                    constraint_date=row.get("constraint_date"), deadline=row.get("deadline"),
                    actual_start=row.get("actual_start"), actual_finish=row.get("actual_finish"))
        project.add_task(task)
    for number, row in enumerate(spec.get("links", [])):
        project.add_link(Link(row["from"], row["to"], LinkType(row.get("type", "FS")), row.get("lag", 0),
                              id=f"link-{number}"))
    return project


@pytest.fixture
def make_project():
    """The spec-to-project builder, for tests that write plans inline."""
    return plan_from_spec
