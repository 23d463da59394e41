"""A work package without a status date, baselined twice on one day and slipped since: the plan the
milestone trend tests of the engine, the command line and the window read. Hand-worked on the plan's
every-day calendar from Monday 7 December 2026: Build 10 d ends Wed 16, so Ship is forecast 12-16 in
'Agreed'; Build 13 d: 12-19 in 'Re-plan'; Build 17 d now: 12-23. Both baselines are as of `day`, the
day the current plan is reported on too when the plan has no status date and that day is today.
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.commands.baselines import snapshot
from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.engine.cpm import schedule

REPORTED_ON = date(2026, 12, 3)  # the day the tests take as today: one day, however long a run takes


class FrozenDate(date):
    """`datetime.date` whose today() is REPORTED_ON, for the modules that read the day (a run crossing
    midnight would see two days and two reports)."""

    @classmethod
    def today(cls) -> date:
        return REPORTED_ON


def reported_today(day: date) -> Project:
    """The plan above, its two baselines as of `day`."""
    project = Project("Harness delivery", date(2026, 12, 7))
    project.add_task(Task("build", "Build", 10, id="build", position=0))
    project.add_task(Task("ship", "Ship to CNSA", 0, id="ship", position=1))
    project.add_link(Link("build", "ship"))
    for name, days in (("Agreed", 13), ("Re-plan", 17)):
        project.baselines.append(snapshot(project, schedule(project), name, day))
        project.tasks["build"].duration = days
    return project
