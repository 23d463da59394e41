"""The task dialog's tabs from the keyboard and the mouse, as a planner meets them:
Tab walks the Dates tab from its first field, Task mode, down; Tab leaves the predecessors table for
its buttons; Add predecessor puts the cursor in the new row's task chooser; Tab leaves the notes."""

from __future__ import annotations

import pytest
from gestures import click_cell, press, shown_dialog
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _details_of(qtbot, window, task_id: str) -> TaskDialog:
    """The task's details, opened by Ctrl+I on its row; the dialog active, its keys going to it."""
    click_cell(window.tree, task_id, Column.NAME)
    press(window.tree, "Ctrl+I")
    return shown_dialog(qtbot, TaskDialog)


@pytest.fixture
def details(qtbot, window):
    """Task C's details, as the planner opens them."""
    dialog = _details_of(qtbot, window, "c")
    yield dialog
    dialog.reject()


def _open_tab(dialog: TaskDialog, title: str) -> None:
    """Click the tab's title, as a planner does."""
    bar = dialog.ui.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _tab(dialog: TaskDialog, backwards: bool = False) -> None:
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    QTest.keyClick(dialog.focusWidget(), key)


def test_tab_walks_the_dates_tab_from_task_mode_down(details):
    _open_tab(details, "Dates")
    QTest.keyClick(details, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Task mode, the first field
    assert details.focusWidget() is details.mode_combo
    _tab(details)
    assert details.focusWidget() is details.ui.constraint_combo
    _tab(details, backwards=True)
    assert details.focusWidget() is details.mode_combo


def test_tab_leaves_the_predecessors_table_for_its_buttons(details):
    _open_tab(details, "Links")
    table = details.ui.links_table
    table.cellWidget(table.rowCount() - 1, 2).setFocus()  # the last row's lag
    seen = []
    for _ in range(6):
        _tab(details)
        seen.append(details.focusWidget())
    assert details.ui.add_link_button in seen


def test_add_predecessor_puts_the_cursor_in_the_new_rows_task_chooser(details):
    _open_tab(details, "Links")
    QTest.mouseClick(details.ui.add_link_button, Qt.MouseButton.LeftButton)
    table = details.ui.links_table
    assert details.focusWidget() is table.cellWidget(table.rowCount() - 1, 0)



def test_tab_leaves_the_notes_and_types_no_tab_into_them(details):
    _open_tab(details, "Source and notes")
    notes = details.ui.notes_edit
    QTest.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton, pos=notes.viewport().rect().center())
    QTest.keyClick(notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    before = notes.toPlainText()
    QTest.keyClicks(notes, "Landing site")
    _tab(details)
    assert details.focusWidget() is not notes
    assert notes.toPlainText() == before + "Landing site"


def test_a_predecessor_is_chosen_by_typing_its_id_as_the_predecessors_column_writes_it(qtbot, window):
    """Milestone M is row 5; Task A row 2. Add predecessor, type 2, Enter: A → M is linked."""
    dialog = _details_of(qtbot, window, "m")
    _open_tab(dialog, "Links")
    QTest.mouseClick(dialog.ui.add_link_button, Qt.MouseButton.LeftButton)
    chooser = dialog.focusWidget()
    QTest.keyClick(chooser, Qt.Key.Key_2)
    assert chooser.currentData() == "a" and "Task A" in chooser.currentText()
    QTest.keyClick(chooser, Qt.Key.Key_Return)  # OK is the dialog's default button
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ("a", "m") in {(link.pred_id, link.succ_id) for link in window.document.project.links.values()}


def test_a_predecessor_row_left_unchosen_is_refused_not_linked_to_task_1(qtbot, window):
    """Milestone M: Add predecessor then OK at once linked the plan's first row, Phase, to it."""
    dialog = _details_of(qtbot, window, "m")
    _open_tab(dialog, "Links")
    QTest.mouseClick(dialog.ui.add_link_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # OK, no predecessor chosen
    assert dialog.isVisible() and "choose its predecessor" in dialog.ui.error_label.text()
    assert ("ph", "m") not in {(link.pred_id, link.succ_id) for link in window.document.project.links.values()}
    dialog.reject()
