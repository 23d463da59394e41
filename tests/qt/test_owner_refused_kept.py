"""An owner typed that no participant has is refused as every other cell refuses: the box says the
cell keeps what was typed, and it does. (The Owner cell closed on the refusal, Tab opened Start's
editor instead, and the 'XYZ' the box said was kept was gone.)"""

from __future__ import annotations

import pytest
from gestures import click_cell, type_keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from ilrs_planner.qt.models.task_columns import Column


def boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def owner_editor(window):
    editor = window.tree.indexWidget(window.tree.proxy_index("b", int(Column.OWNER)))
    return editor if isinstance(editor, QComboBox) else None


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_an_unknown_owner_is_refused_and_the_cell_keeps_it_open_for_mending(qtbot, window, key):
    click_cell(window.tree, "b", Column.NAME)
    click_cell(window.tree, "b", Column.OWNER)
    type_keys(window.tree, "XYZ")
    QTest.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: len(boxes(window)) > 0, timeout=10_000)
    QApplication.processEvents()
    (box,) = boxes(window)
    assert "'XYZ' is not a participant of the plan" in box.text() and "keeps what you typed" in box.text()
    box.close()
    window.activateWindow()  # the box closed: the window system gives the window back its focus
    qtbot.waitUntil(lambda: owner_editor(window) is not None, timeout=10_000)
    assert owner_editor(window).currentText() == "XYZ"
    QApplication.processEvents()
    assert not boxes(window)

    editor = owner_editor(window).lineEdit()  # mended: a participant's key, and Enter
    editor.selectAll()
    type_keys(editor, "VE")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.project.tasks["b"].owner_id == "p-ve" and not boxes(window)
