"""A deadline typed in the table is read back in the row's tooltip, met or missed by how many days, as
the bar's tooltip says it (MS Project flags a missed deadline in the row's indicators).

The small plan works every day: C (ID 4) runs 2030-01-31 for 30 days to 2030-03-01."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_constraint_columns import choose_from_header_menu, type_into

from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def row_tooltip(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.NAME)).data(Qt.ItemDataRole.ToolTipRole)


def test_a_deadline_typed_in_the_table_is_said_met_or_missed_in_the_rows_tooltip(qtbot, window):
    choose_from_header_menu(qtbot, window, "Deadline")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keys go to the table again
    type_into(window, "c", Column.DEADLINE, "2030-02-15")
    assert "Deadline 2030-02-15 (<b style=color:#c5221f>missed by 14 d</b>)" in row_tooltip(window, "c")
    type_into(window, "c", Column.DEADLINE, "2030-03-31")
    assert "Deadline 2030-03-31 (met)" in row_tooltip(window, "c")
    assert "Deadline" not in row_tooltip(window, "b")
