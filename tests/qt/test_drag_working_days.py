"""Stretching a bar on a Monday-to-Friday plan gives it the working days up to where it is dropped,
as the tree's Duration counts them (hand-counted on the calendar)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from ilrs_planner.domain import Calendar, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt import GanttView
from ilrs_planner.qt.gantt.drag import drag_dates_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def view(qtbot):
    project = Project("Weekdays", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    project.add_task(Task("A", "Task A", 5, id="a", position=0))  # Monday 4 to Friday 8 January
    gantt = GanttView(Document(project))
    qtbot.addWidget(gantt)
    gantt.resize(1000, 300)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(date(2027, 1, 1), date(2027, 2, 1))
    return gantt


def _at(view: GanttView, day: date) -> QPoint:
    y = view.style.header_height + view.style.row_height / 2 - view.vertical_offset
    return QPoint(round(view.scale.x_of(day)), round(y))


def test_stretching_a_bar_to_next_friday_gives_it_ten_working_days(view, qtbot):
    canvas = view.canvas
    end = _at(view, date(2027, 1, 9)) - QPoint(2, 0)  # the bar's end handle, Friday 8's end
    assert canvas.hit_at(end).kind == "bar_end"
    drop = _at(view, date(2027, 1, 16))  # the end of Friday 15 (Saturday 16's start)
    qtbot.mousePress(canvas, Qt.LeftButton, pos=end)
    for i in range(1, 5):
        qtbot.mouseMove(canvas, end + (drop - end) * i / 4)
    # The tag over the preview says what the bar becomes, its duration as the tree writes it.
    assert drag_dates_text(canvas.drag, date(2027, 1, 4), date(2027, 1, 9), view.document) == \
        "2027-01-04 – 2027-01-15 (10 d)"
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=drop)
    document = view.document
    dates = document.schedule.tasks["a"]
    # Monday 4 to Friday 15: 10 working days (12 calendar days), ending where it was dropped.
    assert document.project.tasks["a"].duration == 10
    assert (dates.shown_start, dates.shown_finish) == (date(2027, 1, 4), date(2027, 1, 15))
    document.undo_stack.undo()
    assert document.project.tasks["a"].duration == 5  # one undo step


def test_stretching_an_elapsed_bar_reads_its_calendar_days_as_the_tree_does(qtbot):
    """'Cure', 5 elapsed days from Monday 4 (4-8 January), stretched to the end of Sunday 10: the
    calendar days 4 to 10 are 7, written '7 ed' in the drag's tag as in the Duration cell."""
    project = Project("Weekdays", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    project.add_task(Task("C", "Cure", 5, id="a", position=0, elapsed=True))
    gantt = GanttView(Document(project))
    qtbot.addWidget(gantt)
    gantt.resize(1000, 300)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(date(2027, 1, 1), date(2027, 2, 1))
    canvas = gantt.canvas
    end = _at(gantt, date(2027, 1, 9)) - QPoint(2, 0)  # the end handle, Friday 8's end
    assert canvas.hit_at(end).kind == "bar_end"
    drop = _at(gantt, date(2027, 1, 11))  # the end of Sunday 10
    qtbot.mousePress(canvas, Qt.LeftButton, pos=end)
    for i in range(1, 5):
        qtbot.mouseMove(canvas, end + (drop - end) * i / 4)
    assert drag_dates_text(canvas.drag, date(2027, 1, 4), date(2027, 1, 9), gantt.document) == \
        "2027-01-04 – 2027-01-10 (7 ed)"
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=drop)
    assert gantt.document.project.tasks["a"].duration == 7
