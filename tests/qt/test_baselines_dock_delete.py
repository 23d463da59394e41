"""Deleting baselines from the Baselines dock: several selected and deleted with one click come back
with one Ctrl+Z, as they went (each was an undo step of its own); the dock's hints name menus the
window has."""

from __future__ import annotations

import re

from gestures import press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _click_row(table, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Click the baseline's name in the dock's table."""
    (item,) = table.findItems(name, Qt.MatchFlag.MatchExactly)
    rect = table.visualItemRect(item)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _dock_with_three_baselines(qtbot, window):
    panel = window.analysis.baselines
    window.analysis.show("baselines")
    qtbot.waitUntil(lambda: panel.table.isVisible())
    for name in ("May review", "June review"):
        panel.name_edit.setText(name)
        QTest.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in window.document.project.baselines] == ["2021 roadmap", "May review", "June review"]
    return panel


def test_two_baselines_deleted_with_one_click_come_back_with_one_ctrl_z(qtbot, window):
    panel = _dock_with_three_baselines(qtbot, window)
    _click_row(panel.table, "May review")
    _click_row(panel.table, "June review", Qt.KeyboardModifier.ControlModifier)
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in window.document.project.baselines] == ["2021 roadmap"]
    assert window.edit.undo.text() == "&Undo Delete 2 baselines"
    press(window.tree, "Ctrl+Z")
    assert [b.name for b in window.document.project.baselines] == ["2021 roadmap", "May review", "June review"]
    press(window.tree, "Ctrl+Y")
    assert [b.name for b in window.document.project.baselines] == ["2021 roadmap"]


def test_one_baseline_deleted_is_undone_by_its_name(qtbot, window):
    panel = _dock_with_three_baselines(qtbot, window)
    _click_row(panel.table, "May review")
    QTest.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert window.edit.undo.text() == "&Undo Delete baseline 'May review'"


def test_the_level_choosers_hint_names_a_file_menu_entry_the_window_has(qtbot, window):
    window.analysis.show("baselines")
    panel = window.analysis.baselines
    qtbot.waitUntil(lambda: panel.table.isVisible())
    hint = panel.table.cellWidget(0, 4).toolTip()
    (named,) = re.findall(r"File → ([^)]+)\)", hint)
    entries = [action.text().replace("&", "") for action in window.menus["file"].actions()]
    assert named in entries, (named, entries)
