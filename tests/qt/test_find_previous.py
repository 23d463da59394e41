"""Find, F3 and Shift+F3 as a planner steps through the tasks matching the find box: forward and back,
wrapping at either end, the status bar saying which match of how many.

The small plan's tasks in outline order: Phase, Task A, Task B, Task C, Milestone."""

from __future__ import annotations

import pytest
from gestures import press, type_text
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_shift_f3_steps_back_through_the_matches_and_wraps(qtbot, window):
    press(window.tree, "Ctrl+F")
    assert QApplication.focusWidget() is window.navigate.find_box
    type_text(window.tree, "task")
    assert window.document.selected_ids == ["a"]
    press(window.navigate.find_box, "F3")
    assert window.document.selected_ids == ["b"]
    press(window.navigate.find_box, "Shift+F3")
    assert window.document.selected_ids == ["a"]
    press(window.navigate.find_box, "Shift+F3")  # before the first: the last match
    assert window.document.selected_ids == ["c"]
    assert window.statusBar().currentMessage() == "3 of 3 matching “task”"
    press(window.navigate.find_box, "F3")  # after the last: the first
    assert window.document.selected_ids == ["a"]


def test_shift_f3_with_a_task_selected_that_does_not_match_finds_the_one_before_it(qtbot, window):
    window.document.set_selection(["m"])
    window.navigate.find_box.setText("task")
    press(window.navigate.find_box, "Shift+F3")
    assert window.document.selected_ids == ["c"]
