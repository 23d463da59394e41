"""The table's columns run as MS Project's Entry table: ID, Name, Duration, Start, Finish, then the
owner (MS Project's Resource Names), Total float and Predecessors. A planner adds a task, types its
name, Tab, its duration, Enter; with Owner after Name that Tab put '10d' in the Owner cell."""

from __future__ import annotations

from gestures import click_cell, press, type_keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt.models.task_columns import HEADERS, Column


def shown_headers(window) -> list[str]:
    header = window.tree.header()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [HEADERS[Column(column)] for column in logical if not header.isSectionHidden(column)]


def test_the_columns_run_name_duration_start_finish_as_in_ms_project(qtbot, window):
    assert shown_headers(window) == ["ID", "Name", "Duration", "Start", "Finish", "Owner", "Total float",
                                     "Predecessors"]


def test_name_tab_duration_enter_fills_in_a_task_added(qtbot, window):
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Insert")
    (added,) = window.document.selected_ids
    type_keys(window.tree, "Landing rehearsal")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    type_text(window.tree, "12d")
    task = window.document.project.tasks[added]
    assert (task.name, task.duration, task.owner_id) == ("Landing rehearsal", 12, None)
