"""Task mode where a person meets it: the table's optional Task mode column, the bracketed bar of a
manually scheduled task, and the legend and tooltip that say what the brackets mean."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from PySide6.QtCore import QPoint

from ilrs_planner.chart import Hit
from ilrs_planner.commands.task_mode import set_task_mode
from ilrs_planner.domain import ConstraintType, Link, LinkType, Participant, Project, Task
from ilrs_planner.qt.gantt.legend import legend_items
from ilrs_planner.qt.gantt.tooltip import tooltip_text
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _cell(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.TASK_MODE)).data()


def test_task_mode_is_an_optional_column_a_person_can_type_into_in_one_undo_step(qtbot, window):
    header = window.tree.header()
    assert header.isSectionHidden(int(Column.TASK_MODE))
    header.setSectionHidden(int(Column.TASK_MODE), False)
    assert header.model().headerData(int(Column.TASK_MODE), header.orientation()) == "Task mode"
    assert _cell(window, "b") == "Auto Scheduled" and _cell(window, "ph") == ""  # a summary has no mode
    document = window.document
    click_cell(window.tree, "b", Column.TASK_MODE)
    type_text(window.tree, "Manually Scheduled")
    task = document.project.tasks["b"]
    # B (after A's 10 days) keeps the start it had, 2030-01-11, now as its own, apart from its constraint.
    assert (task.manual, task.manual_start, task.constraint) == (True, date(2030, 1, 11), ConstraintType.ASAP)
    assert _cell(window, "b") == "Manually Scheduled" and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert (task.manual, task.manual_start) == (False, None) and _cell(window, "b") == "Auto Scheduled"


def test_typing_auto_scheduled_puts_the_task_back_after_its_predecessor(qtbot, window):
    from ilrs_planner.commands.tasks import SetDuration

    window.tree.header().setSectionHidden(int(Column.TASK_MODE), False)
    document = window.document
    click_cell(window.tree, "b", Column.TASK_MODE)
    type_text(window.tree, "Manually Scheduled")
    document.push(SetDuration("a", 20))  # A now ends 2030-01-21; manual B stays on 2030-01-11
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 11)
    click_cell(window.tree, "b", Column.TASK_MODE)
    type_text(window.tree, "Auto Scheduled")
    task = document.project.tasks["b"]
    assert (task.manual, task.manual_start, task.constraint) == (False, None, ConstraintType.ASAP)
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 21) and _cell(window, "b") == "Auto Scheduled"


def test_a_milestone_at_the_end_of_its_day_typed_manual_and_back_keeps_its_day(qtbot, window):
    """M follows C, which finishes on Friday 2030-03-01 (A 10, B 20, C 30 calendar days from Tuesday
    2030-01-01): M stands at the end of that Friday and stays there, with C's float still 0."""
    window.tree.header().setSectionHidden(int(Column.TASK_MODE), False)
    document = window.document
    assert document.schedule.tasks["m"].shown_start == date(2030, 3, 1)
    click_cell(window.tree, "m", Column.TASK_MODE)
    type_text(window.tree, "Manually Scheduled")
    dates = document.schedule.tasks
    assert (dates["m"].shown_start, dates["m"].early_at_day_end, dates["c"].total_float) == (date(2030, 3, 1), True, 0)
    assert window.tree.proxy_index("m", int(Column.START)).data() == window.tree.proxy_index(
        "c", int(Column.FINISH)).data()  # shown on C's last day, as before
    click_cell(window.tree, "m", Column.TASK_MODE)
    type_text(window.tree, "Auto Scheduled")
    assert document.schedule.tasks["m"].shown_start == date(2030, 3, 1) and document.undo_stack.count() == 2
    assert document.project.tasks["m"].manual_start is None


def test_a_task_mode_the_table_cannot_read_is_refused_in_the_status_bar(qtbot, window):
    window.tree.header().setSectionHidden(int(Column.TASK_MODE), False)
    click_cell(window.tree, "b", Column.TASK_MODE)
    type_text(window.tree, "Sometimes")
    assert not window.document.project.tasks["b"].manual and window.document.undo_stack.count() == 0
    qtbot.waitUntil(lambda: "is not a task mode" in window.statusBar().currentMessage(), timeout=60_000)


def _gantt_plan() -> Project:
    project = Project("Modes", date(2030, 1, 1))
    owner = project.add_participant(Participant("cnsa", "CNSA", color="#0072b2", id="p1"))
    for pos, key in enumerate("AB"):
        project.add_task(Task(key, f"Task {key}", 60, id=key.lower(), position=pos, owner_id=owner.id))
    project.add_link(Link("a", "b", LinkType.FS, id="ab"))
    project.add_task(Task("C", "Task C", 200, id="c", position=2))  # drives the finish: A and B not critical
    return project


def _pixel(view, x: float, task_id: str):
    row = view.chart_data().row_of[task_id]
    y = view.style.header_height + row * view.style.row_height + view.style.row_height / 2 - view.vertical_offset
    return view.canvas.grab().toImage().pixelColor(QPoint(round(x), round(y)))


def test_a_manual_task_is_drawn_between_brackets_and_the_legend_and_tooltip_say_so(qtbot, gantt_on):
    view = gantt_on(_gantt_plan(), (1000, 400), date(2030, 1, 1), date(2030, 6, 1))
    dates = view.document.schedule.tasks["b"]
    end = view.scale.x_of(dates.early_finish) - 2  # just inside the bar's end (its start meets A's link)
    middle = view.scale.x_of(dates.early_start + (dates.early_finish - dates.early_start) / 2)
    before = _pixel(view, end, "b")
    assert _pixel(view, middle, "b").name() == "#0072b2"
    assert not any(item.kind == "manual" for item in legend_items(view.document.project, ["a", "b"]))
    project = view.document.project
    view.document.push(set_task_mode(project, "b", True, dates))
    qtbot.waitUntil(lambda: _pixel(view, end, "b") != before, timeout=60_000)
    edge, inside = _pixel(view, end, "b"), _pixel(view, middle, "b")
    assert inside.name() == "#0072b2" and edge.lightness() < before.lightness() - 30  # a dark bracket at the end
    items = legend_items(project, ["a", "b"])
    assert [item.text for item in items if item.kind == "manual"] == [
        "Manually scheduled: start kept whatever the links say"]
    assert "Manually scheduled" in tooltip_text(view.document, Hit("bar", "b"))
    assert "Manually scheduled" not in tooltip_text(view.document, Hit("bar", "a"))


def test_the_windows_legend_explains_the_brackets_once_a_task_is_manual_and_not_after_undo(qtbot, window):
    strip = window.gantt.legend
    assert "manual" not in {item.kind for item in strip.items}
    window.document.push(set_task_mode(window.document.project, "b", True,
                                       window.document.schedule.tasks["b"]))
    qtbot.waitUntil(lambda: "manual" in {item.kind for item in strip.items}, timeout=60_000)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "manual" not in {item.kind for item in strip.items}, timeout=60_000)


def test_a_start_typed_for_a_manual_task_moves_it_there_without_a_constraint_and_undo_restores_it(qtbot, window):
    document = window.document
    document.push(set_task_mode(document.project, "b", True, document.schedule.tasks["b"]))
    task = document.project.tasks["b"]
    click_cell(window.tree, "b", Column.START)
    type_text(window.tree, "2030-02-04")
    assert (task.manual_start, task.manual_start_at_day_end, task.constraint, task.constraint_date) == \
        (date(2030, 2, 4), False, ConstraintType.ASAP, None)
    assert document.schedule.tasks["b"].early_start == date(2030, 2, 4)
    document.undo_stack.undo()
    assert (task.manual_start, task.constraint) == (date(2030, 1, 11), ConstraintType.ASAP)
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 11)


def test_a_date_typed_in_a_manual_milestones_finish_or_a_dragged_manual_bar_moves_it_without_a_constraint(
        qtbot, window):
    from ilrs_planner.commands.tasks import MoveTaskStart

    document = window.document
    for task_id in ("m", "b"):
        document.push(set_task_mode(document.project, task_id, True, document.schedule.tasks[task_id]))
    click_cell(window.tree, "m", Column.FINISH)
    type_text(window.tree, "2030-03-11")
    document.push(MoveTaskStart("b", date(2030, 1, 21)))  # what dropping the dragged bar pushes
    m, b = document.project.tasks["m"], document.project.tasks["b"]
    assert (m.manual_start, m.manual_start_at_day_end, m.constraint) == (date(2030, 3, 11), False, ConstraintType.ASAP)
    assert (b.manual_start, b.constraint) == (date(2030, 1, 21), ConstraintType.ASAP)
    assert (document.schedule.tasks["m"].shown_start, document.schedule.tasks["b"].early_start) == \
        (date(2030, 3, 11), date(2030, 1, 21))
