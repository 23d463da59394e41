"""One task of every kind a Duration is shown for, on a Monday-to-Friday plan with a status date:
not started, under way behind and ahead of its time, done, elapsed, a milestone, a phase. Shared by
the exports' tests and the window's, which must show the same numbers."""

from __future__ import annotations

from datetime import date as D

from ilrs_planner.domain import Calendar, Link, Project, Task, TaskKind
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY


def kinds_plan() -> Project:
    project = Project("Kinds", D(2030, 1, 7), status_date=D(2030, 1, 21))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY, id="std")).id
    add = project.add_task
    add(Task("N", "N", 10, id="n", position=0))
    add(Task("U", "U", 10, id="u", position=1, actual_start=D(2030, 1, 7), percent_complete=20))
    add(Task("H", "H", 10, id="h", position=2, actual_start=D(2030, 1, 16), percent_complete=80))
    add(Task("D", "D", 10, id="d", position=3, actual_start=D(2030, 1, 7), actual_finish=D(2030, 1, 26),
             percent_complete=100))
    add(Task("E", "E", 10, id="e", position=4, elapsed=True, actual_start=D(2030, 1, 14), percent_complete=30))
    add(Task("M", "M", 0, TaskKind.MILESTONE, id="m", position=5))
    add(Task("P", "P", 99, TaskKind.PHASE, id="p", position=6))
    add(Task("P1", "P1", 5, id="p1", parent_id="p", position=0))
    add(Task("P2", "P2", 5, id="p2", parent_id="p", position=1))
    project.add_link(Link("p1", "p2", id="l"))
    return project
