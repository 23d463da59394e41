"""Deadline arrows in the scene, placed by hand on the three-week work package (tests/three_weeks.py)
at 20 px a day from Monday 4 January 2027: an arrow at the end of the deadline's day."""

from __future__ import annotations

from datetime import date

from deadline_moments import deadline_moments
from three_weeks import three_weeks

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.chart.data import symbols_in
from ilrs_planner.chart.refresh import Edits, refresh_chart_data
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import ConstraintType
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


def test_a_milestone_at_the_start_of_the_day_after_its_deadline_misses_it_one_at_its_end_meets_it():
    """Done at 17:00 on its deadline's day, Late at 08:00 the next (tests/deadline_moments.py)."""
    project = deadline_moments()
    dates = schedule(project)
    assert (dates.tasks["D"].total_float, dates.tasks["L"].total_float) == (0, -1)
    data = build_chart_data(project, dates, list(project.tasks))
    scale = TimeScale.fit(date(2030, 2, 25), date(2030, 3, 5), 160)  # 8 days, 20 px a day
    marks = build_scene(data, scale, 160, 0, 10, SceneOptions()).deadlines
    by_row = {data.task_ids[row]: (x, late) for row, x, late in
              zip(marks.rows.tolist(), marks.x.tolist(), marks.missed.tolist())}
    # Both arrows at the end of Thu 28 = 4 days from Mon 25 = 80 px: Done's green, Late's red.
    assert by_row == {"D": (80.0, False), "L": (80.0, True)}
    assert {"deadline", "deadline_missed"} <= symbols_in(data)
    project.tasks["D"].deadline = None
    alone = build_chart_data(project, dates, list(project.tasks))
    assert symbols_in(alone) & {"deadline", "deadline_missed"} == {"deadline_missed"}


def test_a_milestone_moved_to_the_next_mornings_start_turns_its_arrow_red_after_the_edit():
    """Kick-off's pin taken off: Late follows Prep to the end of Thu 28 (same point, the start of
    Fri 1), meeting its deadline; put back, it misses it again. Late itself is not edited."""
    project = deadline_moments()
    data = build_chart_data(project, schedule(project), list(project.tasks))
    unpin = SetTaskFields("K", constraint=ConstraintType.ASAP, constraint_date=None)
    for step, missed in ((unpin.apply, False), (unpin.revert, True)):
        changes = step(project)
        dates = schedule(project)
        assert dates.tasks["L"].early_finish == date(2030, 3, 1)  # the same point throughout
        data = refresh_chart_data(data, project, dates, list(project.tasks),
                                  Edits(changes.task_ids, links=changes.links))
        assert data is not None and "L" not in changes.task_ids
        assert bool(data.deadline_late[data.task_ids.index("L")]) is missed
        assert (dates.tasks["L"].total_float < 0) is missed
