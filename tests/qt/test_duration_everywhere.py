"""The window writes one Duration, MS Project's, in the task table, the chart's tooltip and the task
dialog alike: a task under way its own duration (the span to its forecast finish is named 'At
completion' in the tooltip), a finished task the days it took, a phase its span.

Monday-to-Friday from Monday 2030-01-07, status date Monday 01-21 (hand-worked in
tests/exchange/test_duration_kinds.py, which checks the exports): U (10 d, started 01-07, 20 %) has
8 days left from the status date, to Wed 01-30, so 18 working days from its start; H (10 d, started
Wed 01-16, 80 %) is ahead: 3 days behind it and 2 left, 5 d at completion; D, planned 10 d, worked
01-07 to Fri 01-25: 15 d; E, 10 elapsed days from 01-14 at 30 %, runs 14 calendar days to 01-27.
"""

from __future__ import annotations

from datetime import date

import pytest
from duration_kinds import kinds_plan
from gestures import click_cell, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ilrs_planner.chart import Hit
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.gantt.tooltip import tooltip_text
from ilrs_planner.qt.models.task_columns import Column

D = date
SHOWN = {"n": "10 d", "u": "10 d", "h": "10 d", "d": "15 d", "e": "10 ed", "m": "0 d", "p": "10 d"}


@pytest.fixture
def kinds(window):
    window.document.replace_project(kinds_plan(), None)
    return window


def test_the_duration_column_reads_ms_projects_duration(kinds):
    assert {tid: kinds.tree.proxy_index(tid, int(Column.DURATION)).data() for tid in SHOWN} == SHOWN


def test_the_tooltip_gives_the_same_duration_and_names_the_span_of_work_under_way(kinds):
    document = kinds.document
    behind, ahead, elapsed = (tooltip_text(document, Hit("bar", tid)) for tid in "uhe")
    assert "2030-01-07 → 2030-01-30 (10 d)" in behind
    assert "At completion: 18 d (actual start to forecast finish)" in behind
    assert "2030-01-16 → 2030-01-22 (10 d)" in ahead and "At completion: 5 d (" in ahead
    assert "(10 ed)" in elapsed and "At completion: 14 ed (" in elapsed
    for tid in "ndmp":  # not under way: the dates' span is the duration, nothing more to name
        text = tooltip_text(document, Hit("bar", tid))
        assert f"({SHOWN[tid]})" in text and "At completion" not in text, tid


def _dialog(qtbot, window, task_id: str) -> TaskDialog:
    dialog = TaskDialog(window.document, task_id)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_the_task_dialog_gives_the_same_duration(qtbot, kinds):
    # The field writes days without the elapsed unit: the Elapsed box beside it says so.
    want = {tid: text.replace(" ed", " d") for tid, text in SHOWN.items()}
    assert {tid: _dialog(qtbot, kinds, tid).ui.duration_edit.text() for tid in SHOWN} == want


def test_ok_on_a_finished_task_leaves_its_planned_duration(qtbot, kinds):
    # The dialog shows the 15 days D took; left as shown, OK does not turn them into its planned 10.
    dialog = _dialog(qtbot, kinds, "d")
    qtbot.mouseClick(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert kinds.document.project.tasks["d"].duration == 10 and kinds.document.undo_stack.count() == 0


def test_the_roadmaps_power_plant_reads_one_duration_and_its_span_at_completion(qtbot, window):
    # Under way since 2025-12-24 at 9 % of 4,026 d (to the end of 2036): 3,664 d left (ceil 4,026 x 0.91)
    # from the status date 2026-12-01, 342 days after its start, so 4,006 d from start to forecast
    # finish. The table once read the span and the dialog the duration.
    window.document.replace_project(build_reference_project(), None)
    plant = next(t.id for t in window.document.project.tasks.values() if t.key == "lunar-power-plant")
    assert window.tree.proxy_index(plant, int(Column.DURATION)).data() == "4,026 d"
    assert _dialog(qtbot, window, plant).ui.duration_edit.text() == "4,026 d"
    text = tooltip_text(window.document, Hit("bar", plant))
    assert "(4,026 d)" in text and "At completion: 4,006 d (actual start to forecast finish)" in text


@pytest.mark.parametrize("typed", ["0", "0d", "0 days"])
def test_zero_typed_into_a_duration_makes_a_milestone_written_0_d_as_ms_project_writes_0_days(
        qtbot, window, typed):
    tree, gantt = window.tree, window.gantt
    click_cell(tree, "b", Column.DURATION)
    type_text(tree, typed)
    assert window.document.project.tasks["b"].is_milestone
    assert tree.proxy_index("b", int(Column.DURATION)).data() == "0 d"  # not the word 'milestone'
    # Task B follows A's last day, 2030-01-10: a diamond on the 11th, where its bar began.
    day = gantt.shown_dates("b")[0]
    row = gantt.rows().index("b")
    y = gantt.style.header_height + (row + 0.5) * gantt.style.row_height - gantt.vertical_offset
    assert day == date(2030, 1, 11)
    assert gantt.canvas.hit_at(QPoint(int(round(gantt.scale.x_of(day))), int(y))).kind == "milestone"
    assert "(0 d)" in tooltip_text(window.document, Hit("milestone", "b"))
    steps = window.document.undo_stack.count()
    click_cell(tree, "b", Column.DURATION)
    type_text(tree, "0 d")  # what the cell reads, typed back: nothing changes
    assert window.document.undo_stack.count() == steps and window.document.project.tasks["b"].is_milestone
