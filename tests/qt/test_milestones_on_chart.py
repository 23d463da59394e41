"""Milestones on the chart at day zoom. Dragging one at the end of a day (after a task ending Friday,
shown Friday, as in MS Project): the dates shown while dragging and the day it lands on count from
the day it is shown on. A hollow diamond met by a link's arrow keeps all four edges."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from ilrs_planner.domain import Calendar, Link, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow


@pytest.fixture
def friday_window(qtbot):
    project = Project("Milestones", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    work = project.add_task(Task("work", "Ends Friday", 5, position=0, id="work"))  # Monday 4 to Friday 8
    project.add_task(Task("done", "Handover", 0, position=1, id="done"))
    project.add_link(Link(work.id, "done"))
    win = MainWindow(Document(project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.resize(1300, 700)
    win.show()
    qtbot.waitExposed(win)
    win.gantt.zoom_to_range(date(2026, 12, 28), date(2027, 1, 31))
    return win


def diamond_point(window, task_id: str) -> QPoint:
    gantt = window.gantt
    x = gantt.scale.x_of(gantt.shown_dates(task_id)[0])
    row = gantt.rows().index(task_id)
    y = gantt.style.header_height + row * gantt.style.row_height + gantt.style.row_height / 2 - gantt.vertical_offset
    return QPoint(int(round(x)), int(y))


def test_dragging_a_friday_milestone_three_days_on_shows_and_lands_on_monday(qtbot, friday_window):
    window = friday_window
    assert window.document.schedule.tasks["done"].shown_finish == date(2027, 1, 8)
    shown: list[str] = []
    window.gantt.dragDates.connect(shown.append)
    canvas = window.gantt.canvas
    start = diamond_point(window, "done")
    assert canvas.hit_at(start).kind == "milestone"
    to = start + QPoint(int(round(3 * window.gantt.scale.px_per_day)), 0)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(canvas, to)
    canvas.repaint()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to)
    assert shown and shown[-1].startswith("2027-01-11 – 2027-01-11")  # Friday 8 + 3 days: Monday 11
    assert window.document.project.tasks["done"].constraint_date == date(2027, 1, 11)
    assert window.document.schedule.tasks["done"].shown_finish == date(2027, 1, 11)


def _outline_pixels(window, task_id: str) -> tuple[QColor, QColor]:
    """The chart's colour halfway along a milestone diamond's upper-left and upper-right edges."""
    canvas = window.gantt.canvas
    image = canvas.grab().toImage()
    layer = canvas.scene.milestones
    i = [canvas.scene.task_ids[row] for row in layer.rows.tolist()].index(task_id)
    x = float(layer.x0[i])
    yc = (float(layer.y0[i]) + float(layer.y1[i])) / 2 + window.gantt.style.header_height - window.gantt.vertical_offset
    half = window.gantt.style.row_height * 0.3
    return (image.pixelColor(int(round(x - half / 2)), int(round(yc - half / 2))),
            image.pixelColor(int(round(x + half / 2)), int(round(yc - half / 2))))


def test_a_hollow_diamond_met_by_a_links_arrow_keeps_every_edge_at_day_zoom(friday_window):
    # The link from "work" ends in an arrow at the diamond's left tip; the diamond is drawn whole over it.
    left, right = _outline_pixels(friday_window, "done")
    assert right.lightness() < 200  # the upper-right edge is drawn ...
    assert left.lightness() < 200 and abs(left.hue() - right.hue()) < 20  # ... and so is the upper-left one
