"""Where bar names go: beside what is drawn of their own row."""

from datetime import date

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
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
