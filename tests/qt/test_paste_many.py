"""Pasting thousands of tasks, as a planner pastes a partner's whole work package: the rows are
inserted below the row chosen (the table is not rebuilt), as one undo step that gives back the very
plan pasted into; rows that would depend on each other in a loop are refused, naming them."""

from __future__ import annotations

import pytest
from commands.conftest import build_small_plan
from gestures import click_cell, press
from PySide6.QtWidgets import QApplication
from windows import shown_main_window

from ilrs_planner.domain import Link, Task, TaskKind
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.store import save_project

STEPS = 2_500  # more than the table updates row by row (outline_update.SMALL_EDIT)


@pytest.fixture
def package_window(qtbot):
    """The small plan and, after it, a work package W of STEPS tasks, each after the one before."""
    plan = build_small_plan()
    plan.add_task(Task(key="W", name="Work package", kind=TaskKind.PHASE, id="w", position=2))
    for step in range(1, STEPS + 1):
        plan.add_task(Task(key=f"W{step}", name=f"Step {step}", duration=2, id=f"w{step}", parent_id="w",
                           position=step))
        if step > 1:
            plan.add_link(Link(f"w{step - 1}", f"w{step}", id=f"lw{step}"))
    return shown_main_window(qtbot, Document(plan))


def saved(window, path) -> bytes:
    save_project(window.document.project, path)
    return path.read_bytes()


def row_names(window, first: int, count: int) -> list[str]:
    rows = window.tree.visible_task_ids()[first:first + count]
    return [window.tree.proxy_index(tid, int(Column.NAME)).data() for tid in rows]


def test_a_pasted_work_package_is_inserted_as_rows_and_undone_to_the_plan_as_it_was(qtbot, package_window, tmp_path):
    window, model = package_window, package_window.tree.source_model
    before = saved(window, tmp_path / "before.db")
    click_cell(window.tree, "w", Column.NAME)
    press(window.tree, "Ctrl+C")
    inserted, resets = [], []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(1))
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert inserted == [(3, 3 + STEPS)] and not resets  # below B (row 2): W and its tasks, one block
    assert row_names(window, 2, 4) == ["Task B", "Work package", "Step 1", "Step 2"]
    assert row_names(window, 3 + STEPS, 2) == [f"Step {STEPS}", "Task C"]
    assert window.document.undo_stack.undoText() == f"Paste {STEPS + 1:,} tasks"
    assert len(window.document.selected_ids) == STEPS + 1  # the pasted rows, selected
    pasted = saved(window, tmp_path / "pasted.db")
    press(window.tree, "Ctrl+Z")
    assert saved(window, tmp_path / "undone.db") == before
    assert row_names(window, 2, 2) == ["Task B", "Task C"]
    press(window.tree, "Ctrl+Shift+Z")
    assert saved(window, tmp_path / "redone.db") == pasted


def test_duplicate_of_the_work_package_is_one_step_below_it(qtbot, package_window):
    window = package_window
    click_cell(window.tree, "w", Column.NAME)
    press(window.tree, "Ctrl+D")
    assert window.document.undo_stack.undoText() == f"Duplicate {STEPS + 1:,} tasks"
    first_copy = 6 + STEPS  # PH, A, B, C, M, then W and its tasks
    assert row_names(window, first_copy, 2) == ["Work package", "Step 1"]
    copied = window.tree.visible_task_ids()[first_copy + 2]
    assert window.tree.proxy_index(copied, int(Column.PREDECESSORS)).data() == f"{first_copy + 2}"


def test_spreadsheet_rows_that_would_loop_are_refused_naming_them(qtbot):
    window = shown_main_window(qtbot, Document(build_small_plan()))
    before = dict(window.document.project.tasks)
    QApplication.clipboard().setText("Name\tPredecessors\nDig trench\t2\nPour base\t1\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert "'Dig trench' (T-1) → 'Pour base' (T-2) → 'Dig trench' (T-1)" in window.statusBar().currentMessage()
    assert window.document.project.tasks == before and not window.document.undo_stack.canUndo()


def key_cells(window, first: int, count: int) -> list[str]:
    rows = window.tree.visible_task_ids()[first:first + count]
    return [window.tree.proxy_index(tid, int(Column.KEY)).data() for tid in rows]


def test_pasted_rows_and_duplicates_keyed_alike_get_keys_numbered_on_in_row_order(qtbot):
    window = shown_main_window(qtbot, Document(build_small_plan()))
    QApplication.clipboard().setText("Name\tKey\nDig trench\tA\nPour base\tA\nSign off\tA\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")  # below C (row 3): the plan has A, so the rows number on from A-2
    assert row_names(window, 4, 3) == ["Dig trench", "Pour base", "Sign off"]
    assert key_cells(window, 4, 3) == ["A-2", "A-3", "A-4"]
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Ctrl+D")
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Ctrl+D")  # each copy of A below it: the newest first
    assert key_cells(window, 1, 3) == ["A", "A-copy-2", "A-copy"]


@pytest.mark.parametrize("finish", ["2200-12-31", "2200"])
def test_a_pasted_finish_a_plan_file_cannot_hold_is_refused_naming_the_cell_and_the_plan_still_saves(
        qtbot, tmp_path, finish):
    # A Finish without a Start is a Finish No Earlier Than stored as the day after its last day:
    # 2200-12-31 would be kept as 2201-01-01, past what a plan file holds, and every save refused.
    window = shown_main_window(qtbot, Document(build_small_plan()))
    before = saved(window, tmp_path / "before.db")
    QApplication.clipboard().setText(f"Name\tFinish\nDig trench\t{finish}\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    message = window.statusBar().currentMessage()
    assert f"Pasted line 2, Finish: '{finish}'" in message and "after 2200-12-30" in message
    assert "1900 to 2200" in message and not window.document.undo_stack.canUndo()
    assert saved(window, tmp_path / "after.db") == before
    QApplication.clipboard().setText("Name\tFinish\nDig trench\t2200-12-30\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")  # the last finish a plan holds is taken, and saved
    assert row_names(window, 4, 1) == ["Dig trench"]
    saved(window, tmp_path / "pasted.db")
