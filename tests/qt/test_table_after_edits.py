"""What the task table shows after typed edits and their undo, cell by cell: the rows an edit
reaches are shown again (a task's own row, the tasks whose dates moved, those whose shown
precision follows a coarser date), and only what the edit changed changes."""

from __future__ import annotations

from gestures import click_cell, press, type_text

from ilrs_planner.qt.models.task_columns import Column


def shown(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def type_into(window, task_id: str, column: Column, text: str) -> None:
    """Click the cell and type over it, then Enter, as a planner does."""
    click_cell(window.tree, task_id, column)
    type_text(window.tree, text)


def test_a_start_typed_as_a_year_shows_the_tasks_it_drives_by_the_year_and_undo_brings_days_back(window):
    type_into(window, "b", Column.START, "2031")
    assert shown(window, "b", Column.START) == "2031"
    assert shown(window, "c", Column.START) == "2031"  # C follows B: its date is no finer than B's
    assert shown(window, "a", Column.START) == "2030-01-01"  # A comes before: as it was
    type_into(window, "c", Column.NAME, "Surface operations")  # a name alone leaves the dates and their precision
    assert shown(window, "c", Column.NAME) == "Surface operations"
    assert shown(window, "c", Column.START) == "2031"
    press(window.tree, "Ctrl+Z")
    press(window.tree, "Ctrl+Z")
    assert shown(window, "b", Column.START) == "2030-01-11"
    assert shown(window, "c", Column.START) == "2030-01-31"


def test_a_renamed_task_then_a_typed_duration_move_the_rows_after_it(window):
    type_into(window, "a", Column.NAME, "Orbiter integration")
    assert shown(window, "a", Column.NAME) == "Orbiter integration"
    assert shown(window, "b", Column.START) == "2030-01-11"  # a name moves no date
    type_into(window, "a", Column.DURATION, "20")
    assert shown(window, "a", Column.FINISH) == "2030-01-20"
    assert shown(window, "b", Column.START) == "2030-01-21"  # B follows A: ten days later
    assert shown(window, "c", Column.START) == "2030-02-10"
