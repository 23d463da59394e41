"""A Must Finish On (or Must Start On) its links cannot meet: the edit is made, as asked, and the status
bar says the scheduling conflict, naming the task, its constraint, the predecessor and the day the
link would have started it, as MS Project's Planning Wizard warns of it.

The small plan works every day: A (ID 2) runs 2030-01-01 to 01-10, B (ID 3) after it from 01-11
for 20 days to 01-30, C (ID 4) after B from 01-31 for 30 days to 03-01."""

from __future__ import annotations

import pytest
from gestures import click_cell, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_constraint_columns import cell, pinned, type_into  # noqa: F401 - `pinned` is a fixture
from test_dialog_start_finish import details_of, press_enter

from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CONFLICT = ("Scheduling conflict: 4 'Task C' Must Finish On 2030-02-20, but 3 'Task B' before it would start it "
            "2030-01-31; the constraint wins: it starts 2030-01-22 and the work before it runs late (negative float)")


def test_a_must_finish_on_before_the_predecessor_allows_is_said_naming_both(qtbot, pinned):  # noqa: F811
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "Must Finish On")
    assert "conflict" not in pinned.statusBar().currentMessage()  # its own finish: the links allow it
    type_into(pinned, "c", Column.CONSTRAINT_DATE, "2030-02-20")
    assert cell(pinned, "c", Column.START) == "2030-01-22"  # the constraint wins, as in MS Project
    assert pinned.statusBar().currentMessage() == CONFLICT


def test_a_must_start_on_the_links_allow_says_nothing(qtbot, pinned):  # noqa: F811
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "Must Start On")
    type_into(pinned, "c", Column.CONSTRAINT_DATE, "2030-02-15")
    assert "conflict" not in pinned.statusBar().currentMessage()
    type_into(pinned, "c", Column.CONSTRAINT_DATE, "2030-01-25")
    assert pinned.statusBar().currentMessage().startswith(
        "Scheduling conflict: 4 'Task C' Must Start On 2030-01-25, but 3 'Task B' before it would start it 2030-01-31")


def test_a_must_finish_on_set_in_the_task_dialog_says_the_conflict_too(qtbot, window):
    dialog = details_of(qtbot, window, "c")
    dialog.ui.tabs.setCurrentWidget(dialog.ui.dates_tab)
    combo = dialog.ui.constraint_combo
    combo.setFocus()
    while combo.currentData() != "MFO":
        QTest.keyClick(combo, Qt.Key.Key_Down)
    QTest.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Constraint &date
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.focusWidget(), "2030-02-20")
    press_enter(qtbot, window, dialog)
    assert window.statusBar().currentMessage() == CONFLICT
    press(window.tree, "Ctrl+Z")
    click_cell(window.tree, "c", Column.NAME)
    assert cell(window, "c", Column.START) == "2030-01-31"


def test_a_link_made_with_ctrl_l_into_a_task_pinned_earlier_says_the_conflict(qtbot, pinned):  # noqa: F811
    # M (ID 5) follows C; made to follow A instead and pinned on 2030-02-01, then linked after C by Ctrl+L.
    type_into(pinned, "m", Column.PREDECESSORS, "2")
    type_into(pinned, "m", Column.CONSTRAINT_TYPE, "Must Start On")
    type_into(pinned, "m", Column.CONSTRAINT_DATE, "2030-02-01")
    assert "conflict" not in pinned.statusBar().currentMessage()
    click_cell(pinned.tree, "c", Column.NAME)
    click_cell(pinned.tree, "m", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(pinned.tree, "Ctrl+L")
    assert pinned.statusBar().currentMessage().startswith(
        "Scheduling conflict: 5 'Milestone' Must Start On 2030-02-01, but 4 'Task C' before it would start it "
        "2030-03-01")


def test_a_finish_no_later_than_the_links_overrun_says_the_conflict_and_moves_nothing(qtbot, pinned):  # noqa: F811
    type_into(pinned, "c", Column.CONSTRAINT_TYPE, "Finish No Later Than")
    assert "conflict" not in pinned.statusBar().currentMessage()  # its own finish: met
    type_into(pinned, "c", Column.CONSTRAINT_DATE, "2030-02-20")
    assert cell(pinned, "c", Column.FINISH) == "2030-03-01"  # the link wins: the date is missed
    assert pinned.statusBar().currentMessage() == (
        "Scheduling conflict: 4 'Task C' Finish No Later Than 2030-02-20, but 3 'Task B' before it holds its finish "
        "to 2030-03-01; the link wins and the date is missed (negative float)")


def test_a_start_no_later_than_the_plan_start_holds_past_is_no_link_conflict(qtbot, pinned):  # noqa: F811
    type_into(pinned, "a", Column.CONSTRAINT_TYPE, "Start No Later Than")
    type_into(pinned, "a", Column.CONSTRAINT_DATE, "2029-12-20")  # before the plan starts: no link holds it
    assert "conflict" not in pinned.statusBar().currentMessage()
