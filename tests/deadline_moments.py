"""Two milestones with a deadline of Thursday 28 February 2030, read by the chart's and the window's
deadline tests. Hand-worked on the plan's Monday-to-Friday week from Monday 25 February:

    Prep      4 d  Mon 25 to Thu 28
    Kick-off  0 d  pinned to start no earlier than Fri 1 March: 08:00 on Fri 1
    Done      0 d  after Prep: 17:00 on Thu 28, its deadline's day: met, float 0
    Late      0 d  after Prep and Kick-off: 08:00 on Fri 1, after its deadline's day: missed, float -1 d

Done and Late stand at the same point (the start of Fri 1); only their moments tell them apart.
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import ConstraintType, Link, Project, Task

DEADLINE = date(2030, 2, 28)


def deadline_moments() -> Project:
    """The plan above, not yet scheduled."""
    project = Project("Deadline moments", date(2030, 2, 25))
    project.add_task(Task("P", "Prep", 4, id="P", position=0))
    project.add_task(Task("K", "Kick-off", 0, id="K", position=1, constraint=ConstraintType.SNET,
                          constraint_date=date(2030, 3, 1)))
    project.add_task(Task("D", "Done", 0, id="D", position=2, deadline=DEADLINE))
    project.add_task(Task("L", "Late", 0, id="L", position=3, deadline=DEADLINE))
    for pred, succ in (("P", "D"), ("P", "L"), ("K", "L")):
        project.add_link(Link(pred, succ))
    return project
