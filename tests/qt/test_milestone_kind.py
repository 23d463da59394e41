"""A task made a milestone by typing 0 into its Duration is a milestone everywhere, as in MS Project
(a 0-day task is a milestone): its Kind reads Milestone in the task dialog and `milestone` in CSV,
as a roadmap milestone's does; typed days again, it is a task."""

from __future__ import annotations

import csv

from gestures import click_cell, press, type_text
from PySide6.QtWidgets import QApplication

from ilrs_planner.exchange import msp_csv_write
from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.models.task_columns import Column


def open_dialogs() -> list[TaskDialog]:
    return [d for d in QApplication.topLevelWidgets() if isinstance(d, TaskDialog) and d.isVisible()]


def dialog_kind(qtbot, window) -> str:
    press(window.tree, "Ctrl+I")
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=10_000)
    (dialog,) = open_dialogs()
    kind = dialog.ui.kind_combo.currentText()
    dialog.reject()
    window.activateWindow()  # the dialog closed: the window system gives the window back its focus
    qtbot.waitActive(window)
    return kind


def csv_kind(window, tmp_path, name: str) -> str:
    path = tmp_path / "plan.csv"
    msp_csv_write.write(window.document.project, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(row["Kind"] for row in csv.DictReader(handle) if row["Name"] == name)


def test_a_task_typed_0_days_is_a_milestone_in_the_dialog_and_csv(qtbot, window, tmp_path):
    click_cell(window.tree, "b", Column.DURATION)
    type_text(window.tree, "0")
    assert window.document.project.tasks["b"].is_milestone
    click_cell(window.tree, "b", Column.NAME)
    assert dialog_kind(qtbot, window) == "Milestone"
    assert csv_kind(window, tmp_path, "Task B") == "milestone"
    click_cell(window.tree, "b", Column.DURATION)
    type_text(window.tree, "4d")  # days again: a task
    click_cell(window.tree, "b", Column.NAME)
    assert dialog_kind(qtbot, window) == "Task"
    assert csv_kind(window, tmp_path, "Task B") == "task"
    press(window.tree, "Ctrl+Z")
    press(window.tree, "Ctrl+Z")  # both undone: the task it was
    assert window.document.project.tasks["b"].kind.value == "task"
