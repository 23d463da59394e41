"""A window that remembers its columns from before they ran in MS Project's Entry order (ID, Name,
Owner, Start, Finish, Duration) shows them in it (Name, Duration, Start, Finish, Owner), but an order
the planner dragged the columns into is theirs and stays."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from test_entry_column_order import shown_headers
from windows import shown_main_window

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column


def remember_columns(qtbot, project, arrange) -> None:
    """A window's columns, arranged by `arrange(header)`, remembered as a closed window leaves them."""
    first = shown_main_window(qtbot, Document(project))
    arrange(first.tree.header())
    first.tree.save_state(QSettings())


def as_they_ran_before(header) -> None:
    """ID and Name (which stay first), then the other columns in their own order, Owner first."""
    others = [column for column in Column if column not in (Column.ID, Column.NAME)]
    for place, column in enumerate(others, start=2):
        header.moveSection(header.visualIndex(int(column)), place)


def test_columns_remembered_in_the_order_they_ran_before_come_in_the_entry_order(qtbot, small_project):
    remember_columns(qtbot, small_project, as_they_ran_before)
    window = shown_main_window(qtbot, Document(small_project))
    assert shown_headers(window) == ["ID", "Name", "Duration", "Start", "Finish", "Owner", "Total float",
                                     "Predecessors"]


def test_an_order_the_planner_dragged_the_columns_into_stays(qtbot, small_project):
    def dragged(header) -> None:
        as_they_ran_before(header)
        header.moveSection(header.visualIndex(int(Column.FINISH)), header.visualIndex(int(Column.OWNER)))

    remember_columns(qtbot, small_project, dragged)
    window = shown_main_window(qtbot, Document(small_project))
    assert shown_headers(window) == ["ID", "Name", "Finish", "Owner", "Start", "Duration", "Total float",
                                     "Predecessors"]
