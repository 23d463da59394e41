"""What a planner types into the tree's cells: part days round as the README says, and a refusal is
titled by what is wrong, saying what to do. Driven by clicks and key presses."""

from __future__ import annotations

import pytest
from gestures import click_cell, type_text
from PySide6.QtWidgets import QMessageBox

from ilrs_planner.qt.models.task_columns import Column


def _refusal_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)))
    return next(box for box in window.findChildren(QMessageBox) if box.isVisible())


@pytest.mark.parametrize("typed, days", [("0.5d", 1), ("2.5 days", 3), ("2.1d", 3), ("1.5w", 11)])
def test_a_part_day_typed_as_a_duration_rounds_up_to_the_day_it_touches(qtbot, window, typed, days):
    # The small plan works every day of the week: a week is 7 days, so 1.5w is 10.5 days.
    tree = window.tree
    click_cell(tree, "c", Column.DURATION)
    type_text(tree, typed)
    assert window.document.project.tasks["c"].duration == days
    assert tree.proxy_index("c", int(Column.DURATION)).data() == f"{days} d"
    message = window.statusBar().currentMessage()
    assert typed in message and f"rounded up to {days} d" in message and "whole" in message
    assert window.document.undo_stack.undoText() == f"Set duration of 'Task C' to {days} d"  # the task named


def test_the_status_bar_leaves_room_for_its_message_beside_the_plans_figures(qtbot, window):
    # The file label stretched over the whole bar, so a message (this one, "Saved ...") had no room.
    tree = window.tree
    click_cell(tree, "c", Column.DURATION)
    type_text(tree, "0.5d")
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage() != "")
    figures = [label.geometry().left() for label in window.status_bar_widgets.values() if label.isVisible()]
    assert min(figures) > bar.width() // 3


def test_a_whole_duration_says_nothing_about_rounding(qtbot, window):
    tree = window.tree
    click_cell(tree, "c", Column.DURATION)
    type_text(tree, "4d")
    assert window.document.project.tasks["c"].duration == 4
    assert "rounded" not in window.statusBar().currentMessage()


def test_a_finish_typed_before_the_start_is_refused_by_that_name_and_says_what_to_do(qtbot, window):
    tree = window.tree
    before = window.document.project.tasks["c"].duration
    click_cell(tree, "c", Column.FINISH)  # C starts 2030-01-31
    type_text(tree, "2030-01-20")
    box = _refusal_box(qtbot, window)
    text = box.text()
    assert not text.startswith("A date could not be understood")
    assert text.startswith("A task cannot finish before it starts.")
    assert "2030-01-20" in text and "2030-01-31" in text and "Start" in text
    assert "task.finish_before_start" in box.detailedText()
    box.close()
    assert window.document.project.tasks["c"].duration == before
