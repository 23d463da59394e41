"""Gestures for GUI tests: click a cell, type into what has focus, press a key combination."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt.models.task_columns import Column


def click_cell(tree, task_id: str, column: Column, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Click the middle of a cell, as a person does."""
    index = tree.proxy_index(task_id, int(column))
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def double_click_cell(tree, task_id: str, column: Column) -> None:
    """Double-click the middle of a cell, with the events the window system delivers for one
    (press, release, double-click, release; QTest.mouseDClick does not make the view see one)."""
    centre = QPointF(tree.visualRect(tree.proxy_index(task_id, int(column))).center())
    viewport, left, up = tree.viewport(), Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    kinds = QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick
    for kind, buttons in zip(kinds + kinds[1:2], (left, up, left, up)):
        event = QMouseEvent(kind, centre, viewport.mapToGlobal(centre), left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def type_keys(widget, text: str) -> None:
    """Type each character into whatever has the keyboard focus (an editor opens on the first)."""
    for char in text:
        QTest.keyClick(QApplication.focusWidget() or widget, char)


def type_text(widget, text: str) -> None:
    """Type `text` then press Enter."""
    type_keys(widget, text)
    QTest.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor's text in a queued call


def type_in_cell(tree, task_id: str, column: Column, text: str) -> None:
    """Select the task's row by its name, click the cell, type `text` and press Enter."""
    click_cell(tree, task_id, Column.NAME)
    click_cell(tree, task_id, column)
    type_text(tree, text)


def press(widget, sequence: str) -> None:
    """Press a key combination (e.g. 'Ctrl+Shift+Z') as the keyboard delivers it."""
    QTest.keySequence(QApplication.focusWidget() or widget, QKeySequence(sequence))


def choose_in_combo(window, text: str) -> None:
    """Pick an entry of the filter tool bar's chooser with the keyboard, as from the tool bar."""
    combo = window.filters.combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        QTest.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"no entry {text!r}"


def shown_dialog(qtbot, kind):
    """The dialog of `kind` once it shows, made the active window so that keys pressed go to it,
    not to the window under it."""
    def showing():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)

    qtbot.waitUntil(lambda: showing() is not None)
    dialog = showing()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog
