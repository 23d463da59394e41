"""Export image and Print show the tasks the filter shows, as Copy image does; the export dialog
says which filter it follows and can export every task instead."""

from __future__ import annotations

import pytest
from gestures import press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.domain import Task
from ilrs_planner.qt.dialogs.export_dialog import ExportDialog


@pytest.fixture
def small_project(small_project):
    """The small plan (PH holds A → B → C, then M, the critical chain) with X under PH: 5 days,
    unlinked, so it has float and a Critical filter leaves it out."""
    small_project.add_task(Task("X", "Survey done", 5, id="x", parent_id="ph", position=3, percent_complete=100))
    return small_project


def choose_critical(window) -> None:
    combo = window.filters.combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != "Critical":
        QTest.keyClick(combo, Qt.Key.Key_Down)


def open_export(window) -> ExportDialog:
    window.tree.setFocus()
    press(window.tree, "Ctrl+E")
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    return dialog


def export_svg(qtbot, dialog, path) -> str:
    dialog.format_combo.setCurrentText("SVG (vector)")
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    return path.read_text(encoding="utf-8")


def test_export_image_draws_the_filtered_tasks_and_says_so(qtbot, window, tmp_path):
    choose_critical(window)
    dialog = open_export(window)
    assert dialog.filter_label.isVisible() and dialog.filter_label.text() == "Filtered: Critical (5 of 6 tasks)"
    assert not dialog.all_tasks.isChecked() and dialog.title_edit.text() == "Small — Critical"
    svg = export_svg(qtbot, dialog, tmp_path / "critical.svg")
    assert "Task B" in svg and "Survey done" not in svg
    assert "Exported" in window.statusBar().currentMessage()


def test_export_all_tasks_draws_every_task_though_the_table_is_filtered(qtbot, window, tmp_path):
    choose_critical(window)
    dialog = open_export(window)
    qtbot.mouseClick(dialog.all_tasks, Qt.MouseButton.LeftButton)
    assert dialog.title_edit.text() == "Small"  # the title names the filter only while it applies
    svg = export_svg(qtbot, dialog, tmp_path / "all.svg")
    assert "Task B" in svg and "Survey done" in svg
    assert window.tree.visible_task_ids() == ["ph", "a", "b", "c", "m"]  # the table stays filtered


def test_without_a_filter_the_dialog_says_nothing_of_one_and_exports_every_task(qtbot, window, tmp_path):
    dialog = open_export(window)
    assert not dialog.filter_label.isVisible() and not dialog.all_tasks.isVisible()
    assert "Survey done" in export_svg(qtbot, dialog, tmp_path / "whole.svg")


def test_print_shows_the_filtered_tasks(qtbot, window, monkeypatch):
    from ilrs_planner.qt import printing

    drawn: list[list[str]] = []

    class Recorded(printing.PrintedTimeline):
        def paint(self, *args, **kwargs):
            drawn.append(list(self.data.task_ids))
            return super().paint(*args, **kwargs)

    monkeypatch.setattr(printing, "PrintedTimeline", Recorded)
    choose_critical(window)
    window.tree.setFocus()
    press(window.tree, "Ctrl+P")
    qtbot.waitUntil(lambda: bool(drawn), timeout=20000)  # the preview paints its page
    window.print_dialog.reject()
    QApplication.processEvents()
    assert "x" not in drawn[-1] and {"a", "b", "c", "m"} <= set(drawn[-1])
