"""A missed deadline shows in its cell, as MS Project flags one with an indicator in the row: the
Deadline cell turns red with a warning mark when the task finishes after it, and reads plainly
once the task is brought back in time (the date alone did not say whether it was met).

The small plan works every day: C (ID 4) runs 2030-01-31 for 30 days to 2030-03-01."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from test_constraint_columns import choose_from_header_menu, type_into

from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def deadline_cell(window, task_id: str):
    return window.tree.proxy_index(task_id, int(Column.DEADLINE))


def drawn_red(index) -> bool:
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    return isinstance(brush, QBrush) and brush.color().red() > 150 and brush.color().green() < 80


def marked(index) -> bool:
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    return icon is not None and not icon.isNull()


def test_a_missed_deadline_is_red_and_marked_in_its_cell_and_plain_once_met(qtbot, window):
    choose_from_header_menu(qtbot, window, "Deadline")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    type_into(window, "c", Column.DEADLINE, "2030-02-15")
    missed = deadline_cell(window, "c")
    assert missed.data() == "2030-02-15" and drawn_red(missed) and marked(missed)
    assert "missed by 14 d" in missed.data(Qt.ItemDataRole.ToolTipRole)

    type_into(window, "c", Column.DURATION, "10d")  # finishes 2030-02-09 now: the deadline is met
    met = deadline_cell(window, "c")
    assert not drawn_red(met) and not marked(met)
    assert not drawn_red(deadline_cell(window, "b")) and not marked(deadline_cell(window, "b"))
