"""Plan → Plan information…: a plan made with New plan can be named, given an author, a start and a
status date; OK is one undo step; a refusal is said in the dialog, which stays open."""

from __future__ import annotations

from datetime import date

from gestures import click_cell, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ilrs_planner.qt.analysis.common import to_qdate
from ilrs_planner.qt.models.task_columns import Column


def open_info(qtbot, window):
    window.plan.info.trigger()
    dialog = window.plan.info_dialog
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    QTest.keyClicks(line_edit, text)


def test_a_new_plan_is_named_and_moved_in_one_undoable_step(qtbot, window):
    press(window, "Ctrl+N")
    press(window, "Insert")
    QTest.keyClicks(window.tree, "Survey")
    QTest.keyClick(window.tree, Qt.Key.Key_Return)
    dialog = open_info(qtbot, window)
    retype(qtbot, dialog.name, "CE8 payload")
    retype(qtbot, dialog.author, "SUPARCO planning")
    dialog.start.setDate(to_qdate(date(2027, 3, 1)))  # a Monday
    dialog.has_status.setChecked(True)
    dialog.status.setDate(to_qdate(date(2027, 2, 26)))  # before the start: nothing forecast from it
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    project = window.document.project
    assert (project.name, project.author, project.start, project.status_date) == (
        "CE8 payload", "SUPARCO planning", date(2027, 3, 1), date(2027, 2, 26))
    assert "CE8 payload" in window.windowTitle()
    survey = next(iter(project.tasks))
    assert window.gantt.shown_dates(survey)[0] == date(2027, 3, 1)  # the task starts with the plan
    assert window.document.undo_stack.undoText() == "Edit plan information"
    window.activateWindow()  # the window active again once the dialog is gone, as a desktop does
    qtbot.waitActive(window)
    click_cell(window.tree, survey, Column.NAME)
    press(window, "Ctrl+Z")
    assert project.name == "New plan" and project.status_date is None and "CE8 payload" not in window.windowTitle()


def test_an_empty_name_is_refused_in_the_dialog_which_stays_open(qtbot, window):
    before = window.document.project.name
    dialog = open_info(qtbot, window)
    retype(qtbot, dialog.name, "   ")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and "name cannot be empty" in dialog.message.text()
    assert window.document.project.name == before and window.document.undo_stack.count() == 0
    dialog.reject()


def test_ok_without_a_change_adds_no_step_and_the_dialog_reads_the_finish(qtbot, window):
    dialog = open_info(qtbot, window)
    facts = [label.text() for label in dialog.findChildren(type(dialog.message)) if label is not dialog.message]
    assert any(text.startswith(window.document.schedule.last_day().isoformat()) for text in facts)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and window.document.undo_stack.count() == 0
