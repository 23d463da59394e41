"""A task indented under a summary whose sub-tasks are hidden is shown there, the summary opened, as
MS Project shows it: it went out of sight, still selected, the cursor left on the summary's row. So is
a task an undo brings back under such a summary, selected as what came back."""

from __future__ import annotations

from gestures import click_cell, press

from ilrs_planner.qt.models.task_columns import Column


def shown_names(window) -> list[str]:
    model = window.tree.model()
    return [model.index(row, int(Column.NAME)).data() for row in range(model.rowCount())]


def test_a_task_indented_under_a_closed_summary_opens_it_and_stays_in_sight_selected(qtbot, window):
    tree = window.tree
    click_cell(tree, "ph", Column.NAME)
    press(tree, "Alt+Shift+-")  # Phase's sub-tasks hidden
    click_cell(tree, "m", Column.NAME)
    press(tree, "Alt+Shift+Right")
    assert window.document.project.tasks["m"].parent_id == "ph"
    assert shown_names(window) == ["Phase", "Task A", "Task B", "Task C", "Milestone"]
    assert window.document.selected_ids == ["m"] and tree.currentIndex().data() == "Milestone"


def test_a_deleted_sub_task_brought_back_by_undo_under_a_closed_summary_is_shown_selected(qtbot, window):
    tree = window.tree
    click_cell(tree, "a", Column.NAME)
    press(tree, "Delete")
    click_cell(tree, "ph", Column.NAME)
    press(tree, "Alt+Shift+-")  # Phase's sub-tasks hidden, then the deletion undone
    press(tree, "Ctrl+Z")
    assert shown_names(window) == ["Phase", "Task A", "Task B", "Task C", "Milestone"]
    assert window.document.selected_ids == ["a"] and tree.currentIndex().data() == "Task A"
