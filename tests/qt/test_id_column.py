"""The ID column, as MS Project's: at the left, read-only, each row's number in outline order, the
number the Predecessors column takes."""

from __future__ import annotations

from gestures import click_cell, press, type_text
from PySide6.QtCore import Qt

from ilrs_planner.qt.models.task_columns import Column


def ids(window) -> dict[str, str]:
    tree = window.tree
    return {tid: tree.proxy_index(tid, int(Column.ID)).data() for tid in tree.visible_task_ids()}


def test_the_id_column_is_shown_first_and_numbers_the_rows_in_outline_order(window):
    header = window.tree.header()
    assert not header.isSectionHidden(int(Column.ID)) and header.logicalIndex(0) == int(Column.ID)
    assert header.sectionViewportPosition(int(Column.ID)) == 0
    assert ids(window) == {"ph": "1", "a": "2", "b": "3", "c": "4", "m": "5"}


def test_the_id_shown_is_the_number_the_predecessors_column_takes(window):
    click_cell(window.tree, "m", Column.PREDECESSORS)
    type_text(window.tree, ids(window)["a"])
    assert {link.pred_id for link in window.document.project.links.values() if link.succ_id == "m"} == {"a"}


def test_ids_follow_a_task_added_and_its_undo(window):
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Insert")
    type_text(window.tree, "Survey")
    new = window.document.selected_ids[0]
    assert ids(window) == {"ph": "1", "a": "2", new: "3", "b": "4", "c": "5", "m": "6"}
    press(window.tree, "Ctrl+Z")
    press(window.tree, "Ctrl+Z")
    assert ids(window) == {"ph": "1", "a": "2", "b": "3", "c": "4", "m": "5"}


def test_ids_keep_the_outline_order_when_the_table_is_sorted(window):
    window.tree.sortByColumn(int(Column.DURATION), Qt.SortOrder.DescendingOrder)
    assert window.tree.visible_task_ids() == ["ph", "c", "b", "a", "m"]
    assert ids(window) == {"ph": "1", "c": "4", "b": "3", "a": "2", "m": "5"}


def test_typing_into_an_id_says_why_nothing_changes(window):
    messages = []
    window.tree.typingRefused.connect(messages.append)
    click_cell(window.tree, "b", Column.ID)
    type_text(window.tree, "9")
    assert ids(window)["b"] == "3" and window.document.undo_stack.count() == 0
    assert messages and "row number in outline order" in messages[-1]


def test_ids_stay_the_outline_numbers_with_a_summary_closed(window):
    window.tree.collapse(window.tree.proxy_index("ph"))
    assert ids(window) == {"ph": "1", "m": "5"}


def test_columns_remembered_before_the_id_column_existed_get_it_at_the_left(qtbot, small_project):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from ilrs_planner.qt.document import Document
    from ilrs_planner.qt.main_window import MainWindow

    older = QTableView()  # the table as it was: fourteen columns, Owner hidden by its user
    older.setModel(QStandardItemModel(1, int(Column.ID), older))
    older.horizontalHeader().setSectionHidden(int(Column.OWNER), True)
    QSettings().setValue("tree/header", older.horizontalHeader().saveState())
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    header = win.tree.header()
    assert header.logicalIndex(0) == int(Column.ID) and not header.isSectionHidden(int(Column.ID))
    assert header.isSectionHidden(int(Column.OWNER))  # the rest as remembered
