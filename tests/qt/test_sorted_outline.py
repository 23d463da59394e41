"""While the table is sorted by a column other than ID, the outline commands (Insert, Add milestone,
Indent, Outdent, Move up and down) are disabled, saying why, as in MS Project: they act on the
outline order, which a sorted table does not show, so their result could not be seen."""

from __future__ import annotations

from gestures import click_cell, press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from ilrs_planner.qt.models.task_columns import Column


def click_header(window, column: Column) -> None:
    header = window.tree.horizontalHeader()
    x = header.sectionViewportPosition(int(column)) + header.sectionSize(int(column)) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def outline_actions(window):
    edit = window.edit
    return [edit.add_task, edit.add_milestone, edit.indent, edit.outdent, edit.move_up, edit.move_down]


def test_sorted_by_duration_the_outline_commands_are_disabled_saying_why(qtbot, window):
    click_cell(window.tree, "c", Column.NAME)
    window.tree.scrollTo(window.tree.proxy_index("c", int(Column.DURATION)))
    click_header(window, Column.DURATION)
    reason = "Sorted by Duration: outline commands work in outline order — click the ID header to return to it"
    assert window.statusBar().currentMessage() == reason
    assert not any(action.isEnabled() for action in outline_actions(window))
    assert window.edit.move_up.toolTip() == reason
    steps = window.document.undo_stack.count()
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Alt+Shift+Up")
    press(window.tree, "Insert")
    assert window.document.undo_stack.count() == steps  # nothing done out of sight
    window.tree.scrollTo(window.tree.proxy_index("c", int(Column.ID)))
    click_header(window, Column.ID)  # back to outline order
    assert all(action.isEnabled() for action in outline_actions(window))
    assert window.edit.move_up.toolTip().startswith("Move up")
    press(window.tree, "Alt+Shift+Up")
    assert window.document.undo_stack.count() == steps + 1
