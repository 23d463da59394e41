"""After a planner's edits by keyboard and mouse, the chart brought up to date row by row paints
pixel for pixel what a window opened fresh on the same plan paints."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from gestures import click_cell, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.commands.outline import IndentTask
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import PlannerError
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt import view_data as gantt_view
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synth import make_plan  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(qtbot, project) -> MainWindow:
    win = MainWindow(Document(project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.resize(1300, 700)
    win.show()
    _activate(qtbot, win)
    win.gantt.canvas.grab()
    return win


def _activate(qtbot, win: MainWindow) -> None:
    """Make `win` the active window (its shortcuts answer keys only then)."""
    win.activateWindow()
    qtbot.waitActive(win)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def _leaves(win: MainWindow, indentable: bool = False) -> list[str]:
    """Planned tasks (not yet started) without sub-tasks below the first third of the rows, each with a
    task above it at its level."""
    tree, project = win.tree, win.document.project
    rows, summaries = tree.visible_task_ids(), project.summary_ids()
    above = {}
    for tid in rows:
        above.setdefault(project.tasks[tid].parent_id, []).append(tid)
    return [tid for tid in rows[len(rows) // 3:] if tid not in summaries
            and above[project.tasks[tid].parent_id][0] != tid and project.tasks[tid].parent_id is not None
            and project.tasks[tid].actual_start is None and project.tasks[tid].duration > 0
            and (not indentable or _may_indent(project, tid))]


def _may_indent(project, task_id: str) -> bool:
    """True when the plan still schedules with the task indented (no link to its new summary)."""
    indent = IndentTask(task_id)
    indent.apply(project)
    try:
        schedule(project)
        return True
    except PlannerError:
        return False
    finally:
        indent.revert(project)


def _painted(win: MainWindow) -> None:
    """The chart as the window shows it after the gesture (what a person sees)."""
    QApplication.processEvents()
    win.gantt.grab()


def _edit_as_a_planner(qtbot, win: MainWindow) -> None:
    """Add, indent, outdent, type a duration, rename, link two tasks, delete; undo and redo between."""
    tree = win.tree
    task = _leaves(win, indentable=True)[0]
    other = next(tid for tid in _leaves(win)[3:] if tid != task)
    steps = [
        lambda: (click_cell(tree, task, Column.NAME), press(tree, "Insert"), type_text(tree, "Inserted")),
        lambda: (click_cell(tree, task, Column.NAME), press(tree, "Alt+Shift+Right")),
        lambda: press(tree, "Ctrl+Z"),
        lambda: press(tree, "Ctrl+Y"),
        lambda: press(tree, "Alt+Shift+Left"),
        lambda: _type_into(tree, task, Column.DURATION, f"{win.document.project.tasks[task].duration + 9}d"),
        lambda: _type_into(tree, task, Column.NAME, "Renamed by hand"),
        lambda: press(tree, "Ctrl+Z"),
        lambda: (click_cell(tree, other, Column.NAME), click_cell(tree, task, Column.NAME, CTRL),
                 press(tree, "Ctrl+L")),
        lambda: press(tree, "Ctrl+Z"),
        lambda: press(tree, "Ctrl+Y"),
        lambda: (click_cell(tree, _named(win, "Inserted"), Column.NAME), press(tree, "Delete")),
        lambda: press(tree, "Ctrl+Z"),
        lambda: (click_cell(tree, task, Column.NAME), press(tree, "Delete")),
    ]
    for step in steps:
        count = win.document.undo_stack.index()
        _activate(qtbot, win)  # the keys go to the table, as when a person works in the window
        tree.setFocus()
        step()
        assert win.document.undo_stack.index() != count, steps.index(step)  # each gesture made or undid an edit
        _painted(win)


def _type_into(tree, task_id: str, column: Column, text: str) -> None:
    """Click the cell, F2, select what it holds and type over it."""
    click_cell(tree, task_id, column)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_F2)
    QApplication.focusWidget().selectAll()
    type_text(tree, text)


def _named(win: MainWindow, name: str) -> str:
    return next(t.id for t in win.document.project.tasks.values() if t.name == name)


def _fresh_like(qtbot, win: MainWindow) -> MainWindow:
    """A new window on the same plan, scrolled, zoomed and selected as `win`."""
    fresh = _open(qtbot, win.document.project)
    assert fresh.tree.visible_task_ids() == win.tree.visible_task_ids()
    fresh.document.set_selection(win.document.selected_ids)
    fresh.gantt.pan_to(win.gantt.scale, win.gantt.vertical_offset)
    _painted(fresh)
    return fresh


@pytest.mark.parametrize("make", [build_reference_project, lambda: make_plan(600, seed=5)],
                         ids=["roadmap", "synthetic"])
def test_the_chart_after_edits_paints_as_a_fresh_window(qtbot, monkeypatch, make):
    refreshed = []
    refresh = gantt_view.refresh_chart_data
    monkeypatch.setattr(gantt_view, "refresh_chart_data",
                        lambda *args, **kwargs: refreshed.append(refresh(*args, **kwargs)) or refreshed[-1])
    win = _open(qtbot, make())
    _edit_as_a_planner(qtbot, win)
    assert refreshed and all(data is not None for data in refreshed)  # no edit needed a whole build
    fresh = _fresh_like(qtbot, win)
    assert win.gantt.vertical_offset == fresh.gantt.vertical_offset > 0
    edited, opened = win.gantt.grab().toImage(), fresh.gantt.grab().toImage()
    assert edited.size() == opened.size()
    assert edited == opened


def _drawn_links(win: MainWindow) -> set[tuple[str, str, str]]:
    """(link id, predecessor, successor) of each link the chart has to draw."""
    data = win.gantt.chart_data()
    rows = data.task_ids
    return {(data.link_ids[i], rows[int(pred)], rows[int(succ)])
            for i, (pred, succ) in enumerate(zip(data.link_pred, data.link_succ))}


def _plan_links(win: MainWindow) -> set[tuple[str, str, str]]:
    """(link id, predecessor, successor) of each link of the plan between two rows shown."""
    shown = set(win.tree.visible_task_ids())
    return {(link.id, link.pred_id, link.succ_id) for link in win.document.project.links.values()
            if link.pred_id in shown and link.succ_id in shown}


def test_the_chart_draws_the_plans_links_after_linking_undoing_and_redoing(qtbot):
    win = _open(qtbot, make_plan(600, seed=5))
    tree = win.tree
    task, other = _leaves(win)[0], _leaves(win)[5]
    before = _plan_links(win)
    steps = [lambda: (click_cell(tree, task, Column.NAME), click_cell(tree, other, Column.NAME, CTRL),
                      press(tree, "Ctrl+L")),
             lambda: press(tree, "Ctrl+Z"), lambda: press(tree, "Ctrl+Y"),
             lambda: (click_cell(tree, task, Column.NAME), press(tree, "Delete")),  # its links go with it
             lambda: press(tree, "Ctrl+Z")]
    for step in steps:
        _activate(qtbot, win)
        tree.setFocus()
        step()
        _painted(win)
        assert _drawn_links(win) == _plan_links(win), steps.index(step)
    assert len(_plan_links(win)) == len(before) + 1  # the link made, and back with its task
