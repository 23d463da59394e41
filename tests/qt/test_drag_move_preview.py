"""Moving a bar on a Monday-to-Thursday week: the dates shown while dragging are the dates the drop
gives, as the table then reads them (the start on the next working day, the duration counted on the
calendar from there), not the old span shifted by the days dragged."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from ilrs_planner.domain import Calendar, ConstraintType, Project, Task
from ilrs_planner.domain.calendar import CalendarException
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

MONDAY_TO_THURSDAY = (True,) * 4 + (False,) * 3


@pytest.fixture
def window(qtbot):
    project = Project("Work package", date(2027, 1, 4))
    holiday = CalendarException("Holiday", date(2027, 1, 14), date(2027, 1, 14))
    project.default_calendar_id = project.add_calendar(Calendar("Mon-Thu", MONDAY_TO_THURSDAY, [holiday])).id
    # Procure: 4 d from Tue 12 Jan: Tue 12, Wed 13, (Thu 14 off, Fri-Sun off) Mon 18, Tue 19.
    project.add_task(Task("P", "Procure parts", 4, id="p", position=0, constraint=ConstraintType.SNET,
                          constraint_date=date(2027, 1, 12)))
    # Integrate: 2 d from Thu 21 Jan: Thu 21, (Fri-Sun off) Mon 25.
    project.add_task(Task("I", "Integrate", 2, id="i", position=1, constraint=ConstraintType.SNET,
                          constraint_date=date(2027, 1, 21)))
    win = MainWindow(Document(project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.resize(1400, 600)
    win.show()
    qtbot.waitExposed(win)
    win.gantt.zoom_to_range(date(2027, 1, 1), date(2027, 2, 8))
    return win


def _point(window, task_id: str, day: date) -> QPoint:
    gantt = window.gantt
    row = gantt.rows().index(task_id)
    y = gantt.style.header_height + (row + 0.5) * gantt.style.row_height - gantt.vertical_offset
    return QPoint(round(gantt.scale.x_of(day) + gantt.scale.px_per_day / 2), round(y))


def _drag(window, task_id: str, grab: date, days: int) -> str:
    """Drag the bar by `days` calendar days, read the preview's label while held, then drop."""
    shown: list[str] = []
    window.gantt.dragDates.connect(shown.append)
    canvas = window.gantt.canvas
    start = _point(window, task_id, grab)
    assert canvas.hit_at(start).kind == "bar"
    to = start + QPoint(round(days * window.gantt.scale.px_per_day), 0)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        QTest.mouseMove(canvas, start + (to - start) * step / 4)
    canvas.repaint()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to)
    window.gantt.dragDates.disconnect(shown.append)
    return shown[-1]


def _cells(window, task_id: str) -> str:
    def cell(column: Column) -> str:
        return window.tree.proxy_index(task_id, int(column)).data()
    return f"{cell(Column.START)} – {cell(Column.FINISH)} ({cell(Column.DURATION)})"


def test_a_two_day_task_moved_over_a_weekend_previews_the_days_it_lands_on(window):
    assert _cells(window, "i") == "2027-01-21 – 2027-01-25 (2 d)"
    # Five days on from Thu 21: Tue 26; two working days: Tue 26, Wed 27 (not 26-30, a Saturday).
    preview = _drag(window, "i", date(2027, 1, 22), 5)
    assert preview == "2027-01-26 – 2027-01-27 (2 d)"
    assert _cells(window, "i") == "2027-01-26 – 2027-01-27 (2 d)"


def test_a_start_dropped_on_a_day_off_previews_the_next_working_day(window):
    # One day on from Thu 21 is Fri 22, off: the start is Mon 25, then Tue 26.
    preview = _drag(window, "i", date(2027, 1, 22), 1)
    assert preview == "2027-01-25 – 2027-01-26 (2 d)"
    assert _cells(window, "i") == preview


def test_a_task_moved_off_a_holiday_previews_its_days_on_the_calendar(window):
    assert _cells(window, "p") == "2027-01-12 – 2027-01-19 (4 d)"
    # A week on: Tue 19, Wed 20, Thu 21, Mon 25 (4 d; the old span shifted read 19-26, 5 d).
    preview = _drag(window, "p", date(2027, 1, 13), 7)
    assert preview == "2027-01-19 – 2027-01-25 (4 d)"
    assert _cells(window, "p") == preview
