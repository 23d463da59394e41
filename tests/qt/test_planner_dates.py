"""A date the planner types or drags is the planner's: the task says so in the same undo step, shows
the day chosen, and what it pushes is not read as announced."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from PySide6.QtCore import QPoint, Qt
from windows import shown_main_window

from ilrs_planner.commands.baselines import CaptureBaseline
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Confidence, ConstraintType, Precision, Project, Task
from ilrs_planner.engine.slippage import PLANNED, slip_report
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def roadmap(qtbot):
    """The bundled roadmap in the main window, compared with a baseline of itself."""
    project = build_reference_project()
    document = Document(project)
    document.push(CaptureBaseline("Today", project.status_date))
    return shown_main_window(qtbot, document, (1600, 900))


def _cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_a_start_typed_over_an_announced_date_makes_it_an_assumption_in_the_same_undo_step(roadmap):
    project, stack = roadmap.document.project, roadmap.document.undo_stack
    change8 = project.task_by_key("change-8")
    steps = stack.count()
    click_cell(roadmap.tree, change8.id, Column.START)
    type_text(roadmap.tree, "2031")
    assert _cell(roadmap, change8.id, Column.START) == "2031"
    assert change8.confidence is Confidence.ASSUMPTION and change8.source_date == date(2025, 4, 24)  # source kept
    assert stack.count() == steps + 1
    stack.undo()
    assert change8.confidence is None and change8.constraint_date == date(2029, 1, 1)  # sourced again
    stack.redo()
    assert change8.confidence is Confidence.ASSUMPTION


def test_what_a_typed_date_pushes_is_a_planned_slip_whatever_its_label(roadmap):
    project = roadmap.document.project
    change8 = project.task_by_key("change-8")
    click_cell(roadmap.tree, change8.id, Column.START)
    type_text(roadmap.tree, "2031")
    report = slip_report(project, roadmap.document.schedule, "Today")
    pushed = ["change-8", "pakistan-rover-ce8", "ilrs-1-5", "basic-readiness-review", "ilrs-basic",
              "ilrs-full", "ilrs-extended"]
    rows = {row.key: row for row in report.rows}
    assert all(rows[key].finish_variance == 730 for key in ["change-8", "pakistan-rover-ce8"])  # 2029 -> 2031
    assert {key: (rows[key].basis, rows[key].slipped) for key in pushed} == {key: (PLANNED, True) for key in pushed}


def _plan() -> Project:
    project = Project("Fuzzy", date(2028, 1, 1))
    project.add_task(Task("ce8", "Chang'e 8", 365, id="ce8", position=0, precision=Precision.YEAR,
                          constraint=ConstraintType.SNET, constraint_date=date(2029, 1, 1),
                          source_url="https://example.org/ce8", source_date=date(2025, 4, 24)))
    return project


def test_a_dragged_bar_shows_the_day_it_was_dropped_on_and_is_the_planners(qtbot, gantt_on):
    gantt = gantt_on(_plan(), (1000, 300), date(2028, 12, 1), date(2029, 4, 1))
    document = gantt.document
    y = round(gantt.style.header_height + gantt.style.row_height / 2 - gantt.vertical_offset)
    start = QPoint(round(gantt.scale.x_of(date(2029, 1, 10))), y)
    drop = QPoint(round(gantt.scale.x_of(date(2029, 3, 8))), y)  # 57 days later
    qtbot.mousePress(gantt.canvas, Qt.LeftButton, pos=start)
    for i in range(1, 5):
        qtbot.mouseMove(gantt.canvas, start + (drop - start) * i / 4)
    qtbot.mouseRelease(gantt.canvas, Qt.LeftButton, pos=drop)
    task = document.project.tasks["ce8"]
    assert document.undo_stack.count() == 1
    moved = task.constraint_date
    assert abs((moved - date(2029, 2, 27)).days) <= 1  # 57 days at ~8 px a day
    assert task.precision is Precision.DAY and task.confidence is Confidence.ASSUMPTION
    dates = document.schedule.tasks["ce8"]
    assert dates.shown_start == moved  # the table reads the day, as the status bar did
    document.undo_stack.undo()
    assert (task.precision, task.confidence, task.constraint_date) == (Precision.YEAR, None, date(2029, 1, 1))


def test_a_dragged_days_start_reads_in_the_table_to_the_day(roadmap, qtbot):
    change8 = roadmap.document.project.task_by_key("change-8")
    from ilrs_planner.commands.tasks import MoveTaskStart

    roadmap.document.push(MoveTaskStart(change8.id, date(2029, 2, 27)))
    assert _cell(roadmap, change8.id, Column.START) == "2029-02-27"
    assert _cell(roadmap, change8.id, Column.FINISH) == "2030-02-26"


def test_what_a_typed_date_pushes_no_longer_reads_as_announced_in_the_json_and_the_tooltips(roadmap):
    from PySide6.QtCore import Qt as QtRoles

    from ilrs_planner.cli.schedule_rows import schedule_data

    project, document = roadmap.document.project, roadmap.document
    change8, basic = project.task_by_key("change-8"), project.task_by_key("ilrs-basic")
    rows = {row["key"]: row for row in schedule_data(project, document.schedule)["tasks"]}
    assert (rows["ilrs-basic"]["confidence"], rows["change-8"]["confidence"]) == ("sourced", "sourced")
    click_cell(roadmap.tree, change8.id, Column.START)
    type_text(roadmap.tree, "2031")
    rows = {row["key"]: row for row in schedule_data(project, document.schedule)["tasks"]}
    assert rows["change-8"]["confidence"] == "assumption"  # typed: the planner's
    assert rows["ilrs-basic"]["confidence"] == "assumption"  # 2037, pushed by it: not the 2035 announced
    assert rows["ilrs-basic"]["source_date"] == "2025-04-23"  # what was announced, still cited
    tip = roadmap.tree.proxy_index(basic.id, int(Column.NAME)).data(QtRoles.ItemDataRole.ToolTipRole)
    assert "assumption (pushed past its source&#x27;s date: sourced as stated)" in tip


def test_the_slip_reports_baseline_chooser_numbers_baselines_as_the_command_line_does(roadmap, qtbot):
    from ilrs_planner.qt.analysis.slip_panel import SlipPanel

    panel = SlipPanel(roadmap.document)
    qtbot.addWidget(panel)
    panel.show()
    combo = panel.baseline_combo
    numbered = roadmap.document.project.numbered_baselines()
    assert combo.count() == len(numbered) == 33
    assert combo.itemText(0) == "1  2019-10-08 Russian Luna schedule (Zeleny, IKI RAS)"
    assert combo.itemText(32) == "33  Today" and combo.itemData(32) == "Today"  # as of the status date: the last
    assert roadmap.document.project.baseline("22").name == combo.itemData(21)


def test_the_confidence_cell_says_what_its_tooltip_says_of_a_task_a_typed_date_pushed(roadmap):
    # The cell read "sourced" while its tooltip and the schedule's JSON said "assumption (pushed…)".
    from ilrs_planner.chart import Hit
    from ilrs_planner.qt.gantt.tooltip import tooltip_text

    project, document = roadmap.document.project, roadmap.document
    change8, basic = project.task_by_key("change-8"), project.task_by_key("ilrs-basic")
    assert _cell(roadmap, basic.id, Column.CONFIDENCE) == "sourced"
    click_cell(roadmap.tree, change8.id, Column.START)
    type_text(roadmap.tree, "2031")
    assert _cell(roadmap, basic.id, Column.CONFIDENCE) == "assumption"  # 2037, pushed: not the 2035 announced
    assert "Confidence: <b>assumption</b> — pushed past" in tooltip_text(document, Hit("bar", basic.id),
                                                                         roadmap.gantt.shown_confidence())
    document.undo_stack.undo()  # the confidences kept for the cells and the chart's tooltips go with the edit
    assert _cell(roadmap, basic.id, Column.CONFIDENCE) == "sourced"
    assert "pushed past" not in tooltip_text(document, Hit("bar", basic.id), roadmap.gantt.shown_confidence())
