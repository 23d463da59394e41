"""The status bar speaks of the last command: a message goes at the next command the planner gives
(a toggle, a zoom), not only at the next edit, so it never reads as the answer of a command that
says nothing; refusals of one kind name the task alike (ID and name); Cut says what it cut."""

from __future__ import annotations

from gestures import click_cell, press
from PySide6.QtCore import Qt

from ilrs_planner.qt.models.task_columns import Column


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_a_refusal_goes_at_the_next_command_that_says_nothing(qtbot, window):
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Alt+Shift+Left")  # the phase is at the top level already
    assert "already at the top level" in message(window)
    press(window.tree, "Ctrl+K")  # critical path shown: it says nothing, so nothing is left to read as its answer
    assert message(window) == ""
    press(window.tree, "Alt+Shift+Left")
    assert "already at the top level" in message(window)
    press(window.tree, "Ctrl+0")  # a zoom
    assert message(window) == ""


def test_a_command_that_speaks_keeps_its_own_message(qtbot, window):
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Alt+Shift+Left")
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Ctrl+C")
    assert message(window) == "Copied 1 task"


def test_move_up_and_outdent_refusals_name_the_task_alike(qtbot, window):
    task = window.document.project.tasks["ph"]
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Alt+Shift+Up")
    assert message(window) == f"{task.key} '{task.name}' is already the first in its group"
    press(window.tree, "Alt+Shift+Left")
    assert message(window) == f"{task.key} '{task.name}' is already at the top level"


def test_cut_says_what_it_cut(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    click_cell(window.tree, "c", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(window.tree, "Ctrl+X")
    assert "b" not in window.document.project.tasks
    assert message(window) == "Cut 2 tasks"
