"""A month typed into a milestone's Start makes its phase's finish known to the month, not its start:
the phase starts when its first task does, known to the day. The status bar's finish reads as the
cells of the tasks finishing then."""

from __future__ import annotations

from datetime import date

from gestures import click_cell, type_text
from windows import shown_main_window

from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column


def _plan() -> Project:
    """'Integration': 'assemble' (held to 2027-10-22, 30 d) then milestone 'ready'; 'launch' (0 d) follows."""
    plan = Project(name="P", start=date(2027, 1, 4))
    plan.add_task(Task("int", "Integration", 0, id="int"))
    plan.add_task(Task("assemble", "Assemble", 30, id="assemble", parent_id="int",
                       constraint=ConstraintType.SNET, constraint_date=date(2027, 10, 22)))
    plan.add_task(Task("ready", "Ready", 0, id="ready", parent_id="int", position=1))
    plan.add_task(Task("launch", "Launch", 0, id="launch", position=1))
    plan.add_link(Link("assemble", "ready", LinkType.FS, id="assemble-ready"))
    plan.add_link(Link("ready", "launch", LinkType.FS, id="ready-launch"))
    return plan


def _cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def test_a_month_typed_into_a_milestone_leaves_its_phases_start_to_the_day(qtbot):
    window = shown_main_window(qtbot, Document(_plan()))
    click_cell(window.tree, "ready", Column.START)
    type_text(window.tree, "2028-06")
    assert _cell(window, "ready", Column.START) == "2028-06"
    assert _cell(window, "int", Column.START) == "2027-10-22"  # 'assemble' starts the phase, to the day
    assert _cell(window, "int", Column.FINISH) == "2028-06"  # 'ready' ends it, known to the month
    assert _cell(window, "launch", Column.FINISH) == "2028-06"  # the plan's last task, driven by 'ready'
    assert window.status_bar_widgets["finish"].text() == "Finish: 2028-06"
