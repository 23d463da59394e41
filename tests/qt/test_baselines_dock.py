"""The Baselines dock as a planner meets it: every column title read whole at the window's usual
sizes, and Ctrl+Shift+B puts the keys in the new baseline's name, ready to type."""

from __future__ import annotations

import pytest
from gestures import press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit


@pytest.mark.parametrize("size", [(800, 600), (1600, 900)])
def test_every_column_title_of_the_baselines_dock_is_read_whole(qtbot, window, size):
    window.resize(*size)
    window.analysis.show("baselines")
    header = window.analysis.baselines.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.isVisible() and header.width() > 0)
    model = header.model()
    for column in range(header.count()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        # the width the title needs, with the header's margins, is the width it was given at least
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), title


def test_ctrl_shift_b_then_typing_a_name_and_enter_captures_a_baseline(qtbot, window):
    window.tree.setFocus()
    press(window.tree, "Ctrl+Shift+B")
    panel = window.analysis.baselines
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.name_edit)
    typed_into = QApplication.focusWidget()  # no click: the keys go where the shortcut put them
    QTest.keyClicks(typed_into, "Noon review")
    QTest.keyClick(typed_into, Qt.Key.Key_Return)
    assert [b.name for b in window.document.project.baselines][-1] == "Noon review"


def test_a_baseline_captured_without_a_name_is_named_by_its_number(qtbot, window):
    window.tree.setFocus()
    press(window.tree, "Ctrl+Shift+B")
    panel = window.analysis.baselines
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.name_edit)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # no name typed
    QTest.keyClicks(panel.name_edit, "   ")
    QTest.keyClick(panel.name_edit, Qt.Key.Key_Return)  # only spaces: no name either
    names = [b.name for b in window.document.project.baselines]
    assert names == ["2021 roadmap", "Baseline 2", "Baseline 3"]  # the plan held one already
    assert "needs" not in panel.message.text()


def test_renaming_a_baseline_to_nothing_says_why_once_and_keeps_its_name(qtbot, window):
    window.analysis.show("baselines")
    panel = window.analysis.baselines
    table = panel.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() == 1)
    rect = table.visualItemRect(table.item(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and table.isAncestorOf(QApplication.focusWidget()))
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # the delegate commits queued
    text = panel.message.text()
    assert text.lower().count("needs") == 1, text  # the reason, said once
    assert "'2021 roadmap' keeps its name" in text
    assert table.item(0, 0).text() == "2021 roadmap" == window.document.project.baselines[0].name
    assert window.document.undo_stack.count() == 0


def test_a_name_taken_says_so_once_and_the_message_goes_when_another_plan_opens(qtbot, window):
    window.analysis.show("baselines")
    panel = window.analysis.baselines
    qtbot.waitUntil(lambda: panel.name_edit.isVisible())
    QTest.keyClicks(panel.name_edit, "2021 roadmap")  # the plan's baseline is named so already
    QTest.keyClick(panel.name_edit, Qt.Key.Key_Return)
    text = panel.message.text()
    assert text.count("already exists") == 1 and text.count("2021 roadmap") == 1, text
    assert len(window.document.project.baselines) == 1
    window.document.mark_saved()  # nothing to ask about before the new plan
    window.files.new.trigger()
    assert window.document.project.baselines == [] and panel.message.text() == ""
