"""A Start or Finish typed over a flown task's actual dates is refused, naming them and where they are
changed: history keeps its dates, their day precision and the confidence of a real event."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from PySide6.QtWidgets import QMessageBox
from windows import shown_main_window

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Precision
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
ROW = (Column.START, Column.FINISH, Column.CONFIDENCE, Column.CONSTRAINT_TYPE)


@pytest.fixture
def roadmap(qtbot):
    window = shown_main_window(qtbot, Document(build_reference_project()), (1600, 900))
    for column in (Column.CONFIDENCE, Column.CONSTRAINT_TYPE):
        window.tree.header().showSection(int(column))
    return window


def _row(window, task_id: str) -> list[str]:
    return [window.tree.proxy_index(task_id, int(column)).data() for column in ROW]


def _typed_and_refused(qtbot, window, task_id: str, column: Column, text: str) -> str:
    click_cell(window.tree, task_id, column)
    type_text(window.tree, text)
    qtbot.waitUntil(lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)), timeout=10_000)
    (box,) = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    said = box.text()
    box.close()
    return said


def test_a_start_typed_on_a_flown_mission_is_refused_naming_its_actual_dates(qtbot, roadmap):
    project, stack = roadmap.document.project, roadmap.document.undo_stack
    change6 = project.task_by_key("change-6")  # flew 2024-05-03 to 2024-06-25 (last day of work)
    before, steps = _row(roadmap, change6.id), stack.count()
    assert before[:2] == ["2024-05-03", "2024-06-25"]
    said = _typed_and_refused(qtbot, roadmap, change6.id, Column.START, "2025")
    assert "'Chang'e 6 far-side sample return' has actual dates 2024-05-03 to 2024-06-25" in said
    assert "Task details" in said and "Actual start" in said
    assert _row(roadmap, change6.id) == before and stack.count() == steps
    assert change6.precision is Precision.DAY and change6.confidence is None


def test_a_finish_typed_on_a_finished_task_is_refused_and_its_day_precision_kept(qtbot, roadmap):
    project, stack = roadmap.document.project, roadmap.document.undo_stack
    luna25 = project.task_by_key("luna-25")  # actual 2023-08-11 to 2023-08-19
    before, steps = _row(roadmap, luna25.id), stack.count()
    said = _typed_and_refused(qtbot, roadmap, luna25.id, Column.FINISH, "2023-09")
    assert "actual dates 2023-08-11 to 2023-08-19" in said and "finish" in said
    assert _row(roadmap, luna25.id) == before and stack.count() == steps
    assert luna25.duration == 9 and luna25.precision is Precision.DAY


def test_a_date_typed_on_a_milestone_that_happened_is_refused(qtbot, roadmap):
    landing = roadmap.document.project.task_by_key("change-6-landing")  # landed 2024-06-02
    said = _typed_and_refused(qtbot, roadmap, landing.id, Column.FINISH, "2024-07-01")
    assert "has its actual date 2024-06-02: a date typed over them" in said
    assert landing.constraint_date is None and landing.precision is Precision.DAY


def test_a_finish_typed_for_work_under_way_moves_its_forecast_never_coarsening_its_start(qtbot):
    project = build_reference_project()
    plant = project.task_by_key("lunar-power-plant")  # under way since its contract, 2025-12-24
    plant.precision = Precision.DAY  # recorded to the day, as the contract's day is known
    window = shown_main_window(qtbot, Document(project), (1600, 900))
    assert _row(window, plant.id)[0] == "2025-12-24"
    click_cell(window.tree, plant.id, Column.FINISH)
    type_text(window.tree, "2036")
    # The forecast finish is the end of 2036; the actual start still reads to the day.
    assert _row(window, plant.id)[:2] == ["2025-12-24", "2036-12-31"]
    assert plant.precision is Precision.DAY and plant.actual_start == date(2025, 12, 24)
    window.document.undo_stack.undo()
    assert _row(window, plant.id)[1] != "2036-12-31"
