"""Delete on a summary takes its sub-tasks with it, as in MS Project; MS Project asks first, here the
deletion is one undo step and the status bar says how many tasks went (it said nothing while a whole
phase disappeared)."""

from __future__ import annotations

from gestures import click_cell, press
from PySide6.QtCore import Qt

from ilrs_planner.qt.models.task_columns import Column


def test_deleting_a_summary_says_its_sub_tasks_went_with_it(qtbot, window):
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Del")
    assert set(window.document.project.tasks) == {"m"}
    assert window.statusBar().currentMessage() == "Deleted 'Phase' and its 3 sub-tasks (Ctrl+Z brings them back)"
    press(window.tree, "Ctrl+Z")
    assert set(window.document.project.tasks) == {"ph", "a", "b", "c", "m"}


def test_deleting_several_rows_with_a_summary_counts_the_sub_tasks(qtbot, window):
    click_cell(window.tree, "ph", Column.NAME)
    click_cell(window.tree, "m", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(window.tree, "Del")
    assert window.document.project.tasks == {}
    assert window.statusBar().currentMessage() == ("Deleted 2 tasks and the 3 sub-tasks under them "
                                                   "(Ctrl+Z brings them back)")


def test_deleting_a_task_with_nothing_under_it_says_nothing_more(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Del")
    assert "b" not in window.document.project.tasks
    assert "sub-task" not in window.statusBar().currentMessage()
