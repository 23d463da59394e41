"""The status bar's message speaks of the last edit: a hint goes at the next edit, and an edit that
leaves the plan unscheduled says so there, where the planner read the message before."""

from __future__ import annotations

from gestures import click_cell, press, type_text

from ilrs_planner.qt.models.task_columns import Column


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_the_id_hint_goes_when_the_task_is_named(qtbot, window):
    click_cell(window.tree, "a", Column.ID)
    type_text(window.tree, "7")  # the ID is not typed: the status bar says why
    assert "not typed" in message(window)
    click_cell(window.tree, "a", Column.NAME)
    type_text(window.tree, "Landing-site survey")
    assert window.document.project.tasks["a"].name == "Landing-site survey"
    assert message(window) == ""


def test_a_rounding_note_stays_for_its_edit_and_goes_at_the_next(qtbot, window):
    click_cell(window.tree, "a", Column.DURATION)
    type_text(window.tree, "2.5d")
    assert "rounded up" in message(window)
    click_cell(window.tree, "b", Column.DURATION)
    type_text(window.tree, "4d")
    assert message(window) == ""


def test_an_indent_that_leaves_the_plan_unscheduled_says_so_in_the_status_bar(qtbot, window):
    click_cell(window.tree, "a", Column.DURATION)
    type_text(window.tree, "2.5d")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Alt+Shift+Right")  # Task C under Task B, its own predecessor
    assert window.document.schedule is None
    assert message(window).startswith("Not scheduled: ") and "rounded" not in message(window)
    press(window.tree, "Ctrl+Z")
    assert window.document.schedule is not None
    assert message(window) == ""
