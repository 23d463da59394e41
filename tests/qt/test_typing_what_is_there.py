"""Typing into a cell the value the task holds already is no edit: the Undo history gains no step."""

from __future__ import annotations

from gestures import click_cell, type_text

from ilrs_planner.qt.models.task_columns import Column


def _type_into(window, task_id: str, column: Column, text: str) -> None:
    click_cell(window.tree, task_id, column)
    type_text(window.tree, text)


def _steps(window) -> int:
    return window.document.undo_stack.count()


def test_a_duration_typed_as_it_is_adds_no_undo_step(window):
    _type_into(window, "a", Column.DURATION, "10")  # A lasts 10 d: shown "10 d", typed "10"
    _type_into(window, "a", Column.DURATION, "10d")
    assert _steps(window) == 0
    _type_into(window, "a", Column.DURATION, "12")
    assert _steps(window) == 1 and window.document.project.tasks["a"].duration == 12


def test_a_start_typed_twice_is_one_step_and_the_same_name_none(window):
    _type_into(window, "b", Column.START, "2031-03-02")
    _type_into(window, "b", Column.START, "2031-03-02")  # the start the first typing gave it
    assert _steps(window) == 1
    _type_into(window, "b", Column.NAME, "Task B ")  # the name it has, a space after
    _type_into(window, "b", Column.PREDECESSORS, window.tree.proxy_index("b", int(Column.PREDECESSORS)).data())
    assert _steps(window) == 1
