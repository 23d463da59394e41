"""Dates typed into the task table as planners write them: month names, slashes, dots."""

from __future__ import annotations

from gestures import click_cell, type_text
from PySide6.QtWidgets import QMessageBox

from ilrs_planner.qt.models.task_columns import Column


def cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_a_start_typed_with_a_month_name_moves_the_task_there(qtbot, window):
    click_cell(window.tree, "b", Column.START)
    type_text(window.tree, "15 Jun 2031")
    assert cell(window, "b", Column.START) == "2031-06-15"


def test_a_month_typed_by_name_is_kept_to_the_month(qtbot, window):
    click_cell(window.tree, "b", Column.START)
    type_text(window.tree, "June 2031")
    assert cell(window, "b", Column.START) == "2031-06"


def test_a_finish_typed_day_first_with_slashes_sets_the_last_day(qtbot, window):
    click_cell(window.tree, "c", Column.FINISH)
    type_text(window.tree, "25/12/2030")
    assert cell(window, "c", Column.FINISH) == "2030-12-25"


def test_a_date_that_reads_two_ways_is_refused_with_both_readings(qtbot, window):
    before = cell(window, "b", Column.START)
    click_cell(window.tree, "b", Column.START)
    type_text(window.tree, "03/04/2031")
    (box,) = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert "3 April 2031 or 4 March 2031" in box.text()
    box.close()
    assert cell(window, "b", Column.START) == before
