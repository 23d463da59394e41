"""Dragging the end of a task under way at the status date lands its last day of work where it is
dropped: its remaining work runs from the status date (Primavera P6's rule, as the schedule and the
what-if's "finish on" count it), so the duration the drop gives is the one whose remaining share,
from the status date, ends on that day. Hand-counted on a Monday-to-Friday calendar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from ilrs_planner.domain import Calendar, Confidence, Precision, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.gantt import GanttView
from ilrs_planner.qt.gantt.drag import drag_dates_text

STATUS = date(2027, 1, 18)  # a Monday


def _plan() -> Project:
    """A: 20 working days from Monday 4 January 2027, started then and 25 % done at the status date.
    Its 15 days left (ceil 20 x 0.75) run from Monday 18: the 18th-22nd, 25th-29th, 1st-5th February,
    so its last day of work is Friday 5 February."""
    project = Project("Under way", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    project.status_date = STATUS
    project.add_task(Task("A", "Task A", 20, id="a", position=0, actual_start=date(2027, 1, 4), percent_complete=25,
                          source_url="https://example.org/contract"))
    return project


@pytest.fixture
def view(gantt_on):
    return gantt_on(_plan(), (1000, 300), date(2027, 1, 1), date(2027, 3, 1))


def _at(view: GanttView, day: date) -> QPoint:
    y = view.style.header_height + view.style.row_height / 2 - view.vertical_offset
    return QPoint(round(view.scale.x_of(day)), round(y))


def _drag_end(view: GanttView, qtbot, drop: date) -> str:
    """Drag the bar's end handle (Friday 5 February's end) to the start of `drop`; the tag's text."""
    canvas = view.canvas
    end = _at(view, date(2027, 2, 6)) - QPoint(2, 0)
    assert canvas.hit_at(end).kind == "bar_end"
    target = _at(view, drop)
    qtbot.mousePress(canvas, Qt.LeftButton, pos=end)
    for i in range(1, 5):
        qtbot.mouseMove(canvas, end + (target - end) * i / 4)
    text = drag_dates_text(canvas.drag, date(2027, 1, 4), date(2027, 2, 6), view.document)
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=target)
    return text


def test_the_finish_of_a_task_under_way_lands_on_the_day_it_is_dropped(view, qtbot):
    document = view.document
    assert document.schedule.tasks["a"].shown_finish == date(2027, 2, 5)
    # Dropped at the end of Friday 12 February: 20 working days left from Monday 18 January (four
    # weeks), which at 25 % done is a duration of 26 (ceil 26 x 0.75 = 20). Counted from its start,
    # 30 days, its 23 days left ran to Wednesday 17 February.
    assert _drag_end(view, qtbot, date(2027, 2, 13)) == "2027-01-04 – 2027-02-12 (26 d)"
    task, dates = document.project.tasks["a"], document.schedule.tasks["a"]
    assert task.duration == 26 and (dates.shown_start, dates.shown_finish) == (date(2027, 1, 4), date(2027, 2, 12))
    # A date the planner set, as a Finish typed: known to the day, and no longer the contract's.
    assert (task.precision, task.confidence) == (Precision.DAY, Confidence.ASSUMPTION)
    document.undo_stack.undo()
    assert (task.duration, task.confidence) == (20, None)  # one undo step
    assert document.schedule.tasks["a"].shown_finish == date(2027, 2, 5)


def test_a_finish_dropped_before_the_status_date_is_refused_and_nothing_changes(view, qtbot):
    refused = []
    view.document.refused.connect(lambda error, _initiator: refused.append(error))
    text = _drag_end(view, qtbot, date(2027, 1, 14))  # the end of Wednesday 13 January
    assert "cannot finish before it, on 2027-01-13" in text
    assert [error.code for error in refused] == ["task.bad_value"]
    assert view.document.project.tasks["a"].duration == 20 and view.document.undo_stack.count() == 0
