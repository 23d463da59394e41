"""A refused cell entry, as in MS Project: one box per refusal, whichever key left the cell, the cell
kept open on what was typed, and the box says how to leave it (Esc cancels the typing)."""

from __future__ import annotations

import pytest
from gestures import click_cell, type_keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from ilrs_planner.qt.models.task_columns import Column


def boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def back_in_the_cell(qtbot, window) -> QLineEdit:
    window.activateWindow()  # the box closed: the window system gives the window back its focus
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=10_000)
    return QApplication.focusWidget()


@pytest.mark.parametrize("column, typed", [(Column.DURATION, "abc"), (Column.PREDECESSORS, "12SS"),
                                           (Column.START, "31/02/2031")])
@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_one_bad_entry_gives_one_box_saying_esc_cancels(qtbot, window, column, typed, key):
    click_cell(window.tree, "b", column)
    type_keys(window.tree, typed)
    QTest.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: len(boxes(window)) > 0, timeout=10_000)
    QApplication.processEvents()
    (box,) = boxes(window)
    assert "Esc" in box.text()
    box.close()
    editor = back_in_the_cell(qtbot, window)
    assert editor.text() == typed
    QApplication.processEvents()
    assert not boxes(window)


def test_after_the_box_a_click_elsewhere_refuses_once_and_esc_leaves_the_cell(qtbot, window):
    before = window.document.project.tasks["b"].duration
    click_cell(window.tree, "b", Column.DURATION)
    type_keys(window.tree, "abc")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(boxes(window)) > 0, timeout=10_000)
    boxes(window)[0].close()
    back_in_the_cell(qtbot, window)
    QApplication.processEvents()
    assert not boxes(window)
    click_cell(window.tree, "c", Column.NAME)  # the planner clicks away: said again, once
    qtbot.waitUntil(lambda: len(boxes(window)) > 0, timeout=10_000)
    QApplication.processEvents()
    assert len(boxes(window)) == 1
    boxes(window)[0].close()
    editor = back_in_the_cell(qtbot, window)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert window.document.project.tasks["b"].duration == before
    assert not boxes(window)
