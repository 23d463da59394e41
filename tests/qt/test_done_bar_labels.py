"""A done (hatched) bar's name reads clearly: the text against what is drawn behind it at the label
has a contrast of at least 4.5:1 (WCAG AA), whether the name sits inside the bar or over it."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from contrast import contrast
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from ilrs_planner.domain import Project, Task

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def label_contrast(view, name: str) -> float:
    """The contrast of the label's text against its backing, read from the painted chart: the
    backing is the commonest colour of the label's box, the text its most contrasting pixel."""
    canvas = view.canvas
    image = canvas.grab().toImage()
    label = next(label for label in canvas.scene.labels if label.text == name)
    width = int(view.style.text_width(view.style.label_font)(label.text))
    top = int(label.y + view.style.header_height - view.vertical_offset - view.style.font_px / 2)
    pixels = [QColor(image.pixel(QPoint(x, y))) for x in range(int(label.x), int(label.x) + width)
              for y in range(top, top + int(view.style.font_px))]
    backing = Counter(c.rgb() for c in pixels).most_common(1)[0][0]
    return max(contrast(QColor.fromRgb(backing), c) for c in pixels)


def done_plan(name: str, days: int) -> Project:
    project = Project("Done bars", date(2030, 1, 1))
    task = Task("review", name, days, id="r", position=0)
    project.add_task(task)
    project.add_task(Task("next", "Flight software build", 30, id="n", position=1))
    task.actual_start, task.percent_complete = date(2030, 1, 1), 100
    task.actual_finish = task.actual_start + timedelta(days)
    return project


@pytest.mark.parametrize("days, shown_to", [(200, date(2030, 3, 1)), (28, date(2030, 1, 26))],
                         ids=["a long bar", "a short bar wide on screen"])
def test_a_done_bars_name_has_a_contrast_of_at_least_4_5_to_1(gantt_on, days, shown_to):
    view = gantt_on(done_plan("Requirements review", days), (420, 200), date(2029, 12, 20), shown_to)
    view.canvas.repaint()
    label = next(label for label in view.canvas.scene.labels if label.text == "Requirements review")
    assert label.inside or label.over_bar  # on the hatching, where the name was hard to read
    assert label_contrast(view, "Requirements review") >= 4.5
