"""File → Export image… from the keyboard alone: each field has an Alt+letter of its own that puts
the cursor in it (two fields both answered Alt+F, and From, To and the other boxes had none)."""

from __future__ import annotations

import re

import pytest
from gestures import press, shown_dialog
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel

from ilrs_planner.qt.dialogs.export_dialog import ExportDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def dialog(qtbot, window):
    """The export dialog opened by Ctrl+E from the table, as the planner opens it, with its keys."""
    press(window.tree, "Ctrl+E")
    shown = shown_dialog(qtbot, ExportDialog)
    yield shown
    shown.reject()


def _letters(dialog: ExportDialog) -> list[str]:
    """The Alt+letters written on the dialog's labels and buttons, one per place it is written."""
    texts = [widget.text() for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
             if widget.isVisibleTo(dialog)]
    return [match.group(1).lower() for text in texts if (match := re.search(r"&([^&])", text))]


def test_no_alt_letter_is_written_twice(dialog):
    letters = _letters(dialog)
    assert len(letters) == len(set(letters)), sorted(letters)


@pytest.mark.parametrize("key, field", [
    (Qt.Key.Key_O, "format_combo"), (Qt.Key.Key_F, "path_edit"), (Qt.Key.Key_S, "by_size"),
    (Qt.Key.Key_R, "by_dpi"), (Qt.Key.Key_M, "from_edit"), (Qt.Key.Key_T, "to_edit"),
    (Qt.Key.Key_L, "milestones_only"), (Qt.Key.Key_I, "title_edit"),
])
def test_alt_letter_puts_the_cursor_in_its_field(dialog, key, field):
    (dialog.path_edit if field == "title_edit" else dialog.title_edit).setFocus()  # the cursor elsewhere
    QTest.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is getattr(dialog, field)


def test_typing_a_date_range_from_the_keyboard_exports_it(dialog):
    QTest.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(dialog.focusWidget(), "2029")
    QTest.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(dialog.focusWidget(), "2031")
    assert (dialog.from_edit.text(), dialog.to_edit.text()) == ("2029", "2031")
