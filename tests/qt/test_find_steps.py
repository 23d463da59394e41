"""Find, F3 and Shift+F3 as a planner steps through the tasks matching the find box: forward and back,
wrapping at either end, the status bar saying which match of how many; under a filter, only the tasks
it shows, the ones it hides counted.

The small plan's tasks in outline order: Phase, Task A, Task B, Task C, Milestone."""

from __future__ import annotations

import pytest
from gestures import choose_in_combo, press, type_text
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


def test_find_under_a_filter_finds_only_the_tasks_shown_and_says_where_the_others_are(qtbot, window):
    # MS Project's Find searches the tasks the view shows: a task the filter hides is never selected
    # out of sight, and the status bar says the filter hides the matches.
    window.document.set_selection(["m"])
    choose_in_combo(window, "Milestones")
    press(window.tree, "Ctrl+F")
    type_text(window.tree, "task b")
    assert window.document.selected_ids == ["m"]
    assert window.statusBar().currentMessage() == \
        "No task shown matches “task b”: 1 more the filter Milestones hides (choose All tasks to find it)"
    window.navigate.find_box.selectAll()
    type_text(window.navigate.find_box, "e")  # Phase and Milestone match; the filter shows Milestone only
    assert window.document.selected_ids == ["m"]
    assert window.statusBar().currentMessage() == "1 of 1 matching “e” (1 more the filter Milestones hides)"
