"""On a Monday-to-Friday plan the Duration column counts working days, as MS Project does: '5d'
typed reads 5 d although the task spans a weekend (it read 7 d, the calendar days)."""

from __future__ import annotations

from datetime import date

from gestures import click_cell, type_text

from ilrs_planner.domain import Task
from ilrs_planner.domain.blank_plan import blank_plan
from ilrs_planner.qt.models.task_columns import Column


def cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_durations_typed_on_a_working_week_plan_read_as_typed(qtbot, window):
    plan = blank_plan(date(2030, 1, 2))  # a Wednesday
    plan.add_task(Task(key="T-1", name="Design", duration=1, id="t1", position=0))
    plan.add_task(Task(key="T-2", name="Build", duration=1, id="t2", position=1))
    window.document.replace_project(plan, None)
    click_cell(window.tree, "t1", Column.DURATION)
    type_text(window.tree, "5d")  # Wednesday to Tuesday: 5 working days over 7 calendar days
    type_text(window.tree, "2w")  # Enter moved down to Build: ten working days
    assert (cell(window, "t1", Column.START), cell(window, "t1", Column.FINISH)) == ("2030-01-02", "2030-01-08")
    assert cell(window, "t1", Column.DURATION) == "5 d"
    assert cell(window, "t2", Column.DURATION) == "10 d"


def test_an_elapsed_duration_reads_in_elapsed_days(qtbot, window):
    plan = blank_plan(date(2030, 1, 2))
    plan.add_task(Task(key="T-1", name="Cure", duration=1, id="t1", position=0))
    window.document.replace_project(plan, None)
    click_cell(window.tree, "t1", Column.DURATION)
    type_text(window.tree, "7ed")  # a week of curing, weekends included
    assert cell(window, "t1", Column.DURATION) == "7 ed"
    assert cell(window, "t1", Column.FINISH) == "2030-01-08"
