"""Plan → Update progress…: a person moves the status date, marks tasks done or started, and undoes it in one."""

from __future__ import annotations

import os
from datetime import date

from gestures import click_cell, press, type_keys, type_text
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateEdit, QDialogButtonBox

from ilrs_planner.qt.dialogs.progress_rows import DONE, LAST, PERCENT, START, STARTED
from ilrs_planner.qt.models.task_columns import Column

D = date


def open_from_menu(qtbot, window):
    """Plan → Update progress…, as a person picks it."""
    menu = window.menus["plan"]
    action = next(a for a in menu.actions() if a.text().replace("&", "") == "Update progress…")
    action.trigger()
    dialog = window.plan.progress_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_status_date(dialog, text: str) -> None:
    """Tab into the field (which selects its year) and type the digits, as a person does."""
    edit = dialog.as_of_edit
    dialog.table.setFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    type_keys(edit, text.replace("-", ""))


def row_of(dialog, key: str) -> int:
    return next(row for row, due in enumerate(dialog.due) if due.key == key)


def tick(dialog, row: int, col: int) -> None:
    table = dialog.table
    centre = table.visualItemRect(table.item(row, col)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.keyClick(table.viewport(), Qt.Key.Key_Space)


def type_cell(dialog, row: int, col: int, text: str) -> None:
    table = dialog.table
    centre = table.visualItemRect(table.item(row, col)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(editor, text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor's text in a queued call


def press_ok(dialog) -> None:
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def tree_text(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_update_progress_is_one_step_that_undo_restores(qtbot, window, tmp_path):
    document = window.document
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-20")
    assert dialog.as_of() == D(2030, 1, 20)
    # By 2030-01-20, A (last day 01-10) should have finished and B (from 01-11) started; C and M are later.
    assert [(d.key, d.due) for d in dialog.due] == [("A", "finish"), ("B", "start")]
    a, b = row_of(dialog, "A"), row_of(dialog, "B")
    tick(dialog, a, DONE)
    type_cell(dialog, a, LAST, "2030-01-12")
    type_cell(dialog, b, START, "2030-01-14")  # typing a start ticks Started
    assert dialog.table.item(b, STARTED).checkState() == Qt.CheckState.Checked
    type_cell(dialog, b, PERCENT, "30")
    if os.environ.get("ILRS_PROGRESS_PNG"):
        dialog.grab().save(os.path.join(os.environ["ILRS_PROGRESS_PNG"], "dialog.png"))
    press_ok(dialog)
    assert not dialog.isVisible() and document.undo_stack.count() == 1
    project = document.project
    assert project.status_date == D(2030, 1, 20)
    task_a, task_b = project.tasks["a"], project.tasks["b"]
    assert (task_a.actual_start, task_a.actual_finish, task_a.percent_complete) == (D(2030, 1, 1), D(2030, 1, 13), 100)
    assert (task_b.actual_start, task_b.percent_complete) == (D(2030, 1, 14), 30)
    # B: 6 days done (01-14..01-19), ceil(20 x 0.7) = 14 left from the status date: last day 2030-02-02.
    assert tree_text(window, "b", Column.FINISH) == "2030-02-02"
    assert tree_text(window, "a", Column.FINISH) == "2030-01-12"
    assert document.schedule.tasks["m"].early_start == D(2030, 3, 5)  # C's 30 days follow B
    if os.environ.get("ILRS_PROGRESS_PNG"):
        window.resize(1500, 500)
        window.grab().save(os.path.join(os.environ["ILRS_PROGRESS_PNG"], "window.png"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    press(window.tree, "Ctrl+Z")
    assert document.undo_stack.index() == 0
    assert project.status_date is None
    assert (task_a.actual_start, task_a.actual_finish, task_b.actual_start, task_b.percent_complete) == (
        None, None, None, 0)
    assert tree_text(window, "b", Column.FINISH) == "2030-01-30"
    assert document.schedule.tasks["m"].early_start == D(2030, 3, 2)


def test_a_refused_date_or_typo_is_explained_in_the_dialog_and_nothing_changes(qtbot, window):
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-20")
    b = row_of(dialog, "B")
    type_cell(dialog, b, START, "2030-02-03")
    press_ok(dialog)
    assert dialog.isVisible() and window.document.undo_stack.count() == 0
    assert "'B' cannot have started on 2030-02-03, after the status date 2030-01-20" in dialog.error_label.text()
    type_cell(dialog, b, START, "2030-01-14")
    type_cell(dialog, b, PERCENT, "3o")
    press_ok(dialog)
    assert "B: % complete '3o' is not a whole number from 0 to 100" in dialog.error_label.text()
    assert window.document.project.status_date is None and window.document.undo_stack.count() == 0


def open_date_editor(dialog, row: int, col: int) -> QDateEdit:
    """Double-click a date cell: its editor is a date field with a calendar pop-up."""
    table = dialog.table
    centre = table.visualItemRect(table.item(row, col)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QDateEdit) and editor.calendarPopup()
    return editor


def test_a_date_cell_is_typed_section_by_section_or_stepped_with_the_arrow_keys(qtbot, window):
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-20")
    b = row_of(dialog, "B")
    editor = open_date_editor(dialog, b, START)
    assert editor.date() == QDate(2030, 1, 11)  # opens on the cell's date: B's forecast start
    type_keys(editor, "20300113")  # year, month and day in turn
    QTest.keyClick(editor, Qt.Key.Key_Up)  # the day section steps on: 2030-01-14
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.table.item(b, START).text() == "2030-01-14"
    assert dialog.table.item(b, STARTED).checkState() == Qt.CheckState.Checked


def test_a_last_day_picked_from_the_calendar_is_recorded_and_undone_in_one_step(qtbot, window):
    document = window.document
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-20")
    a = row_of(dialog, "A")
    assert dialog.table.item(a, LAST).text() == "2030-01-10"  # A's forecast last day
    editor = open_date_editor(dialog, a, LAST)
    QTest.mouseClick(editor, Qt.MouseButton.LeftButton, pos=QPoint(editor.width() - 4, editor.height() // 2))
    calendar = editor.calendarWidget()
    assert calendar.isVisible()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Return):  # a week later, a day back: 01-16
        QTest.keyClick(QApplication.focusWidget(), key)
    assert not calendar.isVisible() and editor.date() == QDate(2030, 1, 16)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.table.item(a, LAST).text() == "2030-01-16"
    assert dialog.table.item(a, DONE).checkState() == Qt.CheckState.Checked  # picking a last day ticks Done
    press_ok(dialog)
    task_a = document.project.tasks["a"]
    assert (task_a.actual_finish, document.undo_stack.count()) == (D(2030, 1, 17), 1)  # exclusive: the day after
    assert tree_text(window, "a", Column.FINISH) == "2030-01-16"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    press(window.tree, "Ctrl+Z")
    assert (task_a.actual_finish, document.project.status_date) == (None, None)
    assert tree_text(window, "a", Column.FINISH) == "2030-01-10"


def test_rows_follow_the_status_date_and_keep_what_was_typed(qtbot, window):
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-05")
    assert [d.key for d in dialog.due] == ["A"]  # only A should have started
    type_cell(dialog, 0, START, "2030-01-02")
    type_status_date(dialog, "2030-02-15")
    assert [d.key for d in dialog.due] == ["A", "B", "C"]
    assert dialog.table.item(row_of(dialog, "A"), START).text() == "2030-01-02"
    assert dialog.table.item(row_of(dialog, "A"), STARTED).checkState() == Qt.CheckState.Checked


def test_every_column_fits_an_800_pixel_window_and_a_cut_name_is_whole_in_its_tooltip(qtbot):
    """The reference roadmap at 2029-06-01: nine tasks behind, long keys and names; nothing scrolls sideways."""
    from ilrs_planner.data.reference import build_reference_project
    from ilrs_planner.qt.dialogs.progress_dialog import ProgressDialog
    from ilrs_planner.qt.dialogs.progress_rows import ID, TASK
    from ilrs_planner.qt.document import Document

    dialog = ProgressDialog(Document(build_reference_project()))
    qtbot.addWidget(dialog)
    dialog.resize(800, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_status_date(dialog, "2029-06-01")
    table = dialog.table
    assert table.rowCount() >= 5
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=60_000)
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(DONE) + header.sectionSize(DONE) <= table.viewport().width()
    long_name = max(range(table.rowCount()), key=lambda row: len(table.item(row, TASK).text()))
    item = table.item(long_name, TASK)
    assert table.fontMetrics().horizontalAdvance(item.text()) > header.sectionSize(TASK)  # cut on screen...
    assert item.text() in item.toolTip()  # ...whole in its tooltip
    assert "ce7-site-review" in table.item(row_of(dialog, "ce7-site-review"), ID).toolTip()


def test_a_task_is_named_by_its_id_as_in_the_table_its_key_in_the_tooltip(qtbot, window):
    from ilrs_planner.qt.dialogs.progress_rows import ID, TASK

    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-20")
    table, a = dialog.table, row_of(dialog, "A")
    shown_id = window.tree.proxy_index(dialog.due[a].task_id, int(Column.ID)).data()
    assert table.horizontalHeaderItem(ID).text() == "ID"
    assert (table.item(a, ID).text(), table.item(a, TASK).text()) == (shown_id, dialog.due[a].name)
    assert "key A" in table.item(a, ID).toolTip()


def test_a_box_ticked_by_mistake_is_cleared_again(qtbot, window):
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-01-20")
    a = row_of(dialog, "A")
    tick(dialog, a, DONE)
    assert dialog.table.item(a, DONE).checkState() == Qt.CheckState.Checked
    QTest.keyClick(dialog.table.viewport(), Qt.Key.Key_Space)  # its date is in the same cell: Space clears it
    assert dialog.table.item(a, DONE).checkState() == Qt.CheckState.Unchecked
    press_ok(dialog)
    assert window.document.project.tasks["a"].actual_finish is None


def test_sub_tasks_ticked_done_roll_up_into_their_phases_percent(qtbot, window):
    """Phase holds A (10 d), B (20 d) and C (30 d): A and B done make it (10 + 20) / 60 = 50 %, as MS
    Project weighs sub-tasks by duration; the phase's cell is read-only and says why when typed into."""
    window.tree.header().setSectionHidden(int(Column.PERCENT), False)
    assert tree_text(window, "ph", Column.PERCENT) == "0%"
    dialog = open_from_menu(qtbot, window)
    type_status_date(dialog, "2030-02-01")
    tick(dialog, row_of(dialog, "A"), DONE)
    tick(dialog, row_of(dialog, "B"), DONE)
    press_ok(dialog)
    assert tree_text(window, "b", Column.PERCENT) == "100%"
    assert tree_text(window, "ph", Column.PERCENT) == "50%"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click_cell(window.tree, "ph", Column.PERCENT)
    type_text(window.tree, "80")
    assert "'Phase' is a summary: its % complete comes from its sub-tasks" in window.statusBar().currentMessage()
    assert tree_text(window, "ph", Column.PERCENT) == "50%" and window.document.undo_stack.count() == 1
    press(window.tree, "Ctrl+Z")
    assert tree_text(window, "ph", Column.PERCENT) == "0%"
