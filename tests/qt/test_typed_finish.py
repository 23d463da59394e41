"""A Finish typed into the table is the task's last day of work, as in MS Project: on a
Monday-to-Friday plan the duration is the working days up to it, and a task under way, whose work
left runs from the status date, finishes on it too. Hand-counted on the calendar."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from windows import shown_main_window

from ilrs_planner.domain import Calendar, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column


def _plan() -> Project:
    """A: 20 working days from Monday 4 January 2027, 25 % done at the status date, Monday 18 January
    (its 15 days left end on Friday 5 February). B: 5 working days, not started, so from the status date."""
    project = Project("Weekdays", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    project.status_date = date(2027, 1, 18)
    project.add_task(Task("A", "Task A", 20, id="a", position=0, actual_start=date(2027, 1, 4), percent_complete=25))
    project.add_task(Task("B", "Task B", 5, id="b", position=1))
    return project


@pytest.fixture
def window(qtbot):
    return shown_main_window(qtbot, Document(_plan()))


def _finish(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.FINISH)).data()


def test_a_finish_typed_on_a_weekday_plan_is_the_last_day_of_work(qtbot, window):
    assert _finish(window, "b") == "2027-01-22"
    click_cell(window.tree, "b", Column.FINISH)
    type_text(window.tree, "2027-01-29")
    # Monday 18 to Friday 29: 10 working days (its 12 calendar days ran to Tuesday 2 February).
    assert window.document.project.tasks["b"].duration == 10 and _finish(window, "b") == "2027-01-29"


def test_a_finish_typed_for_a_task_under_way_is_its_last_day_of_work(qtbot, window):
    assert _finish(window, "a") == "2027-02-05"
    click_cell(window.tree, "a", Column.FINISH)
    type_text(window.tree, "2027-02-12")
    # 20 working days left from Monday 18 January at 25 % done: a duration of 26 (ceil 26 x 0.75 = 20).
    assert window.document.project.tasks["a"].duration == 26 and _finish(window, "a") == "2027-02-12"
    click_cell(window.tree, "a", Column.FINISH)
    type_text(window.tree, "2027-01-13")  # before the status date: refused, nothing changes
    assert window.document.project.tasks["a"].duration == 26 and window.document.undo_stack.count() == 1
