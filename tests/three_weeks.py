"""A three-week work package on a Monday-to-Thursday week, starting Monday 4 January 2027, as a
partner plans one: the plan the deadline and slip-colour tests of the chart and the exports read.
Hand-worked (Mondays: 01-04, 01-11, 01-18):

    task                 as agreed (the baseline)           slipped (Design review held to Thu 01-07)
    D  Design review 3 d Mon 04, Tue 05, Wed 06              Thu 07, Mon 11, Tue 12      (+3 d)
    B  Build harness 4 d Thu 07, Mon 11, Tue 12, Wed 13      Wed 13, Thu 14, Mon 18, Tue 19 (+3 d)
    I  Integrate     2 d Thu 14, Mon 18                      Wed 20, Thu 21              (+3 d)
    S  Ship          0 d end of Mon 18                       end of Thu 21               (+3 d)

Deadlines: Design review Wed 06 (met, on its bar's end), Integrate Fri 15 (missed by Mon 18: 1 d),
Ship Thu 21 (met, three days after it).
"""

from __future__ import annotations

from datetime import date as D

from ilrs_planner.domain import Baseline, Calendar, ConstraintType, Link, Project, Task
from ilrs_planner.engine.cpm import schedule

MONDAY_TO_THURSDAY = (True,) * 4 + (False,) * 3
TASKS = (("D", "Design review", 3, D(2027, 1, 6)), ("B", "Build harness", 4, None),
         ("I", "Integrate", 2, D(2027, 1, 15)), ("S", "Ship", 0, D(2027, 1, 21)))


def three_weeks() -> Project:
    """The work package as agreed, with its deadlines and no baseline."""
    project = Project("Harness work package", D(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Mon-Thu", MONDAY_TO_THURSDAY, id="mt")).id
    for position, (key, name, days, deadline) in enumerate(TASKS):
        project.add_task(Task(key, name, days, id=key, position=position, deadline=deadline))
    for before, after in zip(TASKS, TASKS[1:]):
        project.add_link(Link(before[0], after[0]))
    return project


def slipped_three_weeks() -> Project:
    """The plan baselined as agreed ("Agreed plan"), then Design review held to Thursday 7: +3 d throughout."""
    project = three_weeks()
    agreed = schedule(project)
    project.baselines.append(Baseline("Agreed plan", D(2027, 1, 4), {
        tid: (d.early_start, d.early_finish) for tid, d in agreed.tasks.items()}))
    design = project.tasks["D"]
    design.constraint, design.constraint_date = ConstraintType.SNET, D(2027, 1, 7)
    return project
