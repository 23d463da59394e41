"""Esc while a task just added is being named takes the add back, as Esc in MS Project's new row
adds nothing: no task, no undo step, the selection where it was."""

from __future__ import annotations

import pytest
from gestures import click_cell, press, type_keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt.models.task_columns import Column


def names(window) -> list[str]:
    return [task.name for task, _depth in window.document.project.walk()]


@pytest.mark.parametrize("keys, typed", [("Ctrl+M", ""), ("Insert", ""), ("Insert", "Desi")])
def test_esc_on_a_task_just_added_adds_nothing(qtbot, window, keys, typed):
    before, steps = names(window), window.document.undo_stack.count()
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, keys)
    assert len(names(window)) == len(before) + 1
    type_keys(window.tree, typed)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert names(window) == before
    assert window.document.undo_stack.count() == steps  # nothing to undo, nothing to redo
    assert not window.edit.redo.isEnabled()
    assert window.document.selected_ids == ["b"]
    assert window.tree.currentIndex().row() == window.tree.proxy_index("b").row()


def test_esc_after_the_name_was_entered_only_leaves_the_cell(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Insert")
    type_text(window.tree, "Design")
    QTest.keyClick(window.tree.viewport(), Qt.Key.Key_F2)  # the name opened again, then left alone
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert "Design" in names(window)
    assert window.document.undo_stack.undoText() == "Add task 'Design'"
