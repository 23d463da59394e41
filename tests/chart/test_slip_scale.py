"""Slip colours at the plan's own scale: a three-week work package (tests/three_weeks.py) slipped by
3 working days colours every bar's slip, where the roadmap's month-wide neutral step hid it; the
roadmap keeps its months and years."""

from __future__ import annotations

from datetime import date

from three_weeks import slipped_three_weeks

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.chart.data import symbols_in
from ilrs_planner.chart.variance import DAY_STEPS, ON_TIME_STEP, SLIP_STEPS, WEEK_STEPS, plan_steps, slip_steps
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.schedule import Schedule


def _slip_keys(data) -> set[str]:
    return {key for key in symbols_in(data) if key.startswith("slip")}


def test_a_three_week_plan_colours_a_slip_of_days_up_to_a_week_late():
    project = slipped_three_weeks()
    data = build_chart_data(project, schedule(project), list(project.tasks), baseline="Agreed plan")
    assert data.slip_scale == DAY_STEPS  # 4 to 21 January: a plan of weeks
    # Finishes (exclusive) moved: Design review Thu 7 -> Wed 13 and Build harness Thu 14 -> Wed 20: 6 days;
    # Integrate Tue 19 -> Fri 22 and Ship (end of Mon 18 -> end of Thu 21): 3 days. All "up to a week late".
    assert data.slip.tolist() == [6, 6, 3, 3]
    slips = build_scene(data, TimeScale.fit(date(2027, 1, 1), date(2027, 1, 29), 560), 560, 0, 10,
                        SceneOptions()).slips
    assert slips is not None and sorted(slips.rows.tolist()) == [0, 1, 2, 3]
    assert set(slips.color.tolist()) == {3} and DAY_STEPS[3][2] == "up to a week late"
    assert _slip_keys(data) == {"slip3"}  # the legend names that step alone


def test_the_roadmap_keeps_its_months_and_years():
    project = build_reference_project()
    plan = schedule(project)
    assert plan_steps(plan) == SLIP_STEPS
    data = build_chart_data(project, plan, list(project.tasks), baseline=project.baselines[0].name)
    assert data.slip_scale == SLIP_STEPS
    steps = set(slip_steps(data.slip, SLIP_STEPS).tolist()) - {ON_TIME_STEP}
    assert steps and _slip_keys(data) == {f"slip{step}" for step in steps}


def test_a_plan_of_months_counts_weeks_and_one_of_weeks_days():
    assert plan_steps(Schedule(date(2027, 1, 4), date(2027, 9, 1), {})) == WEEK_STEPS
    assert plan_steps(Schedule(date(2027, 1, 4), date(2027, 2, 1), {})) == DAY_STEPS
    assert plan_steps(Schedule(date(2027, 1, 4), date(2035, 1, 1), {})) == SLIP_STEPS
