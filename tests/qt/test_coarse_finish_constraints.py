"""A finish constraint dated to a period binds at the period's last day, as 'by 2035' reads: typed
in either order into the Constraint type and Constraint date cells, the task finishes on
31 December, and a start constraint made of it starts on 1 January.

The plan works every day (Continuous). L (730 days, Start No Earlier Than 2028, known to the year):
Must Finish On "2030" puts its last day on 2030-12-31, so it starts 730 days earlier, 2029-01-01
(2029 has 365 days, 2030 has 365: 730). A Start or Finish typed coarser than the task read leaves
the constraint cell reading its own date and says in the status bar what the other end now reads."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, type_text
from windows import shown_main_window

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Precision, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(qtbot):
    project = Project("Lunar", date(2028, 1, 1))
    project.add_task(Task("L", "Luna lander", 730, id="l", position=0, precision=Precision.YEAR,
                          constraint=ConstraintType.SNET, constraint_date=date(2028, 1, 1)))
    window = shown_main_window(qtbot, Document(project), (1400, 600))
    for column in (Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE):
        window.tree.header().showSection(int(column))
    return window


def _type(window, column: Column, text: str) -> None:
    click_cell(window.tree, "l", column)
    type_text(window.tree, text)


def _cells(window) -> list[str]:
    columns = (Column.START, Column.FINISH, Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE)
    return [window.tree.proxy_index("l", int(column)).data() for column in columns]


def _days(window) -> tuple[date, date]:
    dates = window.document.schedule.tasks["l"]
    return dates.shown_start, dates.shown_finish


@pytest.mark.parametrize("order", [(Column.CONSTRAINT_DATE, Column.CONSTRAINT_TYPE),
                                   (Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE)])
def test_must_finish_on_a_year_finishes_on_its_last_day_whichever_cell_is_typed_first(window, order):
    for column in order:
        _type(window, column, "2030" if column is Column.CONSTRAINT_DATE else "MFO")
    assert _days(window) == (date(2029, 1, 1), date(2030, 12, 31))
    assert _cells(window) == ["2029", "2030", "Must Finish On", "2030"]


def test_a_quarter_finish_no_earlier_than_made_a_start_constraint_starts_the_quarter(window):
    _type(window, Column.CONSTRAINT_TYPE, "FNET")  # takes the task's last day: 2029-12-30, shown "2029"
    _type(window, Column.CONSTRAINT_DATE, "Q3 2031")  # by the end of September 2031
    assert _days(window)[1] == date(2031, 9, 30)
    _type(window, Column.CONSTRAINT_TYPE, "SNET")  # the cell's "Q3 2031" read as a start: 1 July
    assert _days(window)[0] == date(2031, 7, 1)
    assert _cells(window)[2:] == ["Start No Earlier Than", "Q3 2031"]


def test_a_coarser_finish_typed_after_a_quarter_start_keeps_the_constraint_read_and_says_so(qtbot):
    """Luna-26 (366 days on the roadmap's every-day calendar): Start `Q3 2029` pins it at 1 July 2029;
    a Finish typed `2031` makes it end on 2031-12-31 (914 days: 184 in 2029, 365 in 2030 and 2031)
    and read to the year, while its Start No Earlier Than still holds it at 1 July."""
    project = build_reference_project()
    window = shown_main_window(qtbot, Document(project), (1600, 900))
    window.tree.header().showSection(int(Column.CONSTRAINT_DATE))
    luna26 = project.task_by_key("luna-26")
    number = window.tree.proxy_index(luna26.id, int(Column.ID)).data()
    click_cell(window.tree, luna26.id, Column.START)
    type_text(window.tree, "Q3 2029")
    click_cell(window.tree, luna26.id, Column.FINISH)
    type_text(window.tree, "2031")
    dates = window.document.schedule.tasks[luna26.id]
    assert (dates.shown_start, dates.shown_finish, luna26.duration) == (date(2029, 7, 1), date(2031, 12, 31), 914)
    cells = [window.tree.proxy_index(luna26.id, int(c)).data() for c in (Column.START, Column.CONSTRAINT_DATE)]
    assert cells == ["2029", "Q3 2029"]  # the constraint cell never reads as 1 January
    assert window.statusBar().currentMessage() == (
        f"{number} 'Luna-26 polar orbiter' now reads to the year, as the finish typed: its start, known to the "
        "quarter (Q3 2029), reads 2029; Start No Earlier Than Q3 2029 kept")
