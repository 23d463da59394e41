"""Names far longer than the room for them (1,000 characters): cut with "…" where they are drawn,
never over a neighbour or off the chart, and whole in the tooltip."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QPointF

from ilrs_planner.chart import Hit
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Project, Task
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_writers import render_image
from ilrs_planner.qt.gantt.tooltip import tooltip_text
from ilrs_planner.qt.image_export import _schedule, _shown_range

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LONG = ("Chang'e 7 south-pole survey of the Shackleton crater rim with orbiter, lander, rover and hopper "
        * 11)[:1000]


def _label_box(label, style) -> tuple[float, float]:
    width = style.text_width(style.bold_font if label.bold else style.label_font)(label.text)
    return label.x, label.x + width


def _picture(project: Project, size: tuple[int, int]) -> TimelinePicture:
    scheduled = _schedule(project)
    start, end = _shown_range(project, scheduled, None, None)
    picture = TimelinePicture(project, scheduled, start, end, milestones_only=False, title=None, baseline=None)
    render_image(picture, *size)
    return picture


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_a_long_name_in_an_exported_roadmap_is_cut_to_the_chart_and_clear_of_its_bar(size):
    project = build_reference_project()
    task = next(t for t in project.tasks.values() if t.key == "change-7")
    task.name = LONG
    picture = _picture(project, size)
    scene, style = picture.painted_scene, picture.painted_style
    row = picture.data.row_of[task.id]
    label = next(label for label in scene.labels if label.row == row)
    left, right = _label_box(label, style)
    assert label.text.startswith("Chang'e 7 south-pole survey") and label.text.endswith("…")
    bar = list(scene.tasks.rows).index(row)
    assert left >= scene.tasks.x1[bar] and not label.over_bar  # beside its bar, not over it
    for other in scene.labels:  # every name on the chart, none past its right edge
        assert _label_box(other, style)[0] >= 0 and _label_box(other, style)[1] <= scene.width


def test_a_long_plan_name_is_cut_in_the_title_and_footer_which_keeps_its_time_and_maker():
    project = Project("Lunar station " + "programme " * 100, date(2030, 1, 1))
    project.add_task(Task("a", "Survey", 30))
    picture = _picture(project, (1920, 1080))
    title, footer = picture.painted_texts["title"], picture.painted_texts["footer"]
    assert title.startswith("Lunar station programme") and title.endswith("…") and len(title) < 200
    assert "…  ·  generated " in footer and footer.endswith("UTC")


@pytest.fixture
def view(gantt_on):
    project = Project("Long names", date(2030, 1, 1))
    project.add_task(Task("s", LONG, 30, id="s", position=0))
    project.add_task(Task("n", "Next task", 30, id="n", position=1))
    return gantt_on(project, (900, 300), date(2029, 12, 1), date(2030, 12, 1))


def test_in_the_window_a_long_name_is_cut_and_pointing_at_it_shows_it_whole(view, qtbot):
    canvas = view.canvas
    canvas.repaint()
    label = next(label for label in canvas.scene.labels if label.row == 0)
    left, right = _label_box(label, view.style)
    assert label.text.endswith("…") and right <= canvas.width()
    y = view.style.header_height + view.style.row_height / 2
    assert canvas.hit_at(QPointF(right - 5, y)) is None  # over the name itself, not over its bar
    tip = canvas.tooltip_at(QPointF(right - 5, y))
    assert LONG.replace("'", "&#x27;") in tip


def test_a_name_without_spaces_can_wrap_in_its_tooltip_and_still_reads_whole(view):
    name = "Landing" + "W" * 993
    view.document.project.tasks["n"].name = name
    tip = tooltip_text(view.document, Hit("bar", "n"))
    bold = tip[tip.index("<b>") + 3: tip.index("</b>")]
    assert bold.replace("\u200b", "") == name  # nothing lost, only places to break added
    assert max(len(run) for run in re.split(r"[\s\u200b]", bold)) <= 40  # so it wraps on the screen
