"""A six-week plan with weekly reports on one milestone: the plan the milestone trend tests of the
engine and of the window read. The milestone 'ship' is forecast 2027-02-02 in the week-1 report
(as of 2027-01-04), 02-06 in week 2 (01-11), 02-09 in week 3 (01-18), and at the status date
(2027-01-25) it must start on 03-04."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Baseline, ConstraintType, Project, Task, TaskKind


def six_weeks() -> Project:
    project = Project("Six weeks", date(2027, 1, 4), status_date=date(2027, 1, 25))
    project.add_task(Task("ship", "Ship", 0, TaskKind.MILESTONE, id="ship", position=0,
                          constraint=ConstraintType.MSO, constraint_date=date(2027, 3, 4)))
    for week, day in enumerate((2, 6, 9)):
        project.baselines.append(Baseline(f"Week {week + 1}", date(2027, 1, 4 + 7 * week),
                                          {"ship": (date(2027, 2, day), date(2027, 2, day))}))
    return project
