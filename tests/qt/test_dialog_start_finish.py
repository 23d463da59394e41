"""The task dialog's Start and Finish, as MS Project's Task Information has them: shown as the table
shows the task, typed as the table's Start and Finish cells take them, one undo step with the rest.

The small plan works every day: A (ID 2) runs 2030-01-01 to 01-10, B (ID 3) after it from 01-11
for 20 days to 01-30, C (ID 4) after B from 01-31 for 30 days to 03-01; Phase (ID 1) spans them."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, press, shown_dialog
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ilrs_planner.domain import ConstraintType
from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def details_of(qtbot, window, task_id: str) -> TaskDialog:
    """Click the task's name and press Ctrl+I, as a planner opens Task Information."""
    click_cell(window.tree, task_id, Column.NAME)
    press(window.tree, "Ctrl+I")
    return shown_dialog(qtbot, TaskDialog)


def type_into_field(dialog: TaskDialog, letter: Qt.Key, text: str) -> None:
    """Alt+letter to the field, select what it holds, type over it."""
    QTest.keyClick(dialog, letter, Qt.KeyboardModifier.AltModifier)
    field = dialog.focusWidget()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)


def press_enter(qtbot, window, dialog: TaskDialog) -> None:
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # OK is the dialog's default button
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitActive(window)


def cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_the_dialog_shows_the_start_and_finish_the_table_shows(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    assert (dialog.ui.start_edit.text(), dialog.ui.finish_edit.text()) == ("2030-01-31", "2030-03-01")
    dialog.reject()


def test_a_start_typed_in_the_dialog_is_a_start_no_earlier_than_in_one_undo_step(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    type_into_field(dialog, Qt.Key.Key_S, "2030-02-10")
    press_enter(qtbot, window, dialog)
    task = window.document.project.tasks["c"]
    assert (task.constraint, task.constraint_date) == (ConstraintType.SNET, date(2030, 2, 10))
    assert (cell(window, "c", Column.START), cell(window, "c", Column.FINISH)) == ("2030-02-10", "2030-03-11")
    assert window.document.undo_stack.count() == 1
    press(window.tree, "Ctrl+Z")
    assert (cell(window, "c", Column.START), task.constraint) == ("2030-01-31", ConstraintType.ASAP)


def test_a_finish_typed_in_the_dialog_makes_it_the_last_day_of_work(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    type_into_field(dialog, Qt.Key.Key_F, "2030-03-10")
    press_enter(qtbot, window, dialog)
    assert (cell(window, "c", Column.FINISH), window.document.project.tasks["c"].duration) == ("2030-03-10", 39)


def test_a_start_and_finish_typed_together_are_the_span_typed(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    type_into_field(dialog, Qt.Key.Key_S, "2030-04-01")
    type_into_field(dialog, Qt.Key.Key_F, "2030-04-10")
    press_enter(qtbot, window, dialog)
    assert (cell(window, "c", Column.START), cell(window, "c", Column.FINISH)) == ("2030-04-01", "2030-04-10")
    assert window.document.project.tasks["c"].duration == 10 and window.document.undo_stack.count() == 1


def test_a_start_a_link_holds_later_is_said_in_the_status_bar(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    type_into_field(dialog, Qt.Key.Key_S, "2030-01-20")
    press_enter(qtbot, window, dialog)
    assert cell(window, "c", Column.START) == "2030-01-31"
    assert window.statusBar().currentMessage() == \
        "Start of 4 'Task C' held at 2030-01-31 by 3 'Task B'; Start No Earlier Than 2030-01-20 kept"


def test_a_start_typed_with_another_constraint_chosen_is_refused_naming_both(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    dialog.ui.tabs.setCurrentWidget(dialog.ui.dates_tab)
    combo = dialog.ui.constraint_combo
    combo.setCurrentIndex(combo.findData("MSO"))
    dialog.ui.constraint_date_edit.setText("2030-05-01")
    dialog.ui.tabs.setCurrentWidget(dialog.ui.general_tab)
    type_into_field(dialog, Qt.Key.Key_S, "2030-02-10")
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.start_edit
    assert "Start: a Start typed becomes a Start No Earlier Than" in dialog.ui.error_label.text()
    assert window.document.undo_stack.count() == 0
    dialog.reject()


def test_a_summary_s_start_and_finish_are_its_sub_tasks(qtbot, window):
    dialog = details_of(qtbot, window, "ph")
    assert dialog.ui.start_edit.text() == "2030-01-01" and not dialog.ui.start_edit.isEnabled()
    assert not dialog.ui.finish_edit.isEnabled()
    dialog.reject()
