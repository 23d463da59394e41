"""The chart follows the task selected or added, as the table does: its row comes into the chart's
row area (shorter than the table's: the legend sits under it) and its bar into the dates shown."""

from __future__ import annotations

from datetime import timedelta

from gestures import click_cell, press, type_text
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_tree_model import ROW_HEIGHT
from ilrs_planner.qt.models.task_tree_view import HEADER_HEIGHT


def bar_in_sight(window, task_id: str) -> bool:
    gantt = window.gantt
    row = gantt.rows().index(task_id)
    top = row * ROW_HEIGHT - gantt.vertical_offset
    in_rows = top >= 0 and top + ROW_HEIGHT <= gantt.canvas.height() - HEADER_HEIGHT
    start, finish = gantt.shown_dates(task_id)
    first, last = gantt.visible_range()
    return in_rows and start < last and finish > first


def test_tasks_added_one_after_another_stay_in_sight_on_the_chart_at_a_day_zoom(qtbot, window):
    window.plan_file.new_plan()
    gantt = window.gantt
    start = window.document.project.start
    gantt.zoom_to_range(start - timedelta(days=40), start - timedelta(days=34))  # days, and away from the plan
    window.tree.setFocus()
    for _ in range(30):  # more rows than the chart's row area holds
        press(window.tree, "Insert")
        press(window.tree, "Return")  # keep the name 'New task'
        QApplication.processEvents()
        new = window.document.selected_ids[0]
        assert bar_in_sight(window, new), f"row {gantt.rows().index(new)} out of sight"
    assert gantt.visible_range()[1] - gantt.visible_range()[0] < timedelta(days=10)  # the zoom kept


def test_a_row_chosen_in_the_table_brings_its_bar_into_the_dates_shown(window):
    gantt = window.gantt
    finish = gantt.shown_dates("m")[1]
    gantt.zoom_to_range(finish + timedelta(days=400), finish + timedelta(days=460))
    click_cell(window.tree, "b", Column.NAME)
    assert bar_in_sight(window, "b")


def test_clicking_a_bar_partly_in_sight_does_not_move_the_chart(window):
    gantt = window.gantt
    start, finish = gantt.shown_dates("c")
    gantt.zoom_to_range(finish - timedelta(days=5), finish + timedelta(days=55))
    before = gantt.visible_range()
    click_cell(window.tree, "c", Column.NAME)
    assert gantt.visible_range() == before


def test_a_new_task_linked_after_another_keeps_its_bar_in_sight_at_a_day_zoom(qtbot, window):
    window.plan_file.new_plan()
    gantt = window.gantt
    start = window.document.project.start
    gantt.zoom_to_range(start - timedelta(days=1), start + timedelta(days=9))  # ten days, as a new plan shows
    window.tree.setFocus()
    for name in ("Design", "Build", "Test"):
        press(window.tree, "Insert")
        type_text(window.tree, name)
    for row, (task_id, typed) in enumerate(zip(window.document.project.tasks, ("15d", "3d", "20d"))):
        click_cell(window.tree, task_id, Column.DURATION)
        type_text(window.tree, typed)
        if row:
            click_cell(window.tree, task_id, Column.PREDECESSORS)
            type_text(window.tree, str(row))  # after the task of the row above; Enter goes down a row
            selected = window.document.selected_ids[0]
            assert bar_in_sight(window, selected), f"row {gantt.rows().index(selected) + 1} out of sight"
    test = list(window.document.project.tasks)[2]
    assert window.document.selected_ids == [test] and gantt.shown_dates(test)[0] > start + timedelta(days=20)
    assert bar_in_sight(window, test)  # moved 18 working days on by its links, and followed
    assert gantt.visible_range()[1] - gantt.visible_range()[0] < timedelta(days=14)  # the zoom kept
