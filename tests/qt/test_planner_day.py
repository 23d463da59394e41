"""A planner's day at the keyboard: Find keeps the dates in view when the task found is in sight,
a baseline is captured by typing its name and Enter, and an analysis opened by its key comes to
the front of the docks tabbed with it."""

from __future__ import annotations

from datetime import date

from gestures import press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def find(window, text: str) -> None:
    window.tree.setFocus()
    press(window.tree, "Ctrl+F")
    box = window.navigate.find_box
    box.selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_find_keeps_the_dates_shown_when_the_bar_found_is_in_sight(window):
    # The small plan runs through 2030 (A from 2030-01-01, then B, C and M).
    window.gantt.zoom_to_range(date(2029, 10, 1), date(2030, 10, 1))
    shown = window.gantt.visible_range()
    find(window, "Task C")
    assert window.document.selected_ids == ["c"] and window.gantt.visible_range() == shown


def test_find_brings_in_a_bar_out_of_sight_at_the_same_zoom(window):
    window.gantt.zoom_to_range(date(2035, 1, 1), date(2035, 4, 1))
    first, last = window.gantt.visible_range()
    find(window, "Task B")
    start, finish = window.gantt.shown_dates("b")
    now_first, now_last = window.gantt.visible_range()
    assert window.document.selected_ids == ["b"] and now_first <= start < now_last
    assert (now_last - now_first) == (last - first)  # panned, not zoomed


def test_a_baseline_is_captured_by_typing_its_name_and_enter(window):
    window.tree.setFocus()
    press(window.tree, "Ctrl+Shift+B")
    panel = window.analysis.baselines
    QTest.mouseClick(panel.name_edit, Qt.MouseButton.LeftButton)
    QTest.keyClicks(panel.name_edit, "Morning review")
    QTest.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert [b.name for b in window.document.project.baselines][-1] == "Morning review"
    assert panel.name_edit.text() == ""
    window.tree.setFocus()
    press(window.tree, "Ctrl+Z")  # one undoable step, as every edit
    assert "Morning review" not in [b.name for b in window.document.project.baselines]


def test_an_analysis_opened_by_its_key_comes_in_front_of_the_docks_tabbed_with_it(qtbot, window):
    window.tree.setFocus()
    press(window.tree, "Ctrl+Shift+B")
    docks = window.analysis.docks
    qtbot.waitUntil(lambda: docks["baselines"].widget().isVisible(), timeout=10000)
    window.tree.setFocus()
    press(window.tree, "Ctrl+Shift+L")
    assert window.tabifiedDockWidgets(docks["slip"]) == [docks["baselines"]]
    # the slip report's tab in front, the baselines behind it, still open
    qtbot.waitUntil(lambda: not docks["slip"].visibleRegion().isEmpty()
                    and docks["baselines"].visibleRegion().isEmpty(), timeout=10000)
    assert docks["baselines"].toggleViewAction().isChecked()
