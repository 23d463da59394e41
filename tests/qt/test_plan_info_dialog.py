"""Plan → Plan information…: a plan made with New plan can be named, given an author, a start, a
status date and a Must finish by; OK is one undo step; a refusal is said in the dialog, which stays open."""

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


def test_a_must_finish_by_typed_in_gives_the_floats_that_run_to_it_and_is_undone_in_one_step(qtbot, window):
    project = window.document.project
    tasks = window.document.schedule.tasks
    last = window.document.schedule.last_day()
    floats = {tid: tasks[tid].total_float for tid in project.tasks if tid not in project.summary_ids()}
    dialog = open_info(qtbot, window)
    qtbot.mouseClick(dialog.has_must_finish, Qt.MouseButton.LeftButton)
    assert dialog.has_must_finish.isChecked() and dialog.must_finish.isEnabled()
    dialog.must_finish.setFocus()
    dialog.must_finish.setSelectedSection(dialog.must_finish.Section.YearSection)
    typed = date(last.year + 1, last.month, min(last.day, 28))
    QTest.keyClicks(dialog.must_finish, typed.strftime("%Y%m%d"))  # each full section moves on to the next
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and project.must_finish_by == typed
    # On calendar days, every float grows by the days from the plan's last day to the date typed.
    gained = (typed - last).days
    now = window.document.schedule.tasks
    assert {tid: now[tid].total_float for tid in floats} == {tid: was + gained for tid, was in floats.items()}
    assert window.document.undo_stack.undoText() == "Edit plan information"
    window.activateWindow()  # the window active again once the dialog is gone, as a desktop does
    qtbot.waitActive(window)
    click_cell(window.tree, next(iter(floats)), Column.NAME)
    press(window, "Ctrl+Z")
    assert project.must_finish_by is None
    assert {tid: window.document.schedule.tasks[tid].total_float for tid in floats} == floats
