"""A task added takes the first key T-1, T-2, … no task of the plan holds, through keys typed, tasks
deleted and brought back, and another plan opened (the window keeps the plan's keys across edits)."""

from __future__ import annotations

from commands.conftest import build_small_plan
from gestures import press

from ilrs_planner.qt.models.task_columns import Column


def added_key(window, after: str) -> str:
    """Add task below `after`, as the Edit menu does, and the new task's key."""
    window.document.set_selection([after])
    window.edit.add_task.trigger()
    window.tree.commit_open_editor()  # the new task's name was open for typing (Esc would take the add back)
    return window.document.project.tasks[window.document.selected_ids[0]].key


def test_each_task_added_takes_the_first_key_no_task_holds(window):
    assert added_key(window, "a") == "T-1"
    assert added_key(window, "a") == "T-2"
    model = window.tree.model()  # B's key changed as its cell's editor hands it over
    assert model.setData(window.tree.proxy_index("b", int(Column.KEY)), "T-3")
    assert window.document.project.tasks["b"].key == "T-3"
    assert added_key(window, "a") == "T-4"
    first = next(t.id for t in window.document.project.tasks.values() if t.key == "T-1")
    window.document.set_selection([first])
    window.edit.delete.trigger()
    assert added_key(window, "a") == "T-1"  # free again
    press(window.tree, "Ctrl+Z")  # the task added goes
    press(window.tree, "Ctrl+Z")  # the one deleted comes back with T-1
    assert added_key(window, "a") == "T-5"


def test_another_plan_starts_its_keys_afresh(window):
    assert added_key(window, "a") == "T-1"
    window.document.replace_project(build_small_plan(), None)
    assert added_key(window, "a") == "T-1"
