"""A click on a cell half out of view leaves the table where it is (Qt pulled it sideways a moment
after the click, under the pointer); keys that move to a column out of view still bring it in, and
so does an editor opening on a cell half out of view (it opened cut off)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ilrs_planner.qt.models.task_columns import Column


def _predecessors_half_in_view(tree) -> int:
    """Scroll the table so the Predecessors column's first 30 pixels show at the right edge."""
    header, bar = tree.header(), tree.horizontalScrollBar()
    bar.setValue(header.sectionPosition(int(Column.PREDECESSORS)) - tree.viewport().width() + 30)
    assert 0 < header.sectionViewportPosition(int(Column.PREDECESSORS)) < tree.viewport().width()
    return bar.value()


def _click(tree, row: int, column: Column) -> None:
    left = tree.header().sectionViewportPosition(int(column))
    y = tree.visualRect(tree.model().index(row, int(column))).center().y()
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(left + 10, y))


def _after_a_double_click_interval(qtbot) -> None:
    qtbot.wait(4 * QApplication.doubleClickInterval())  # Qt's scroll to a clicked cell waits out a double-click


def test_clicking_a_predecessors_cell_half_in_view_does_not_scroll_the_table_sideways(qtbot, roadmap_window):
    tree = roadmap_window.tree
    place = _predecessors_half_in_view(tree)
    _click(tree, 3, Column.PREDECESSORS)
    assert tree.currentIndex().column() == int(Column.PREDECESSORS)
    _after_a_double_click_interval(qtbot)
    assert tree.horizontalScrollBar().value() == place
    _click(tree, 3, Column.PREDECESSORS)  # a click on the selected row's cell opens its editor, whole
    qtbot.waitUntil(lambda: tree.state() == QAbstractItemView.State.EditingState)
    editor = tree.indexWidget(tree.currentIndex())
    assert tree.viewport().rect().contains(editor.geometry())  # not cut off at the table's edge
    assert tree.horizontalScrollBar().value() > place
    _after_a_double_click_interval(qtbot)
    assert tree.viewport().rect().contains(editor.geometry())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_tab_into_a_column_out_of_view_still_brings_it_in(qtbot, roadmap_window):
    tree, header = roadmap_window.tree, roadmap_window.tree.header()
    tree.horizontalScrollBar().setValue(header.sectionPosition(int(Column.START)))
    _click(tree, 3, Column.FLOAT)
    tree.setFocus()
    assert header.sectionViewportPosition(int(Column.PREDECESSORS)) + 120 > tree.viewport().width()
    QTest.keyClick(tree, Qt.Key.Key_Tab)
    assert tree.currentIndex().column() == int(Column.PREDECESSORS)
    right = header.sectionViewportPosition(int(Column.PREDECESSORS)) + header.sectionSize(int(Column.PREDECESSORS))
    assert right <= tree.viewport().width()


def test_keys_scroll_by_whole_columns_leaving_no_sliver_beside_the_names(qtbot, roadmap_window):
    """Right arrow into a column out of view scrolls so a column starts at the frozen ID and Name's
    edge, as a spreadsheet scrolls: scrolled to the pixel, a sliver of the Start column ('-05-03')
    stood between the names and the first whole column."""
    roadmap_window.resize(1300, 700)
    tree, header = roadmap_window.tree, roadmap_window.tree.header()
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() > 0)
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(3, int(Column.NAME)))
    bar, scrolled = tree.horizontalScrollBar(), False
    for _ in range(header.count()):
        QTest.keyClick(tree, Qt.Key.Key_Right)
        if 0 < bar.value() < bar.maximum():
            scrolled = True
            edges = [header.sectionViewportPosition(c) for c in range(header.count()) if not header.isSectionHidden(c)]
            assert tree.frozen_floor() in edges, "a column starts where the frozen columns end"
    assert scrolled
