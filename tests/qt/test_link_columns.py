"""A connector running through every row on screen (from a row above the view to one below) is
drawn as a line from the top of the chart to its bottom, however it is painted."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter

from ilrs_planner.chart import palette
from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt import GanttView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
LINK = QColor(palette.LINK).rgb()


def _plan() -> Project:
    """Row 0 (January 2030) linked to row 61 (2040); the 60 rows between hold bars of 2045."""
    project = Project("Through", date(2030, 1, 1))
    for i, (start, days) in enumerate([(date(2030, 1, 1), 30)] + [(date(2045, 1, 1), 10)] * 60
                                      + [(date(2040, 1, 1), 30)]):
        task = project.add_task(Task(f"T{i}", f"Task {i}", days, position=i, id=f"t{i}"))
        task.constraint, task.constraint_date = ConstraintType.SNET, start
    project.add_link(Link("t0", "t61", LinkType.FS, id="through"))
    return project


@pytest.fixture
def view(qtbot):
    gantt = GanttView(Document(_plan()))
    qtbot.addWidget(gantt)
    gantt.resize(1000, 400)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(date(2030, 1, 15), date(2030, 3, 15))
    gantt.set_vertical_offset(20 * int(gantt.style.row_height))  # rows 20 to about 30: the link's run only
    return gantt


def _painted(view: GanttView, zoom: int = 1) -> QImage:
    canvas = view.canvas
    image = QImage(canvas.width() * zoom, canvas.height() * zoom, QImage.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.scale(zoom, zoom)
    canvas.render(painter, QPoint())
    painter.end()
    return image


def test_a_connector_through_all_the_rows_shown_is_a_line_from_top_to_bottom(view):
    image = _painted(view)
    x = int(view.scale.x_of(date(2030, 1, 31)) + 8)  # out of row 0's bar end by a stub, then down
    top, bottom = view.style.header_height, view.canvas.height()
    assert all(image.pixel(x, y) & 0xFFFFFF == LINK & 0xFFFFFF for y in range(top + 1, bottom - 1))
    assert all(image.pixel(x + dx, (top + bottom) // 2) != image.pixel(x, (top + bottom) // 2) for dx in (-3, 3))


def test_painted_at_twice_the_size_the_line_is_there_at_twice_the_place(view):
    image = _painted(view, zoom=2)
    x = 2 * (view.scale.x_of(date(2030, 1, 31)) + 8)
    for y in range(2 * view.style.header_height + 4, 2 * view.canvas.height() - 4, 37):
        darkest = min(QColor(image.pixel(int(x) + dx, y)).lightness() for dx in (-1, 0, 1))
        assert darkest <= QColor(palette.LINK).lightness() + 40
