"""Provenance where a person reads a task: the Confidence column, tooltips, and assumptions drawn apart."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from PySide6.QtCore import QPoint

from ilrs_planner.chart import Hit
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import Confidence, ConstraintType, Link, LinkType, Participant, Precision, Project, Task
from ilrs_planner.qt.gantt import GanttView
from ilrs_planner.qt.gantt.legend import legend_items
from ilrs_planner.qt.gantt.tooltip import tooltip_text
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_confidence_is_an_optional_column_a_person_can_type_into(qtbot, window):
    header = window.tree.header()
    assert header.isSectionHidden(int(Column.CONFIDENCE))
    header.setSectionHidden(int(Column.CONFIDENCE), False)
    assert header.model().headerData(int(Column.CONFIDENCE), header.orientation()) == "Confidence"
    assert cell(window, "b", Column.CONFIDENCE) == "unsourced"  # no source and none stated
    click_cell(window.tree, "b", Column.CONFIDENCE)
    type_text(window.tree, "Assumption")
    assert window.document.project.tasks["b"].confidence is Confidence.ASSUMPTION
    assert cell(window, "b", Column.CONFIDENCE) == "assumption"
    window.document.undo_stack.undo()
    assert window.document.project.tasks["b"].confidence is None


def test_a_task_driven_by_a_year_date_shows_its_dates_to_the_year(qtbot, window):
    project = window.document.project
    # A is announced for 2031 (year precision); B, announced to the day, follows it and so starts on a
    # date known only to the year: the tree shows "2031", not "2031-01-11".
    window.document.push(SetTaskFields("a", constraint=ConstraintType.SNET, constraint_date=date(2031, 1, 1),
                                       precision=Precision.YEAR))
    assert project.tasks["b"].precision is Precision.DAY
    assert (cell(window, "a", Column.START), cell(window, "b", Column.START), cell(window, "b", Column.FINISH)) == (
        "2031", "2031", "2031")


def test_the_tree_tooltip_gives_precision_confidence_source_and_its_date(qtbot, window):
    window.document.push(SetTaskFields("b", source_url="https://example.org/b", source_date=date(2025, 6, 18),
                                       confidence="inferred"))
    tip = window.tree.proxy_index("b", int(Column.NAME)).data(3)  # Qt.ToolTipRole
    assert "day precision, inferred" in tip and "Source: https://example.org/b (2025-06-18)" in tip


def _gantt_plan() -> Project:
    project = Project("Gantt", date(2030, 1, 1))
    owner = project.add_participant(Participant("cnsa", "CNSA", color="#0072b2", id="p1"))
    for pos, key in enumerate("AB"):
        project.add_task(Task(key, f"Task {key}", 60, id=key.lower(), position=pos, owner_id=owner.id))
    project.add_link(Link("a", "b", LinkType.FS, id="ab"))
    return project


@pytest.fixture
def view(gantt_on):
    return gantt_on(_gantt_plan(), (1000, 400), date(2030, 1, 1), date(2030, 6, 1))


def _bar_middle(view: GanttView, task_id: str) -> QPoint:
    dates = view.document.schedule.tasks[task_id]
    x = view.scale.x_of(dates.early_start + (dates.early_finish - dates.early_start) / 2)
    row = view.chart_data().row_of[task_id]
    y = view.style.header_height + row * view.style.row_height + view.style.row_height / 2 - view.vertical_offset
    return QPoint(round(x), round(y))


def test_an_assumption_is_drawn_pale_and_the_legend_and_tooltip_say_so(qtbot, view):
    middle = _bar_middle(view, "b")
    before = view.canvas.grab().toImage().pixelColor(middle)
    assert not any(item.kind == "assumption" for item in legend_items(view.document.project, ["a", "b"]))
    view.document.push(SetTaskFields("b", confidence="assumption"))
    qtbot.wait(10)
    after = view.canvas.grab().toImage().pixelColor(middle)
    assert before.name() == "#0072b2" and after.lightness() > before.lightness() + 60  # pale, not the owner's blue
    items = legend_items(view.document.project, ["a", "b"])
    assert [item.text for item in items if item.kind == "assumption"] == ["Planning assumption, not announced"]
    assert "the plan's own figure, not announced" in tooltip_text(view.document, Hit("bar", "b"))
    assert "Confidence: unsourced" in tooltip_text(view.document, Hit("bar", "a"))


def test_an_inference_is_drawn_lighter_than_a_sourced_bar_but_darker_than_an_assumption(qtbot, view):
    middle = _bar_middle(view, "b")
    shades = {}
    for level in ("inferred", "assumption"):
        view.document.push(SetTaskFields("b", confidence=level))
        qtbot.wait(10)
        shades[level] = view.canvas.grab().toImage().pixelColor(middle).lightness()
    assert shades["inferred"] < shades["assumption"]
    assert view.chart_data().confidence.tolist() == [0, 2]
