"""Keys pressed in a dock act on the dock, not on tasks selected out of sight: Delete in the
Baselines table deleted the task selected in the task table, and Ctrl+C copied it. Esc leaves the
find box for the table."""

from __future__ import annotations

from gestures import click_cell, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt.models.task_columns import Column


def click_first_baseline(window):
    window.analysis.show("baselines")
    table = window.analysis.baselines.table
    rect = table.visualItemRect(table.item(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert QApplication.focusWidget() is table
    return table


def test_delete_in_the_baselines_table_leaves_the_selected_task_alone(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    table = click_first_baseline(window)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert "b" in window.document.project.tasks and not window.document.undo_stack.canUndo()


def test_ctrl_c_in_the_baselines_table_copies_its_cell_not_the_task(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    table = click_first_baseline(window)
    press(table, "Ctrl+C")
    assert QApplication.clipboard().text() == "2021 roadmap"


def test_the_task_keys_still_work_in_the_table_and_the_chart(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Ctrl+D")
    assert len(window.document.project.tasks) == 6
    window.gantt.canvas.setFocus()
    press(window.gantt.canvas, "Delete")  # the duplicate, selected after Ctrl+D
    assert sorted(window.document.project.tasks) == ["a", "b", "c", "m", "ph"]


def test_esc_in_the_find_box_goes_back_to_the_table_on_the_task_found(qtbot, window):
    press(window.tree, "Ctrl+F")
    QTest.keyClicks(window.navigate.find_box, "Task B")
    QTest.keyClick(window.navigate.find_box, Qt.Key.Key_Return)
    assert window.document.selected_ids == ["b"]
    QTest.keyClick(window.navigate.find_box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.tree
    press(window.tree, "Delete")
    assert "b" not in window.document.project.tasks


def test_tab_from_the_last_cell_of_a_docks_table_leaves_it(qtbot, window):
    """Tab went round the Baselines table's cells for ever: the keyboard never left the dock's table."""
    table = click_first_baseline(window)
    table.setCurrentCell(table.rowCount() - 1, table.columnCount() - 1)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
