"""A small hand-scheduled plan: dates are written out, so geometry can be computed by hand."""

from datetime import date

import pytest

from ilrs_planner.domain import Link, LinkType, Participant, Precision, Project, Task, TaskKind
from ilrs_planner.engine.schedule import Schedule, TaskDates


def dates(start, finish, critical=False):
    return TaskDates(start, finish, start, finish, 0 if critical else 5, 0, critical)


@pytest.fixture
def plan():
    """Rows: phase (summary) > design (10 d), build (20 d, year precision), launch (milestone)."""
    project = Project("Test plan", date(2030, 1, 1))
    cnsa = project.add_participant(Participant("cnsa", "CNSA", color="#123456"))
    phase = project.add_task(Task("P", "Construction", kind=TaskKind.PHASE, position=0))
    design = project.add_task(Task("D", "Design", 10, parent_id=phase.id, position=0, owner_id=cnsa.id))
    build = project.add_task(Task("B", "Build", 20, parent_id=phase.id, position=1, precision=Precision.YEAR))
    launch = project.add_task(Task("L", "Launch", 0, parent_id=phase.id, position=2))
    project.add_link(Link(design.id, build.id, LinkType.FS, id="l1"))
    project.add_link(Link(build.id, launch.id, LinkType.FS, id="l2"))
    schedule = Schedule(date(2030, 1, 1), date(2030, 1, 31), {
        phase.id: dates(date(2030, 1, 1), date(2030, 1, 31)),
        design.id: dates(date(2030, 1, 1), date(2030, 1, 11), critical=True),
        build.id: dates(date(2030, 1, 11), date(2030, 1, 31), critical=True),
        launch.id: dates(date(2030, 1, 31), date(2030, 1, 31), critical=True),
    })
    rows = [phase.id, design.id, build.id, launch.id]
    return project, schedule, rows
