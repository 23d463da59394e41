"""Constraints where a planner reviewing a schedule looks for them: the optional Constraint type and
Constraint date columns, chosen from the header's column menu and typed into as in MS Project; the
constraint named in the row's and the bar's tooltips; and a Start typed that a link holds later
said in the status bar, with the Start No Earlier Than it leaves.

The small plan works every day: A (ID 2) runs 2030-01-01 to 01-10, B (ID 3) after it from 01-11
for 20 days to 01-30, C (ID 4) after B from 01-31 for 30 days."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from windows import shown_main_window

from ilrs_planner.chart import Hit
from ilrs_planner.domain import ConstraintType, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt.tooltip import tooltip_text
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def choose_from_header_menu(qtbot, window, entry: str) -> None:
    """Right-click the table's header and click `entry` in the column menu, as a person does."""
    header = window.tree.header()
    clicked = []

    def click_entry():
        menu = QApplication.activePopupWidget()
        if menu is None:  # not open yet: look again
            QTimer.singleShot(10, click_entry)
            return
        action = next(a for a in menu.actions() if a.text() == entry)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        clicked.append(entry)

    QTimer.singleShot(0, click_entry)
    header.customContextMenuRequested.emit(header.rect().center())  # what a right-click on the header sends
    qtbot.waitUntil(lambda: clicked == [entry] and QApplication.activePopupWidget() is None, timeout=10000)
    window.activateWindow()  # the offscreen platform gives no window back the focus a closed menu had
    qtbot.waitActive(window)


def cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def type_into(window, task_id: str, column: Column, text: str) -> None:
    click_cell(window.tree, task_id, column)
    type_text(window.tree, text)


@pytest.fixture
def pinned(qtbot, window):
    """The window with the Constraint type and Constraint date columns chosen from the header's menu."""
    choose_from_header_menu(qtbot, window, "Constraint type")
    choose_from_header_menu(qtbot, window, "Constraint date")
    return window


def test_the_constraint_columns_are_chosen_from_the_header_menu(qtbot, pinned):
    header = pinned.tree.header()
    assert not header.isSectionHidden(int(Column.CONSTRAINT_TYPE))
    assert not header.isSectionHidden(int(Column.CONSTRAINT_DATE))
    assert (cell(pinned, "b", Column.CONSTRAINT_TYPE), cell(pinned, "b", Column.CONSTRAINT_DATE)) == \
        ("As Soon As Possible", "")


def test_a_start_typed_before_its_link_says_it_is_held_and_shows_the_constraint_it_leaves(qtbot, pinned):
    type_into(pinned, "b", Column.START, "2030-01-05")
    assert cell(pinned, "b", Column.START) == "2030-01-11"  # A's finish holds it, as before
    assert pinned.statusBar().currentMessage() == \
        "Start of 3 'Task B' held at 2030-01-11 by 2 'Task A'; Start No Earlier Than 2030-01-05 kept"
    assert (cell(pinned, "b", Column.CONSTRAINT_TYPE), cell(pinned, "b", Column.CONSTRAINT_DATE)) == \
        ("Start No Earlier Than", "2030-01-05")
    said = "Constraint: Start No Earlier Than 2030-01-05"
    assert said in pinned.tree.proxy_index("b", int(Column.NAME)).data(Qt.ItemDataRole.ToolTipRole)
    assert said in tooltip_text(pinned.document, Hit(kind="bar", task_id="b"))


def test_a_start_typed_after_its_link_moves_the_task_and_says_nothing_of_a_hold(qtbot, pinned):
    type_into(pinned, "b", Column.START, "2030-01-20")
    assert cell(pinned, "b", Column.START) == "2030-01-20"
    assert "held" not in pinned.statusBar().currentMessage()


def test_constraint_type_typed_in_ms_projects_words_or_code_takes_the_tasks_date(qtbot, pinned):
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "Must Start On")
    task = pinned.document.project.tasks["c"]
    assert (task.constraint, task.constraint_date) == (ConstraintType.MSO, date(2030, 1, 31))  # its start
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "fnlt")
    # a finish constraint chosen keeps the date the task has: FNLT 2030-01-31 (MS Project keeps it too)
    assert (task.constraint, cell(pinned, "c", Column.CONSTRAINT_TYPE)) == (ConstraintType.FNLT, "Finish No Later Than")
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "As Soon As Possible")
    assert (task.constraint, task.constraint_date, cell(pinned, "c", Column.CONSTRAINT_DATE)) == \
        (ConstraintType.ASAP, None, "")
    assert pinned.document.undo_stack.count() == 3


def test_a_constraint_date_typed_pins_the_task_and_an_empty_one_takes_the_pin_off(qtbot, pinned):
    type_into(pinned, "c", Column.CONSTRAINT_DATE, "2030-03-04")  # no constraint yet: Start No Earlier Than
    assert cell(pinned, "c", Column.CONSTRAINT_TYPE) == "Start No Earlier Than"
    assert cell(pinned, "c", Column.START) == "2030-03-04"
    type_into(pinned, "c", Column.CONSTRAINT_DATE, "NA")  # MS Project's word for no date
    assert (cell(pinned, "c", Column.CONSTRAINT_TYPE), cell(pinned, "c", Column.START)) == \
        ("As Soon As Possible", "2030-01-31")


def test_a_constraint_the_table_cannot_read_is_refused_saying_what_it_takes(qtbot, pinned):
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "Sometimes")
    message = pinned.statusBar().currentMessage()
    assert "'Sometimes' is not a constraint" in message and "Start No Earlier Than" in message
    assert pinned.document.project.tasks["c"].constraint is ConstraintType.ASAP
    assert not pinned.document.undo_stack.canUndo()


def test_a_finish_constraint_chosen_keeps_the_task_where_it_is_and_a_typed_one_is_its_last_day(qtbot, pinned):
    # A runs 2030-01-01 to 01-10 (10 days). As in MS Project, choosing Must Finish On dates it on the
    # finish it has and moves nothing; typing 2030-01-20 makes the 20th its last day of work.
    type_into(pinned, "a", Column.CONSTRAINT_TYPE, "Must Finish On")
    assert (cell(pinned, "a", Column.CONSTRAINT_DATE), cell(pinned, "a", Column.START),
            cell(pinned, "a", Column.FINISH)) == ("2030-01-10", "2030-01-01", "2030-01-10")
    assert pinned.document.schedule.tasks["a"].total_float == 0
    type_into(pinned, "a", Column.CONSTRAINT_DATE, "2030-01-20")
    assert (cell(pinned, "a", Column.CONSTRAINT_DATE), cell(pinned, "a", Column.START),
            cell(pinned, "a", Column.FINISH)) == ("2030-01-20", "2030-01-11", "2030-01-20")
    type_into(pinned, "a", Column.CONSTRAINT_TYPE, "Start No Earlier Than")  # the date shown stays the date
    assert (cell(pinned, "a", Column.CONSTRAINT_DATE), cell(pinned, "a", Column.START)) == ("2030-01-20", "2030-01-20")


def test_a_start_typed_before_the_status_date_says_it_is_held_there(qtbot):
    # Work not started by the status date (2030-03-02) is scheduled from it: the Start typed, 2030-01-15,
    # lands there. The status bar says so, as it does for a link that holds a typed Start later.
    plan = Project("Status", date(2030, 1, 1))
    plan.status_date = date(2030, 3, 2)
    plan.add_task(Task("X", "Survey", 5, id="x"))
    window = shown_main_window(qtbot, Document(plan))
    type_into(window, "x", Column.START, "2030-01-15")
    assert cell(window, "x", Column.START) == "2030-03-02"
    assert window.statusBar().currentMessage() == (
        "Start of 1 'Survey' held at the status date 2030-03-02: work not started by then is scheduled from it; "
        "Start No Earlier Than 2030-01-15 kept")


def test_a_finish_constraint_on_the_last_day_a_plan_holds_is_refused_naming_the_day_typed(qtbot, pinned):
    # A finish constraint's last day is stored as the day after: 2200-12-31 would be kept as 2201-01-01,
    # which a plan file cannot hold, and every later save would fail. 2200-12-30 is the last one taken.
    type_into(pinned, "a", Column.CONSTRAINT_TYPE, "Finish No Later Than")
    steps = pinned.document.undo_stack.count()
    type_into(pinned, "a", Column.CONSTRAINT_DATE, "2200-12-31")
    message = pinned.statusBar().currentMessage()
    assert "constraint date 2200-12-31 is after 2200-12-30" in message and "1900 to 2200" in message
    assert "2201" not in message and pinned.document.undo_stack.count() == steps
    # The cell opens again on what was typed, as after any refused entry: the planner corrects it.
    qtbot.waitUntil(lambda: isinstance(pinned.tree.indexWidget(pinned.tree.currentIndex()), QLineEdit), timeout=10000)
    editor = pinned.tree.indexWidget(pinned.tree.currentIndex())
    assert editor.text() == "2200-12-31"
    editor.selectAll()
    QTest.keyClicks(editor, "2200-12-30")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pinned.document.undo_stack.count() == steps + 1, timeout=10000)
    assert cell(pinned, "a", Column.CONSTRAINT_DATE) == "2200-12-30"
