"""Monte Carlo caps of a milestone with a deadline: at the end of the deadline's day, as the schedule.

A (5 days, Monday 2027-01-04 to Friday 01-08) -> M; B (20 days) beside them makes the plan's finish
later, so M's float is its deadline's alone. M stands at Friday 17:00 (the end of A's last day).
Every expected float is counted by hand on the calendar.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from ilrs_planner.domain import Calendar, Link, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine._risk_network import compile_risk_network
from ilrs_planner.engine._risk_passes import PassPlan, pass_matrices, run_block
from ilrs_planner.engine._risk_sampling import sample
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.risk import milestone_day_ends, run_risk

MONDAY = date(2027, 1, 4)


def _plan(deadline: date, weekdays: bool) -> Project:
    project = Project("Deadline", MONDAY)
    if weekdays:
        project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    for position, (key, days) in enumerate((("A", 5), ("M", 0), ("B", 20))):
        project.add_task(Task(key, key, days, id=key, position=position, deadline=deadline if key == "M" else None))
    project.add_link(Link("A", "M"))
    return project


def _sampled_floats(project: Project) -> dict[str, float]:
    """Each task's total float in the passes' one iteration (durations as planned)."""
    rnet = compile_risk_network(project, use_defaults=False)
    plan = PassPlan(rnet, milestone_day_ends(project, rnet))
    durations = sample(rnet.estimates, 1, np.random.default_rng(0), "triangular")
    matrices = pass_matrices(plan, 1)
    run_block(plan, durations, matrices, np.empty((rnet.n_tasks, 1), dtype=np.float32))
    return {tid: float(matrices[1][i, 0]) for i, tid in enumerate(rnet.net.task_ids)}  # late starts became floats


CASES = [  # (deadline, 5-day calendar, M's float = A's float, critical)
    (date(2027, 1, 8), True, 0, True),  # Friday: 17:00 on it meets it, float 0 (not -1)
    (date(2027, 1, 11), True, 1, False),  # Monday: a working day to spare
    (date(2027, 1, 7), True, -1, True),  # Thursday: missed by Friday
    (date(2027, 1, 8), False, 0, True),
    (date(2027, 1, 9), False, 1, False),  # Saturday, worked on the 7-day calendar
]


@pytest.mark.parametrize(("deadline", "weekdays", "slack", "critical"), CASES)
def test_a_milestone_at_a_days_end_has_the_schedules_float_and_criticality(deadline, weekdays, slack, critical):
    project = _plan(deadline, weekdays)
    dates = schedule(project).tasks
    assert (dates["M"].shown_finish, dates["M"].early_at_day_end) == (date(2027, 1, 8), True)
    assert (dates["M"].total_float, dates["A"].total_float, dates["M"].critical) == (slack, slack, critical)
    result = run_risk(project, iterations=4, seed=3, use_defaults=False)
    assert (result.criticality["M"], result.criticality["A"]) == ((1.0, 1.0) if critical else (0.0, 0.0))
    floats = _sampled_floats(project)
    assert (floats["M"], floats["A"]) == (slack, slack)
    assert result.percentiles("M") == dict.fromkeys((10, 50, 80, 90), date(2027, 1, 8))
