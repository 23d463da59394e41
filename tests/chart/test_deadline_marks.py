"""Deadline arrows in the scene, placed by hand on the three-week work package (tests/three_weeks.py)
at 20 px a day from Monday 4 January 2027: an arrow at the end of the deadline's day."""

from __future__ import annotations

from datetime import date

from three_weeks import three_weeks

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.chart.data import symbols_in
from ilrs_planner.engine.cpm import schedule

SCALE = TimeScale.fit(date(2027, 1, 4), date(2027, 2, 1), 560)  # 28 days, 20 px a day


def _scene():
    project = three_weeks()
    data = build_chart_data(project, schedule(project), list(project.tasks))
    return data, build_scene(data, SCALE, 560, 0, 10, SceneOptions())


def test_each_deadline_is_an_arrow_at_the_end_of_its_day_red_when_missed():
    data, scene = _scene()
    marks = scene.deadlines
    by_row = {data.task_ids[row]: (x, late, small) for row, x, late, small in
              zip(marks.rows.tolist(), marks.x.tolist(), marks.missed.tolist(), marks.small.tolist())}
    assert set(by_row) == {"D", "I", "S"}  # Build harness has none
    # Design review: end of Wed 6 = 3 days from Mon 4 = 60 px, its bar's end too: met, drawn small.
    assert by_row["D"] == (60.0, False, True)
    # Integrate: end of Fri 15 = 12 days = 240 px; it finishes Mon 18: missed, drawn whole.
    assert by_row["I"] == (240.0, True, False)
    # Ship: end of Thu 21 = 18 days = 360 px; it is the end of Mon 18 (300 px): met, away from its diamond.
    assert by_row["S"] == (360.0, False, False)


def test_the_legend_is_told_of_both_kinds_of_deadline_drawn():
    data, _scene_drawn = _scene()
    assert {"deadline", "deadline_missed"} <= symbols_in(data)


def test_a_plan_without_deadlines_draws_none_and_names_none():
    project = three_weeks()
    for task in project.tasks.values():
        task.deadline = None
    data = build_chart_data(project, schedule(project), list(project.tasks))
    assert not len(build_scene(data, SCALE, 560, 0, 10, SceneOptions()).deadlines)
    assert not {"deadline", "deadline_missed"} & symbols_in(data)
