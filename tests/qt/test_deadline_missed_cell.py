"""A missed deadline shows in its cell, as MS Project flags one with an indicator in the row: the
Deadline cell turns red with a warning mark when the task finishes after it, and reads plainly
once the task is brought back in time (the date alone did not say whether it was met).

The small plan works every day: C (ID 4) runs 2030-01-31 for 30 days to 2030-03-01."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
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


def read_whole(window, index) -> bool:
    """Is the cell's text drawn whole beside its mark, as the table lays them out?"""
    tree = window.tree
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)  # as the table draws its cells: font, icon size
    tree.itemDelegate().initStyleOption(option, index)
    option.rect = tree.visualRect(index)
    room = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree).width()
    return room >= option.fontMetrics.horizontalAdvance(index.data()) + 6  # the text's own margins


def test_a_missed_deadline_is_red_and_marked_in_its_cell_and_plain_once_met(qtbot, window):
    choose_from_header_menu(qtbot, window, "Deadline")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    type_into(window, "c", Column.DEADLINE, "2030-02-15")
    missed = deadline_cell(window, "c")
    assert missed.data() == "2030-02-15" and drawn_red(missed) and marked(missed)
    assert "missed by 14 d" in missed.data(Qt.ItemDataRole.ToolTipRole)
    assert read_whole(window, missed)  # the date beside its mark, not cut to "2030-02…"

    type_into(window, "c", Column.DURATION, "10d")  # finishes 2030-02-09 now: the deadline is met
    met = deadline_cell(window, "c")
    assert not drawn_red(met) and not marked(met)
    assert not drawn_red(deadline_cell(window, "b")) and not marked(deadline_cell(window, "b"))
