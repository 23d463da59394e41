"""Scene geometry computed by hand from the fixture plan (10 px per day, 24 px rows)."""

from datetime import date

import numpy as np

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene, hit_test
from ilrs_planner.chart.labels import BAR_RING_PX, GAP_PX
from ilrs_planner.chart.palette import CRITICAL, owner_colors
from ilrs_planner.domain import Baseline

SCALE = TimeScale.fit(date(2030, 1, 1), date(2030, 3, 2), 600)  # 60 days, 10 px/day


def _scene(plan, width=600, first=0, last=10, **opts):
    project, schedule, rows = plan
    data = build_chart_data(project, schedule, rows)
    return build_scene(data, SCALE, width, first, last, SceneOptions(**opts))


def test_bars_diamonds_and_summaries_land_on_their_dates_and_rows(plan):
    scene = _scene(plan)
    assert scene.tasks.rows.tolist() == [1, 2]
    assert scene.tasks.x0.tolist() == [0, 100] and scene.tasks.x1.tolist() == [100, 300]
    assert scene.tasks.y0[0] == 24 + 0.24 * 24 and scene.tasks.y1[0] == 24 + 0.76 * 24
    assert scene.summaries.rows.tolist() == [0] and scene.summaries.x1[0] == 300
    assert scene.milestones.rows.tolist() == [3] and scene.milestones.x0[0] == 300


def test_owner_colour_is_the_participants_and_critical_is_flagged(plan):
    scene = _scene(plan)
    assert scene.colors[scene.tasks.color[0]] == "#123456"
    assert scene.tasks.critical.all()
    assert not _scene(plan, show_critical=False).tasks.critical.any()
    assert CRITICAL not in owner_colors(plan[0]).values()


def test_year_precision_bar_fades_over_its_whole_year(plan):
    scene = _scene(plan)
    i = scene.tasks.rows.tolist().index(2)
    assert scene.tasks.soft0[i] == 0  # 2030-01-01
    assert scene.tasks.soft1[i] == 3650  # 2031-01-01 = 365 days * 10 px
    assert np.isnan(scene.tasks.soft0[0])  # day-exact design task: no fade


def test_fs_links_leave_the_end_and_enter_the_start(plan):
    scene = _scene(plan)
    first = scene.link_points[scene.link_offsets[0]:scene.link_offsets[1]].tolist()
    # design ends at x=100 (row 1, y=36); build starts at x=100 (row 2, y=60): a back-route
    # that steps out 8 px, drops to the row boundary y=48, comes back and enters from the left.
    assert first == [[100, 36], [108, 36], [108, 48], [92, 48], [92, 60], [100, 60]]
    assert scene.link_critical.all()


def test_culling_keeps_only_visible_rows_and_dates(plan):
    scene = _scene(plan, first=2, last=3)
    assert scene.tasks.rows.tolist() == [2] and scene.summaries.rows.tolist() == []
    narrow = _scene(plan, width=50)  # only the first 5 days are visible
    assert 1 in narrow.tasks.rows.tolist() and 3 not in narrow.milestones.rows.tolist()


def test_labels_sit_right_of_bars_or_left_when_the_edge_is_near(plan):
    scene = _scene(plan)
    design = next(lb for lb in scene.labels if lb.row == 1)
    assert scene.tasks.critical[list(scene.tasks.rows).index(1)]  # ringed: the name stands off the ring
    assert design.x == 100 + BAR_RING_PX + GAP_PX and design.text == "Design"
    narrow = _scene(plan, width=330)
    launch = next(lb for lb in narrow.labels if lb.row == 3)
    assert launch.x + len(launch.text) * 7 <= 300 - 0.3 * 24  # moved left of the diamond


def test_baseline_gives_ghost_bars_under_the_current_ones(plan):
    project, schedule, rows = plan
    project.baselines.append(Baseline("2029", date(2029, 6, 1), {rows[1]: (date(2030, 1, 1), date(2030, 1, 6))}))
    data = build_chart_data(project, schedule, rows, baseline="2029")
    scene = build_scene(data, SCALE, 600, 0, 10)
    assert scene.ghosts.rows.tolist() == [1]
    assert (scene.ghosts.x0[0], scene.ghosts.x1[0]) == (0, 50)
    assert scene.ghosts.y0[0] > scene.tasks.y1[0]  # drawn below the current bar


def test_whiskers_span_p50_to_p80(plan):
    project, schedule, rows = plan
    data = build_chart_data(project, schedule, rows, whiskers={rows[3]: (date(2030, 2, 5), date(2030, 2, 15))})
    scene = build_scene(data, SCALE, 600, 0, 10)
    assert (scene.whiskers.x0[0], scene.whiskers.x1[0]) == (350, 450)


def test_hit_test_finds_bar_end_bar_milestone_and_link(plan):
    scene = _scene(plan)
    assert hit_test(scene, 150, 60).kind == "bar"
    end = hit_test(scene, 298, 60)
    assert end.kind == "bar_end" and end.task_id == plan[2][2]
    assert hit_test(scene, 301, 84).task_id == plan[2][3]
    link = hit_test(scene, 108, 42)
    assert link.kind == "link" and link.link_id == "l1"
    assert hit_test(scene, 500, 60) is None


def test_today_and_status_lines(plan):
    scene = _scene(plan, today=date(2030, 1, 21), status_date=date(2035, 1, 1))
    assert scene.today_x == 200 and scene.status_x is None  # off screen


def test_an_unschedulable_plan_still_draws_at_its_entered_dates(plan):
    project, _schedule, rows = plan
    data = build_chart_data(project, None, rows)  # e.g. while a loop makes scheduling impossible
    scene = build_scene(data, SCALE, 600, 0, 10)
    assert scene.tasks.x0.tolist() == [0, 0]  # both start on the plan's start, 2030-01-01
    assert scene.tasks.x1.tolist() == [100, 200]  # 10 and 20 days


def test_milestone_label_shows_a_flown_date_at_its_announced_precision():
    from ilrs_planner.domain import Precision, Project, Task

    project = Project(name="p", start=date(2024, 1, 1))
    signed = project.add_task(Task(key="serbia", name="Serbia joins ILRS", actual_start=date(2024, 5, 1),
                                   actual_finish=date(2024, 5, 1), precision=Precision.MONTH))
    exact = project.add_task(Task(key="kz", name="Kazakhstan joins ILRS", actual_start=date(2024, 7, 3),
                                  actual_finish=date(2024, 7, 3), position=1))
    from ilrs_planner.engine.cpm import schedule

    data = build_chart_data(project, schedule(project), [signed.id, exact.id])
    assert list(data.labels) == ["Serbia joins ILRS · 2024-05", "Kazakhstan joins ILRS · 2024-07-03"]


def test_a_bar_under_way_shows_its_work_done_up_to_the_status_date(plan):
    project, _schedule, rows = plan
    design, build = rows[1], rows[2]
    project.tasks[design].actual_start, project.tasks[design].actual_finish = date(2030, 1, 1), date(2030, 1, 11)
    project.tasks[build].actual_start = date(2030, 1, 11)
    project.status_date = date(2030, 1, 16)
    scene = _scene(plan)
    done = dict(zip(scene.tasks.rows.tolist(), scene.tasks.done_x1.tolist()))
    assert done == {1: 100, 2: 150}  # design all done (to x 100); build done from x 100 to the status date, day 15
    project.status_date = None
    assert _scene(plan).tasks.done_x1.tolist() == [100, 300]  # no status date: nothing divides a started bar


def test_connectors_far_from_the_rows_shown_are_cut_to_the_upright_crossing_them(monkeypatch):
    """In the middle of a large plan, a connector with both ends far above and below the rows
    shown keeps one upright of its route, and the rest of that route lies beyond the rows shown:
    the same is drawn there and found under the pointer as with the whole route."""
    import sys
    from pathlib import Path

    from ilrs_planner.chart import scene as scene_module
    from ilrs_planner.engine.cpm import schedule

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synth import make_plan

    project = make_plan(3000, seed=2)
    rows = [task.id for task, _ in project.walk()]
    data = build_chart_data(project, schedule(project), rows)
    scale, first, last, rh = TimeScale.fit(date(2018, 1, 1), date(2052, 1, 1), 1200), 1500, 1540, 24
    cut = build_scene(data, scale, 1200, first, last, SceneOptions(row_height=rh))
    monkeypatch.setattr(scene_module, "FAR_ROWS", len(rows))  # no end counts as far: every route whole
    whole = build_scene(data, scale, 1200, first, last, SceneOptions(row_height=rh))
    assert list(cut.link_ids) == list(whole.link_ids)
    shorter = 0
    for i in range(len(cut.link_ids)):
        mine = cut.link_points[cut.link_offsets[i]:cut.link_offsets[i + 1]].tolist()
        route = whole.link_points[whole.link_offsets[i]:whole.link_offsets[i + 1]].tolist()
        if mine == route:
            continue
        shorter += 1
        segments = list(zip(route, route[1:]))
        assert len(mine) == 2 and tuple(mine) in segments
        for a, b in segments:
            if [a, b] != mine:  # the rest of the route: beyond the rows shown and their margins
                assert max(a[1], b[1]) < (first - 1) * rh or min(a[1], b[1]) > (last + 2) * rh
    assert shorter > 100  # most of those crossing the rows shown
