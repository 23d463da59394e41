"""Editing flows as a planner brings them from MS Project: several rows selected and indented,
outdented or linked at once, each one undo step with the selection kept."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, press
from PySide6.QtCore import Qt
from windows import shown_main_window

from ilrs_planner.domain import Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
NAMES = ("Alpha", "Bravo", "Charlie", "Delta")


@pytest.fixture
def four(qtbot):
    """A new plan of four top-level tasks, Alpha to Delta, as the planner typed them."""
    project = Project("Four", date(2030, 1, 7))
    for position, name in enumerate(NAMES):
        project.add_task(Task(f"T-{position + 1}", name, 5, id=name.lower(), position=position))
    return shown_main_window(qtbot, Document(project))


def outline(window) -> list[tuple[str, str | None]]:
    """(name, summary's name) of every row, top to bottom."""
    tasks = window.document.project.tasks
    return [(task.name, tasks[task.parent_id].name if task.parent_id else None)
            for task, _depth in window.document.project.walk()]


def select_charlie_and_delta(window) -> None:
    click_cell(window.tree, "charlie", Column.NAME)
    press(window.tree, "Shift+Down")
    assert window.tree.selected_task_ids() == ["charlie", "delta"]


def test_indent_and_outdent_move_every_selected_row_in_one_step(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Right")
    assert outline(four) == [("Alpha", None), ("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo")]
    assert sorted(four.tree.selected_task_ids()) == ["charlie", "delta"]
    press(four.tree, "Alt+Shift+Left")  # back out, in the same order
    assert outline(four) == [(name, None) for name in NAMES]
    assert sorted(four.tree.selected_task_ids()) == ["charlie", "delta"]
    four.edit.undo.trigger()  # the outdent of both, as one step
    assert outline(four) == [("Alpha", None), ("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo")]
    four.edit.undo.trigger()  # the indent of both, as one step
    assert outline(four) == [(name, None) for name in NAMES]


def test_a_row_under_a_selected_summary_moves_with_it_not_twice(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Right")  # Charlie and Delta under Bravo
    click_cell(four.tree, "bravo", Column.NAME)
    press(four.tree, "Shift+Down")
    press(four.tree, "Shift+Down")  # Bravo and both its rows
    four.edit.indent.trigger()
    assert outline(four) == [("Alpha", None), ("Bravo", "Alpha"), ("Charlie", "Bravo"), ("Delta", "Bravo")]


def test_a_refused_row_leaves_every_selected_row_where_it_was(four):
    click_cell(four.tree, "alpha", Column.NAME)
    press(four.tree, "Shift+Down")
    four.edit.indent.trigger()  # Alpha has no task above it to go under
    assert "no task above it" in four.statusBar().currentMessage()
    assert outline(four) == [(name, None) for name in NAMES]


def test_ctrl_f2_links_the_selected_rows_in_order_and_delete_takes_them_all(four):
    click_cell(four.tree, "alpha", Column.NAME)
    click_cell(four.tree, "bravo", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    click_cell(four.tree, "charlie", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(four.tree, "Ctrl+F2")
    links = {(link.pred_id, link.succ_id) for link in four.document.project.links.values()}
    assert links == {("alpha", "bravo"), ("bravo", "charlie")}
    press(four.tree, "Ctrl+Shift+F2")
    assert not four.document.project.links
    press(four.tree, "Delete")
    assert [name for name, _ in outline(four)] == ["Delta"]
