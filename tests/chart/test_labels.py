"""Where bar names go: beside what is drawn of their own row."""

from datetime import date

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene, estimate_text_width
from ilrs_planner.chart.labels import elide
from ilrs_planner.domain import Precision

SCALE = TimeScale.fit(date(2030, 1, 1), date(2030, 3, 2), 600)  # 60 days, 10 px/day


def test_a_summary_named_to_its_year_keeps_its_name_by_its_drawn_bar(plan):
    project, schedule, rows = plan
    project.tasks[rows[0]].precision = Precision.YEAR  # the phase is announced as "2030"
    data = build_chart_data(project, schedule, rows)
    scene = build_scene(data, SCALE, 600, 0, 10, SceneOptions())
    assert scene.summaries.soft1[0] > scene.summaries.x1[0]  # the data knows the year runs on
    phase = next(label for label in scene.labels if label.row == 0)
    # A summary bar draws no faded tail, so its name sits after the bar (3 px tip + 6 px gap),
    # not after the end of the year, far from anything on its row.
    assert phase.x == scene.summaries.x1[0] + 3 + 6


def test_only_a_label_with_no_room_beside_its_bar_is_pinned_over_it(plan):
    project, schedule, rows = plan
    project.tasks[rows[2]].name = "Build the whole of the lunar station's first module"
    data = build_chart_data(project, schedule, rows)
    scene = build_scene(data, SCALE, 330, 0, 10, SceneOptions())  # "Build …" runs 100-300 px of 330
    by_row = {label.row: label for label in scene.labels}
    assert by_row[2].over_bar and 0 <= by_row[2].x < 300  # over its bar, kept on the chart
    assert not by_row[1].over_bar  # "Design" fits beside its bar


LONG = "Design " + "of the lunar station's first module, " * 27  # 1,000 characters, more than any room


def test_a_name_longer_than_any_room_is_cut_with_an_ellipsis_beside_its_bar_inside_the_chart(plan):
    project, schedule, rows = plan
    project.tasks[rows[1]].name = LONG[:1000]
    data = build_chart_data(project, schedule, rows)
    scene = build_scene(data, SCALE, 600, 0, 10, SceneOptions())  # "Design" runs 0-100 px of 600
    label = next(label for label in scene.labels if label.row == 1)
    width = len(label.text) * 7  # the options' measure: 7 px a character
    assert label.text.startswith("Design of the lunar") and label.text.endswith("…")
    assert not label.over_bar and label.x >= scene.tasks.x1[0]  # beside its bar, not over it
    assert label.x >= 0 and label.x + width <= 600 and width <= 300  # on the chart; at most half of it


def test_a_milestone_cut_short_keeps_its_date(plan):
    project, schedule, rows = plan
    project.tasks[rows[2]].precision = Precision.DAY  # so the launch after it is dated to the day
    project.tasks[rows[3]].name = "Launch " + "W" * 993
    data = build_chart_data(project, schedule, rows)
    scene = build_scene(data, SCALE, 600, 0, 10, SceneOptions())  # the milestone sits at 300 px
    label = next(label for label in scene.labels if label.row == 3)
    right = label.x + len(label.text) * 7
    assert label.text.startswith("Launch WW") and label.text.endswith("W… · 2030-01-31")
    assert label.x >= 0 and right <= 600 and (right < 300 - 7 or label.x > 300 + 7)  # clear of the diamond


def test_a_name_cut_over_a_bar_that_fills_the_view_starts_on_the_bar_and_ends_at_the_edge(plan):
    project, schedule, rows = plan
    project.tasks[rows[2]].name = LONG[:1000]
    data = build_chart_data(project, schedule, rows)
    narrow = TimeScale.fit(date(2030, 1, 15), date(2030, 1, 25), 300)  # inside "Build" (11-31 Jan)
    scene = build_scene(data, narrow, 300, 0, 10, SceneOptions())
    label = next(label for label in scene.labels if label.row == 2)
    assert label.over_bar and label.text.endswith("…") and label.x >= 0
    assert label.x + len(label.text) * 7 <= 300


def test_elide_never_parts_a_letter_from_its_accent_and_gives_nothing_where_nothing_fits():
    measure = estimate_text_width(7.0)
    cut = elide("Ke\u0301strel " * 20, 7 * 3, measure)  # room for "Ke" + "…", which would drop the accent
    assert cut == "K…"
    assert elide("Kestrel", 5, measure) == ""
    assert elide("Kestrel", 49, measure) == "Kestrel"


def test_a_name_left_of_its_bar_keeps_clear_of_the_link_turning_into_the_bar(plan):
    project, schedule, rows = plan
    project.tasks[rows[2]].name = "Build module"  # 84 px: no room right of the bar at 330 px, room left
    data = build_chart_data(project, schedule, rows)
    scene = build_scene(data, SCALE, 330, 0, 10, SceneOptions())  # "Build" runs 100-300 px, linked from "Design"
    label = next(label for label in scene.labels if label.row == 2)
    assert not label.over_bar and label.x >= 0
    # Design's link turns down 8 px before Build's start and comes in at its row: the name (on its
    # 2 px halo) ends before that turn.
    turn = min(x for x, y in scene.link_points.tolist() if abs(y - label.y) < 1)
    assert label.x + len(label.text) * 7 + 2 < turn
