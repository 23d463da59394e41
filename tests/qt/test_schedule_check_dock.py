"""The Schedule check dock: opened by its key, a check opened onto its tasks, a task chosen by
double-click or Enter selected in the table, and the checks run again after an edit."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt
from windows import shown_main_window

from ilrs_planner.commands.links import AddLink
from ilrs_planner.domain import Link, Project, Task, TaskKind
from ilrs_planner.qt.analysis import installer
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_tree_model import TASK_ID_ROLE


def _plan() -> Project:
    """PH (A 10 d -> B 10 d -> C 60 d), then D and E, linked to nothing. A starts the plan and C
    ends it; D and E have neither a predecessor nor a successor: Logic fails, 2 of 5 tasks."""
    project = Project("Dock", date(2030, 1, 1))
    project.add_task(Task("PH", "Phase", kind=TaskKind.PHASE, id="ph", position=0))
    for index, (key, duration) in enumerate((("A", 10), ("B", 10), ("C", 60))):
        project.add_task(Task(key, f"Task {key}", duration, id=key.lower(), parent_id="ph", position=index))
    for index, key in enumerate("DE", 1):
        project.add_task(Task(key, f"Task {key}", 10, id=key.lower(), position=index))
    for pred, succ in (("a", "b"), ("b", "c")):
        project.add_link(Link(pred, succ, id=pred + succ))
    return project


@pytest.fixture
def window(qtbot):
    return shown_main_window(qtbot, Document(_plan()), (1300, 800))


def _check_item(panel, title: str):
    items = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    return next((item for item in items if item.text(0) == title), None)


def _failing(panel, title: str) -> str | None:
    """What the check's Failing column reads; None while the dock lists no such check."""
    item = _check_item(panel, title)
    return None if item is None else item.text(2)


def _open_dock(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dock = window.analysis.docks["check"]
    qtbot.waitUntil(dock.isVisible, timeout=10_000)
    panel = window.analysis.check
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=10_000)
    return panel


def test_the_dock_lists_each_check_with_its_verdict(qtbot, window):
    panel = _open_dock(qtbot, window)
    logic = _check_item(panel, "1. Logic")
    assert [logic.text(c) for c in range(1, 5)] == ["<= 5 %", "2 of 5", "40.0 %", "FAIL"]
    assert _check_item(panel, "2. Leads").text(4) == "PASS"
    assert _check_item(panel, "11. Missed tasks").text(4) == "N/A"  # no baseline, no status date
    # Logic, high float (D and E could wait 70 and 75 days for C) and high duration (C's 60 days).
    assert panel.headline.text().startswith("3 of 9 checks fail")
    assert _check_item(panel, "6. High float").text(2) == "2 of 5"


def test_a_task_of_an_opened_check_is_found_in_the_table_by_double_click_and_by_enter(qtbot, window):
    panel = _open_dock(qtbot, window)
    tree, logic = panel.tree, _check_item(panel, "1. Logic")
    tree.setFocus()
    tree.setCurrentItem(logic)
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # opens the check
    qtbot.waitUntil(lambda: logic.isExpanded() and logic.childCount() == 2, timeout=10_000)
    assert [logic.child(i).text(0) for i in range(2)] == [
        "5  Task D: no predecessor or successor", "6  Task E: no predecessor or successor"]  # IDs, as the table
    where = tree.visualItemRect(logic.child(0)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click's first press
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.tree.currentIndex().data(TASK_ID_ROLE) == "d", timeout=10_000)
    assert window.document.selected_ids == ["d"]
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.currentIndex().data(TASK_ID_ROLE) == "e", timeout=10_000)
    assert window.document.selected_ids == ["e"]


def test_an_edit_runs_the_checks_again_keeping_the_opened_check_open(qtbot, window):
    panel = _open_dock(qtbot, window)
    logic = _check_item(panel, "1. Logic")
    logic.setExpanded(True)
    window.document.push(AddLink("a", "e"))
    window.document.push(AddLink("e", "c"))  # E is now between A and C: only D has no logic
    qtbot.waitUntil(lambda: _failing(panel, "1. Logic") == "1 of 5", timeout=10_000)
    logic = _check_item(panel, "1. Logic")
    assert logic.isExpanded() and [logic.child(i).text(0) for i in range(logic.childCount())] == [
        "5  Task D: no predecessor or successor"]


def test_the_dock_takes_a_share_of_a_tall_window_to_show_its_checks(qtbot, window, monkeypatch):
    # The offscreen screen is 800 pixels high: this 800-pixel window stands for a 1080-pixel one,
    # where the panel's own height showed six of its sixteen rows.
    monkeypatch.setattr(installer, "TALL_WINDOW", 600)
    panel = _open_dock(qtbot, window)
    dock = window.analysis.docks["check"]
    qtbot.waitUntil(lambda: dock.height() >= int(window.height() * installer.CHECK_SHARE) - 8, timeout=10_000)
    assert panel.tree.viewport().height() > 8 * panel.tree.visualItemRect(_check_item(panel, "1. Logic")).height()


def test_an_edit_made_while_the_check_runs_drops_its_result_and_the_plan_as_edited_is_checked(
        qtbot, window, monkeypatch):
    from ilrs_planner.qt.analysis import schedule_check_worker

    panel = _open_dock(qtbot, window)
    real, release, shown = schedule_check_worker.check_schedule, threading.Event(), []
    monkeypatch.setattr(schedule_check_worker, "check_schedule",
                        lambda *args: release.wait(60) and real(*args))
    monkeypatch.setattr(panel, "_show", lambda result, show=panel._show: shown.append(result) or show(result))
    window.document.push(AddLink("a", "e"))  # the check of this plan waits in the worker
    qtbot.waitUntil(lambda: panel.worker is not None and panel.worker.isRunning(), timeout=10_000)
    assert panel.tree.topLevelItemCount() == 0 and panel.headline.text() == "Checking the plan…"
    window.document.push(AddLink("e", "c"))  # while it runs: only D has no logic now
    release.set()
    qtbot.waitUntil(lambda: _failing(panel, "1. Logic") == "1 of 5", timeout=20_000)
    assert [r.result("logic").failing for r in shown] == [1]  # the check of the plan between never shown
    assert panel.headline.text().startswith("3 of 9 checks fail")  # Logic (1 of 5), high float and high duration


def test_a_fault_in_the_check_itself_is_said_in_the_dock_which_does_not_stay_checking(qtbot, window, monkeypatch):
    from ilrs_planner.qt.analysis import schedule_check_worker

    panel = _open_dock(qtbot, window)

    def broken(*_args):
        raise RuntimeError("an index out of range")

    monkeypatch.setattr(schedule_check_worker, "check_schedule", broken)
    with qtbot.captureExceptions() as raised:
        window.document.push(AddLink("a", "e"))
        qtbot.waitUntil(lambda: "stopped" in panel.message.text(), timeout=20_000)
    assert [kind for kind, *_ in raised] == [RuntimeError]  # reported as the fault it is
    assert panel.headline.text() != "Checking the plan…" and panel.worker is None
