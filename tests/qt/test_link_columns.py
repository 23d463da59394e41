"""A connector running through every row on screen (from a row above the view to one below) is
drawn behind the bars of those rows as a light line from the top of the chart to its bottom,
however it is painted: the bars it crosses stay whole, the connectors that end in view stay dark."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter

from ilrs_planner.chart import palette
from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.qt.gantt import GanttView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
LINK = QColor(palette.LINK)


def _plan(middle_start: date) -> Project:
    """Row 0 (January 2030) linked to row 61 (2040); the 60 rows between hold 60-day bars from
    `middle_start`; row 30 is linked to row 31 (both ends in view)."""
    project = Project("Through", date(2030, 1, 1))
    for i, (start, days) in enumerate([(date(2030, 1, 1), 30)] + [(middle_start, 60)] * 60
                                      + [(date(2040, 1, 1), 30)]):
        task = project.add_task(Task(f"T{i}", f"Task {i}", days, position=i, id=f"t{i}"))
        task.constraint, task.constraint_date = ConstraintType.SNET, start
    project.add_link(Link("t0", "t61", LinkType.FS, id="through"))
    return project


def _view(gantt_on, middle_start: date) -> GanttView:
    gantt = gantt_on(_plan(middle_start), (1000, 400), date(2029, 12, 1), date(2030, 5, 1))
    gantt.set_vertical_offset(20 * int(gantt.style.row_height))  # rows 20 to about 30: the link's run only
    return gantt


@pytest.fixture
def view(gantt_on):
    return _view(gantt_on, date(2045, 1, 1))  # the bars between are years away: the line crosses empty rows


@pytest.fixture
def crossed(gantt_on):
    return _view(gantt_on, date(2030, 1, 15))  # the bars between lie across the line's place


def _painted(view: GanttView, zoom: int = 1) -> QImage:
    canvas = view.canvas
    image = QImage(canvas.width() * zoom, canvas.height() * zoom, QImage.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.scale(zoom, zoom)
    canvas.render(painter, QPoint())
    painter.end()
    return image


def _line_x(view: GanttView) -> int:
    return int(view.scale.x_of(date(2030, 1, 31)) + 8)  # out of row 0's bar end by a stub, then down


def _rows_middles(view: GanttView, zoom: int = 1) -> list[int]:
    rh, top = view.style.row_height, view.style.header_height
    return [int(zoom * (top + (r + 0.5) * rh)) for r in range(int((view.canvas.height() - top) / rh) - 1)]


def test_a_connector_through_all_the_rows_shown_is_a_light_line_from_top_to_bottom(view):
    image = _painted(view)
    x = _line_x(view)
    top, bottom = view.style.header_height, view.canvas.height()
    for y in range(top + 1, bottom - 1):
        line, beside = QColor(image.pixel(x, y)), QColor(image.pixel(x + 3, y))
        assert line.lightness() < beside.lightness()  # it is there, all the way down
        assert line.lightness() > LINK.lightness() + 60  # and far lighter than a connector ending in view
    assert all(image.pixel(x + dx, (top + bottom) // 2) != image.pixel(x, (top + bottom) // 2) for dx in (-3, 3))


@pytest.mark.parametrize("zoom", [1, 2])
def test_the_bars_a_passing_connector_crosses_stay_whole(crossed, zoom):
    """The same on the window and painted at twice the size (as an export at a higher resolution)."""
    image = _painted(crossed, zoom)
    x = zoom * _line_x(crossed)
    bar_end = zoom * crossed.scale.x_of(date(2030, 3, 15))
    assert bar_end - x > 10 * zoom  # the bars run well past the line
    for y in _rows_middles(crossed, zoom):
        assert image.pixel(x, y) == image.pixel(int((x + bar_end) / 2), y)  # the bar's own colour


def test_painted_at_twice_the_size_the_light_line_is_there_at_twice_the_place(view):
    image = _painted(view, zoom=2)
    x = 2 * _line_x(view)
    for y in range(2 * view.style.header_height + 4, 2 * view.canvas.height() - 4, 37):
        line, beside = QColor(image.pixel(x, y)), QColor(image.pixel(x + 8, y))
        assert line.lightness() < beside.lightness() and line.lightness() > LINK.lightness() + 60


def test_a_page_of_middle_rows_in_an_export_has_no_dark_line_through_its_rows(qtbot):
    """A PDF page of rows 20-30 (painted scaled, as the PDF writer does): the connector from row
    0 to row 61 passes through them all, and shows there as a light line only."""
    from ilrs_planner.engine.cpm import schedule
    from ilrs_planner.qt.gantt.export_layout import TimelinePicture
    from ilrs_planner.qt.gantt.export_writers import READABLE_ROW_HEIGHT

    project = _plan(date(2030, 1, 15))  # to 2041: row 61's bar (2040), so the link, is in the picture
    picture = TimelinePicture(project, schedule(project), date(2029, 12, 1), date(2041, 1, 1),
                              milestones_only=False, title=None, baseline=None)
    width, height, zoom = 1280.0, 905.0, 2
    style = picture._style(READABLE_ROW_HEIGHT * 0.9, width)
    image = QImage(int(width * zoom), int(height * zoom), QImage.Format_RGB32)
    painter = QPainter(image)
    painter.scale(zoom, zoom)
    picture.paint(painter, width, height, style, (20, 31))
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    rgb = pixels[:, :image.width(), :3].astype(int)
    dark = (rgb.max(axis=2) + rgb.min(axis=2)) / 2 <= LINK.lightness() + 30  # HSL lightness
    longest = 0
    for column in dark.T:  # the longest upright run of dark pixels
        edges = np.flatnonzero(np.diff(np.concatenate([[0], column.astype(np.int8), [0]])))
        longest = max(longest, int((edges[1::2] - edges[::2]).max(initial=0)))
    assert longest < 3 * style.row_height * zoom  # text and short ticks only, no line down the rows
