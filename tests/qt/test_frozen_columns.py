"""The task table's ID and Name columns stay at the left while the other columns scroll sideways, as
MS Project keeps its ID column and P6 its Activity ID and Name: keys, clicks, editors and the header
all go by what the planner sees."""

from __future__ import annotations

import pytest
from gestures import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ilrs_planner.qt.models.task_columns import OPTIONAL_COLUMNS, Column
from ilrs_planner.qt.models.task_tree_model import TASK_ID_ROLE

EDITING = QAbstractItemView.State.EditingState


@pytest.fixture
def wide_table(roadmap_window):
    """The roadmap's table with every column shown, 540 pixels of it beside the chart."""
    tree = roadmap_window.tree
    for column in (Column.KEY, *OPTIONAL_COLUMNS):
        tree.header().setSectionHidden(int(column), False)
    roadmap_window.splitter.setSizes([560, 240])
    tree.setFocus()
    return tree


def _seen(tree, index) -> bool:
    """The cell is drawn whole inside the table's viewport."""
    rect = tree.visualRect(index)
    return rect.isValid() and tree.viewport().rect().contains(rect)


def _name_in_view(tree, row: int) -> bool:
    """Row `row`'s Name cell shows whole, right of the ID column, and is what is seen there."""
    name = tree.model().index(row, int(Column.NAME))
    rect = tree.visualRect(name)
    return (_seen(tree, name) and rect.left() == tree.header().sectionSize(int(Column.ID))
            and tree.indexAt(rect.center()) == name)


def _beside_the_frozen(tree, index) -> bool:
    """A scrolled column's cell shows whole and none of it under the frozen columns."""
    return _seen(tree, index) and tree.visualRect(index).left() >= tree.frozen_strip()


def _start_at(tree, row: int, column: Column) -> None:
    tree.setCurrentIndex(tree.model().index(row, int(column)))


def test_end_goes_to_the_last_column_and_the_id_and_name_stay_in_view(qtbot, wide_table):
    tree = wide_table
    _start_at(tree, 4, Column.NAME)
    QTest.keyClick(tree, Qt.Key.Key_End)
    assert tree.horizontalScrollBar().value() > 0  # the table scrolled sideways to the last column
    assert _beside_the_frozen(tree, tree.currentIndex())
    assert _name_in_view(tree, 4) and _seen(tree, tree.model().index(4, int(Column.ID)))


def test_right_and_tab_walk_every_column_into_view_beside_the_names(qtbot, wide_table):
    tree, header = wide_table, wide_table.header()
    _start_at(tree, 6, Column.NAME)
    shown = [c for c in map(header.logicalIndex, range(header.count())) if not header.isSectionHidden(c)]
    for key, column in zip([Qt.Key.Key_Right, Qt.Key.Key_Tab] * len(shown), shown[2:]):
        QTest.keyClick(tree, key)
        assert tree.currentIndex().column() == column
        assert _beside_the_frozen(tree, tree.currentIndex()) and _name_in_view(tree, 6)
    assert tree.horizontalScrollBar().value() == tree.horizontalScrollBar().maximum()


def test_a_click_on_a_name_while_scrolled_selects_that_task_and_an_arrow_closes_its_summary(qtbot, wide_table):
    tree = wide_table
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())
    name = tree.model().index(3, int(Column.NAME))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualRect(name).center())
    assert tree.currentIndex() == name
    assert tree.selected_task_ids() == [name.data(TASK_ID_ROLE)]
    summary = tree.model().index(0, int(Column.NAME))
    rows = tree.model().rowCount()
    left, right = tree.delegate.arrow_span(tree.visualRect(summary), 0)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint((left + right) // 2, tree.visualRect(summary).center().y()))
    assert tree.model().rowCount() < rows  # the first phase closed


def test_typing_into_a_half_hidden_cell_opens_its_editor_whole_after_the_click_left_the_table_still(qtbot, wide_table):
    tree, header, bar = wide_table, wide_table.header(), wide_table.horizontalScrollBar()
    bar.setValue(header.sectionPosition(int(Column.PREDECESSORS)) - tree.viewport().width() + 30)
    place = bar.value()
    cell = tree.model().index(5, int(Column.PREDECESSORS))
    point = QPoint(header.sectionViewportPosition(int(Column.PREDECESSORS)) + 10, tree.visualRect(cell).center().y())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    qtbot.wait(4 * QApplication.doubleClickInterval())  # Qt's scroll to a clicked cell waits out a double-click
    assert tree.currentIndex() == cell and bar.value() == place  # the click moved nothing
    QTest.keyClick(tree, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: tree.state() == EDITING)
    editor = tree.indexWidget(cell)
    assert tree.viewport().rect().contains(editor.geometry()) and editor.geometry().left() >= tree.frozen_strip()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_tab_and_shift_tab_carry_the_editor_across_the_frozen_edge(qtbot, wide_table):
    tree = wide_table
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())  # Name over Predecessors' room
    _start_at(tree, 5, Column.NAME)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: tree.state() == EDITING)
    name_editor = tree.indexWidget(tree.currentIndex())
    assert tree.viewport().rect().contains(name_editor.geometry())  # the Name cell's editor whole in view
    assert name_editor.geometry().left() >= tree.header().sectionSize(int(Column.ID))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert tree.currentIndex().column() == int(Column.KEY)  # the next column, scrolled back into view
    qtbot.waitUntil(lambda: tree.indexWidget(tree.currentIndex()) is not None)
    editor = tree.indexWidget(tree.currentIndex())
    assert editor.isVisible() and editor.geometry().left() >= tree.frozen_strip()
    assert tree.viewport().rect().contains(editor.geometry())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert tree.currentIndex().column() == int(Column.NAME)
    qtbot.waitUntil(lambda: tree.indexWidget(tree.currentIndex()) is not None)
    assert tree.viewport().rect().contains(tree.indexWidget(tree.currentIndex()).geometry())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_typing_a_name_while_scrolled_renames_the_task_seen(qtbot, wide_table):
    tree = wide_table
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())
    _start_at(tree, 2, Column.NAME)
    task_id = tree.currentIndex().data(TASK_ID_ROLE)
    type_text(tree, "Relay")  # typing starts an edit of the cell seen
    assert tree.document.project.tasks[task_id].name == "Relay"
    assert tree.currentIndex().row() == 3  # Enter moved down a row, as in MS Project


def test_the_name_header_sorts_while_scrolled_and_no_column_moves_before_the_names(qtbot, wide_table):
    tree, header = wide_table, wide_table.header()
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())
    def names() -> list[str]:
        return [tree.model().index(row, int(Column.NAME)).data() for row in range(tree.model().rowCount())]

    outline = names()
    name_header = QPoint(header.sectionSize(int(Column.ID)) + 30, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, name_header)
    assert header.sortIndicatorSection() == int(Column.NAME)  # not the column scrolled under the Name header
    assert header.sectionsMovable()  # the other columns can still be dragged to another place
    assert names() != outline and sorted(names()) == sorted(outline)
    header.moveSection(header.visualIndex(int(Column.START)), 0)  # a column dragged before the ID
    assert [header.logicalIndex(0), header.logicalIndex(1)] == [int(Column.ID), int(Column.NAME)]


def test_dragging_the_name_columns_edge_while_scrolled_widens_it(qtbot, wide_table):
    tree, header = wide_table, wide_table.header()
    tree.horizontalScrollBar().setValue(120)
    width = header.sectionSize(int(Column.NAME))
    edge = tree.frozen_width() - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge - 40, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(edge - 40, y))
    assert header.sectionSize(int(Column.NAME)) == width - 40


def test_a_narrow_table_keeps_the_start_of_each_name_and_brings_it_back_whole(qtbot, roadmap_window):
    tree = roadmap_window.tree
    tree.setFocus()
    _start_at(tree, 4, Column.NAME)
    QTest.keyClick(tree, Qt.Key.Key_End)
    assert _beside_the_frozen(tree, tree.currentIndex())
    name = tree.visualRect(tree.model().index(4, int(Column.NAME)))
    assert name.left() == tree.header().sectionSize(int(Column.ID)) and name.width() >= 100  # the start of it
    QTest.keyClick(tree, Qt.Key.Key_Home)
    QTest.keyClick(tree, Qt.Key.Key_Right)
    assert tree.currentIndex().column() == int(Column.NAME) and _name_in_view(tree, 4)


def test_shift_click_on_the_names_while_scrolled_selects_the_rows_between(qtbot, wide_table):
    tree = wide_table
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())
    first, last = (tree.model().index(row, int(Column.NAME)) for row in (2, 5))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualRect(first).center())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     tree.visualRect(last).center())
    assert sorted(index.row() for index in tree.selectionModel().selectedRows()) == [2, 3, 4, 5]


def test_with_the_id_column_hidden_the_name_stays_at_the_left_edge(qtbot, wide_table):
    tree = wide_table
    tree.header().setSectionHidden(int(Column.ID), True)
    _start_at(tree, 3, Column.NAME)
    QTest.keyClick(tree, Qt.Key.Key_End)
    name = tree.visualRect(tree.model().index(3, int(Column.NAME)))
    assert tree.horizontalScrollBar().value() > 0 and name.left() == 0 and _seen(tree, tree.model().index(3, 0))
    assert _beside_the_frozen(tree, tree.currentIndex())


def test_find_while_scrolled_selects_the_task_and_shows_its_name(qtbot, roadmap_window, wide_table):
    tree = wide_table
    tree.horizontalScrollBar().setValue(tree.horizontalScrollBar().maximum())
    box = roadmap_window.navigate.find_box
    box.setFocus()
    QTest.keyClicks(box, "Mengzhou pad abort")
    QTest.keyClick(box, Qt.Key.Key_Return)
    found = roadmap_window.document.selected_ids
    assert len(found) == 1
    row = tree.proxy_index(found[0]).row()
    assert _name_in_view(tree, row) and tree.horizontalScrollBar().value() > 0  # the other columns stay put
