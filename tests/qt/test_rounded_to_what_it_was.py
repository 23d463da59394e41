"""A duration typed that rounds to what the task already has says it was rounded, as when it changes
the task: '4h' typed over a 1-day task left the status bar showing the note of the edit before it
("'0.5d' was rounded up…" for another cell), or nothing, as if '4h' had been taken as typed."""

from __future__ import annotations

from gestures import type_in_cell

from ilrs_planner.qt.models.task_columns import Column


def test_hours_typed_over_a_one_day_task_say_they_were_rounded_up(qtbot, window):
    type_in_cell(window.tree, "b", Column.DURATION, "1d")
    type_in_cell(window.tree, "a", Column.NAME, "Landing site survey")  # an edit with nothing to note
    type_in_cell(window.tree, "b", Column.DURATION, "4h")
    assert window.document.project.tasks["b"].duration == 1
    assert "'4h' was rounded up to 1 d" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 2  # no step for what changed nothing
