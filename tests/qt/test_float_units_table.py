"""The table writes an elapsed task's float in elapsed days, as `schedule` and the check list it.

Monday to Friday from Monday 2030-01-07: 'short' (50 ed) ends 02-25, 'end' (100 d) finishes the plan
on Friday 05-24; short may start as late as 04-05, 88 calendar days after 01-07 (tests/cli/test_float_units.py).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint
from windows import shown_main_window

from ilrs_planner.domain import Calendar, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column


def test_an_elapsed_tasks_float_reads_in_elapsed_days(qtbot):
    project = Project("Elapsed", date(2030, 1, 7))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std")).id
    project.add_task(Task("short", "Short", 50, id="short", elapsed=True, position=0))
    project.add_task(Task("end", "End", 100, id="end", position=1))
    window = shown_main_window(qtbot, Document(project))
    window.tree.header().setSectionHidden(int(Column.FREE_FLOAT), False)

    def cell(task_id: str, column: Column) -> str:
        return window.tree.proxy_index(task_id, int(column)).data()

    assert (cell("short", Column.FLOAT), cell("short", Column.FREE_FLOAT)) == ("88 ed", "88 ed")
    assert (cell("end", Column.FLOAT), cell("end", Column.DURATION)) == ("0 d", "100 d")


def test_the_bars_tooltip_writes_an_elapsed_tasks_float_as_its_cell(qtbot):
    """Hovering the bar of 'short' (its days 01-07 to 02-25; 01-20 is one of them) reads the Total
    float cell's 88 ed, not 88 d (88 working days would be another, longer float)."""
    project = Project("Elapsed", date(2030, 1, 7))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std")).id
    project.add_task(Task("short", "Short", 50, id="short", elapsed=True, position=0))
    project.add_task(Task("end", "End", 100, id="end", position=1))
    window = shown_main_window(qtbot, Document(project))
    gantt = window.gantt
    row = gantt.rows().index("short")
    y = gantt.style.header_height + (row + 0.5) * gantt.style.row_height - gantt.vertical_offset
    tip = gantt.canvas.tooltip_at(QPoint(round(gantt.scale.x_of(date(2030, 1, 20))), round(y)))
    assert "Total float 88 ed" in tip
    assert window.tree.proxy_index("short", int(Column.FLOAT)).data() == "88 ed"
