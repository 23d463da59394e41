"""The filter a plan file was left with comes back when the file is opened again, in this window or
the next; another file keeps its own; nothing of it goes into the plan file that partners receive."""

from __future__ import annotations

import copy

import pytest
from gestures import choose_in_combo
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from ilrs_planner.domain import Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.store import save_project


@pytest.fixture
def small_project(small_project):
    """The small plan (PH holds A → B → C, then M: the critical chain) with X under PH, which has float."""
    small_project.add_task(Task("X", "Survey done", 5, id="x", parent_id="ph", position=3, percent_complete=100))
    return small_project


@pytest.fixture
def plan_files(tmp_path, small_project):
    save_project(small_project, tmp_path / "plan.db")
    save_project(small_project, tmp_path / "other.db")
    return tmp_path / "plan.db", tmp_path / "other.db"


def open_window(qtbot, small_project, path) -> MainWindow:
    window = MainWindow(Document(small_project))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.plan_file.open_path(str(path))
    return window


def filter_name(qtbot, window, text: str) -> None:
    box = window.filters.name_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    QTest.keyClicks(box, text)  # into the box itself, whichever window the platform made active
    QTest.keyClick(box, Qt.Key.Key_Return)


def shown_filter(window) -> tuple[str, str, list[str]]:
    return window.filters.combo.currentText(), window.filters.name_box.text(), window.tree.visible_task_ids()


def test_a_plan_file_reopened_shows_the_filter_it_was_left_with(qtbot, small_project, plan_files):
    plan, other = plan_files
    stored = plan.read_bytes()
    first = open_window(qtbot, small_project, plan)
    choose_in_combo(first, "Critical")
    filter_name(qtbot, first, "task")
    assert shown_filter(first) == ("Critical", "task", ["ph", "a", "b", "c"])
    first.close()

    second = open_window(qtbot, small_project, plan)
    assert shown_filter(second) == ("Critical", "task", ["ph", "a", "b", "c"])
    assert second.status_bar_widgets["filter"].text() == "Filter: Critical, name holds “task” — 4 of 6 tasks shown"
    assert second.plan_file.open_path(str(other))  # another file: its own filter, here none
    assert shown_filter(second) == ("All tasks", "", ["ph", "a", "b", "c", "x", "m"])
    assert second.plan_file.open_path(str(plan))
    assert shown_filter(second) == ("Critical", "task", ["ph", "a", "b", "c"])
    assert plan.read_bytes() == stored  # the filter is the planner's, not the plan's


def test_all_tasks_chosen_is_what_the_file_reopens_with(qtbot, small_project, plan_files):
    plan, other = plan_files
    window = open_window(qtbot, small_project, plan)
    choose_in_combo(window, "Milestones")
    choose_in_combo(window, "All tasks")
    assert window.plan_file.open_path(str(other)) and window.plan_file.open_path(str(plan))
    assert shown_filter(window) == ("All tasks", "", ["ph", "a", "b", "c", "x", "m"])


def test_save_as_takes_the_filter_to_the_new_file(qtbot, small_project, plan_files, monkeypatch):
    plan, other = plan_files
    window = open_window(qtbot, small_project, plan)
    choose_in_combo(window, "Milestones")
    copy = plan.with_name("copy.db")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.files.save_as.trigger()
    assert window.document.path == str(copy)
    assert window.plan_file.open_path(str(other)) and window.plan_file.open_path(str(copy))
    assert shown_filter(window) == ("Milestones", "", ["m"])


def test_slipped_tasks_comes_back_with_the_baseline_it_compares_with(qtbot, small_project, plan_files):
    plan, other = plan_files
    first = open_window(qtbot, small_project, plan)
    first.view._fill_baseline_menu()
    next(a for a in first.view.baseline_menu.actions() if a.text() == "1  2021 roadmap").trigger()
    choose_in_combo(first, "Slipped tasks")
    slipped = first.tree.visible_task_ids()
    assert first.document.baseline_name == "2021 roadmap" and slipped != ["ph", "a", "b", "c", "x", "m"]
    first.close()

    second = open_window(qtbot, small_project, plan)
    assert second.document.baseline_name == "2021 roadmap"
    assert shown_filter(second) == ("Slipped tasks", "", slipped)
    assert second.plan_file.open_path(str(other))  # compared with nothing there: left as it was
    assert shown_filter(second)[0] == "All tasks"


def test_opening_a_plan_without_the_baseline_leaves_the_first_files_slipped_tasks_remembered(
        qtbot, small_project, tmp_path):
    plan = tmp_path / "plan.db"
    save_project(small_project, plan)
    bare = copy.deepcopy(small_project)
    bare.baselines.clear()
    save_project(bare, tmp_path / "bare.db")
    window = open_window(qtbot, small_project, plan)
    window.view._fill_baseline_menu()
    next(a for a in window.view.baseline_menu.actions() if a.text() == "1  2021 roadmap").trigger()
    choose_in_combo(window, "Slipped tasks")
    slipped = window.tree.visible_task_ids()
    # The compared baseline is let go while bare.db opens (it has none); the filter went with it, and was
    # forgotten for plan.db, whose path the window still held at that moment.
    assert window.plan_file.open_path(str(tmp_path / "bare.db"))
    assert window.plan_file.open_path(str(plan))
    assert window.document.baseline_name == "2021 roadmap"
    assert shown_filter(window) == ("Slipped tasks", "", slipped)


def test_a_plan_file_reopens_on_the_dates_and_task_it_was_left_on(qtbot, small_project, plan_files):
    """As the filter does, the chart's dates and the selected task come back with the file — in this
    window after another file, and in the next window after closing; another file opens whole."""
    from gestures import click_cell, press

    from ilrs_planner.qt.models.task_columns import Column

    plan, other = plan_files
    first = open_window(qtbot, small_project, plan)
    whole = first.gantt.visible_range()
    press(first, "Ctrl+2")  # two years
    press(first, "Ctrl+=")  # and a step in
    click_cell(first.tree, "b", Column.NAME)
    left = first.gantt.visible_range()
    assert left != whole and first.document.selected_ids == ["b"]
    assert first.plan_file.open_path(str(other))
    assert first.gantt.visible_range() == whole and first.document.selected_ids == []
    assert first.plan_file.open_path(str(plan))
    assert first.gantt.visible_range() == left and first.document.selected_ids == ["b"]
    click_cell(first.tree, "c", Column.NAME)
    first.close()

    second = open_window(qtbot, small_project, plan)
    assert second.gantt.visible_range() == left and second.document.selected_ids == ["c"]
    assert second.tree.currentIndex().data() is not None
