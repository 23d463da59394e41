"""Folding the outline from the keyboard with MS Project's keys: Alt+Shift+- hides the sub-tasks of
the selected summary (or of the summary a selected sub-task is in, which is then selected),
Alt+Shift++ shows them and Alt+Shift+* opens every summary; View → Outline lists them."""

from __future__ import annotations

from gestures import click_cell, press

from ilrs_planner.qt.models.task_columns import Column


def shown_names(window) -> list[str]:
    model = window.tree.model()
    return [model.index(row, int(Column.NAME)).data() for row in range(model.rowCount())]


def test_a_sub_task_selected_alt_shift_minus_hides_its_summarys_sub_tasks_and_plus_shows_them(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Alt+Shift+-")
    assert shown_names(window) == ["Phase", "Milestone"]
    assert window.document.selected_ids == ["ph"]  # the row the cursor was on went out of sight
    press(window.tree, "Alt+Shift++")
    assert shown_names(window) == ["Phase", "Task A", "Task B", "Task C", "Milestone"]


def test_alt_shift_star_opens_every_summary(qtbot, window):
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Alt+Shift+-")
    click_cell(window.tree, "m", Column.NAME)
    press(window.tree, "Alt+Shift+*")
    assert shown_names(window) == ["Phase", "Task A", "Task B", "Task C", "Milestone"]


def test_the_view_menu_lists_them_with_their_keys(qtbot, window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    outline = next(a.menu() for a in view.actions() if a.text() == "Outli&ne")
    assert [(a.text(), a.shortcut().toString()) for a in outline.actions()] == [
        ("&Show sub-tasks", "Alt+Shift++"), ("&Hide sub-tasks", "Alt+Shift+-"), ("Show &all sub-tasks", "Alt+Shift+*")]
