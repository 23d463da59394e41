"""A dialog's table from the keyboard: Tab goes from cell to cell and, from the last, on to the buttons,
so a make-up weekend is typed, ticked worked and saved without the mouse, and Update progress reaches
OK. (Tab went round the table's cells for ever: the keyboard never reached Add exception or OK again.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from test_calendar_editor import click, open_calendar_editor, type_in
from test_progress_dialog import open_from_menu, type_status_date

from ilrs_planner.qt.sharing.merge_dialog import ConflictDialog
from ilrs_planner.sharing.merge_parts import Conflict


def key(widget_or_none, dialog, which, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget_or_none or dialog, which, modifier)
    QApplication.processEvents()


def test_a_worked_weekend_typed_ticked_and_saved_with_tab_space_and_no_mouse(qtbot, window):
    dialog = open_calendar_editor(qtbot, window)
    ui = dialog.ui
    click(qtbot, ui.add_calendar_button)
    type_in(qtbot, dialog, "Launch campaign")
    click(qtbot, ui.add_exception_button)  # its name cell open for typing
    type_in(qtbot, dialog, "Campaign weekend", then=Qt.Key.Key_Tab)
    type_in(qtbot, dialog, "2030-01-12", then=Qt.Key.Key_Tab)
    type_in(qtbot, dialog, "2030-01-13", then=Qt.Key.Key_Tab)  # on to the Worked box
    key(QApplication.focusWidget(), dialog, Qt.Key.Key_Space)
    assert ui.exceptions_table.item(0, 3).checkState() == Qt.CheckState.Checked
    key(QApplication.focusWidget(), dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.add_exception_button  # out of the table, on to its buttons
    ok = ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
    for _ in range(6):
        if QApplication.focusWidget() is ok:
            break
        key(QApplication.focusWidget(), dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ok
    key(ok, dialog, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    calendar = next(c for c in window.document.project.calendars.values() if c.name == "Launch campaign")
    assert [(e.name, str(e.start), str(e.finish), e.working) for e in calendar.exceptions] == [
        ("Campaign weekend", "2030-01-12", "2030-01-13", True)]


def test_shift_tab_from_the_first_cell_goes_back_out_of_the_table(qtbot, window):
    dialog = open_calendar_editor(qtbot, window)
    ui = dialog.ui
    click(qtbot, ui.add_calendar_button)
    click(qtbot, ui.add_exception_button)
    type_in(qtbot, dialog, "Holiday", then=Qt.Key.Key_Return)
    ui.exceptions_table.setCurrentCell(0, 0)
    key(ui.exceptions_table, dialog, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is ui.sun_check  # the field before the table


def test_tab_from_the_last_progress_row_goes_on_to_ok(qtbot, window):
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-03-01")  # A, B and C are due by then
    table = dialog.table
    assert table.rowCount() > 0
    table.setFocus()
    table.setCurrentCell(table.rowCount() - 1, table.columnCount() - 1)
    key(table, dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.reject()


def test_tab_goes_through_each_merge_conflicts_choice_on_to_merge(qtbot):
    conflicts = [Conflict("task", f"t{row}", f"T{row}", "name", "base", "ours", "theirs", "both renamed it")
                 for row in range(2)]
    dialog = ConflictDialog(conflicts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(1, 2)
    reached = []
    for _ in range(6):
        key(QApplication.focusWidget(), dialog, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    merge = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert reached[:2] == dialog.combos and merge in reached
