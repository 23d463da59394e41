"""A six-week plan on a Monday-to-Thursday week with 24 and 31 December 2026 off, a baseline taken
before any work, and progress recorded on 21 December: the plan the working-day variance tests of the
engine and of the window read. Hand-worked (Mondays: 2026-12-07, 12-14, 12-21, 12-28, 2027-01-04, 01-11):

    task              baseline (no progress)            now (status 2026-12-21)
    T-1 Design   5 d  Thu 12-03 .. Thu 12-10            done, the same days
    T-2 Fabricate 10 d Mon 12-14 .. Wed 12-30           30 % done (14..16), 7 d left from 12-21:
                      (14-17, 21-23, 28-30)             21-23, 28-30, Mon 01-04
    T-3 Cure    7 ed  Thu 12-31 .. Wed 01-06            Tue 01-05 .. Mon 01-11
    T-4 Review   3 d  Thu 01-07, Mon 01-11, Tue 01-12   Tue 01-12 .. Thu 01-14
    T-5 Ship          end of Tue 01-12                  end of Thu 01-14
"""

from __future__ import annotations

import copy
from datetime import date as D

from ilrs_planner.domain import Baseline, Calendar, Link, Project, Task
from ilrs_planner.domain.calendar import CalendarException
from ilrs_planner.engine.cpm import schedule

MONDAY_TO_THURSDAY = (True,) * 4 + (False,) * 3
TASKS = (("T-1", "Design", 5, False), ("T-2", "Fabricate", 10, False), ("T-3", "Cure (elapsed)", 7, True),
         ("T-4", "Review", 3, False), ("T-5", "Ship", 0, False))


def unstarted_week() -> Project:
    """The plan as agreed: no progress, no baseline."""
    project = Project("Four-day week", D(2026, 12, 3))
    days_off = [CalendarException("Christmas Eve", D(2026, 12, 24), D(2026, 12, 24)),
                CalendarException("New Year", D(2026, 12, 31), D(2026, 12, 31))]
    project.default_calendar_id = project.add_calendar(
        Calendar("Four-day", MONDAY_TO_THURSDAY, days_off, id="four")).id
    for position, (key, name, days, elapsed) in enumerate(TASKS):
        project.add_task(Task(key, name, days, id=key, position=position, elapsed=elapsed))
    for before, after in zip(TASKS, TASKS[1:]):
        project.add_link(Link(before[0], after[0]))
    return project


def four_day_week() -> Project:
    """The plan baselined as agreed on 3 December, then progress recorded on 21 December."""
    project = unstarted_week()
    agreed = schedule(project)
    project.baselines.append(Baseline("Agreed plan", D(2026, 12, 3), {
        tid: (d.early_start, d.early_finish) for tid, d in agreed.tasks.items()}))
    return with_progress(project)


def with_progress(project: Project) -> Project:
    """A copy with Design done and Fabricate 30 % done at the status date 21 December."""
    project = copy.deepcopy(project)
    project.status_date = D(2026, 12, 21)
    design, fabricate = project.tasks["T-1"], project.tasks["T-2"]
    design.actual_start, design.actual_finish, design.percent_complete = D(2026, 12, 3), D(2026, 12, 11), 100
    fabricate.actual_start, fabricate.percent_complete = D(2026, 12, 14), 30
    return project
