"""The first split of a window with none remembered gives the table its columns up to Total float
whole where the window has the room (a wide screen), else as many whole columns as fit in a little
40 % of the window; the chart keeps the rest, and the table starts at its left edge."""

from __future__ import annotations

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.main_window_view import table_width
from ilrs_planner.qt.models.task_columns import Column


def shown_window(qtbot, width: int, height: int) -> MainWindow:
    window = MainWindow(Document(build_reference_project()))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def whole(tree, column: Column) -> bool:
    left = tree.header().sectionViewportPosition(int(column))
    return left >= 0 and left + tree.header().sectionSize(int(column)) <= tree.viewport().width()


def cut(tree, column: Column) -> bool:
    left = tree.header().sectionViewportPosition(int(column))
    return left < tree.viewport().width() < left + tree.header().sectionSize(int(column))


def test_an_800_pixel_window_shows_id_and_names_whole_and_gives_the_chart_the_rest(qtbot):
    window = shown_window(qtbot, 800, 760)
    tree, (table, chart) = window.tree, window.splitter.sizes()
    assert tree.horizontalScrollBar().value() == 0
    assert whole(tree, Column.ID) and whole(tree, Column.NAME)
    assert not any(cut(tree, column) for column in Column)  # the table ends at a column's edge
    assert chart > table and table == table_width(tree, 0)  # ID and Name alone: more than 40 % would cut Owner


def test_a_wide_window_reads_name_to_total_float_without_scrolling(qtbot):
    window = shown_window(qtbot, 800, 760)
    tree, header = window.tree, window.tree.header()
    # What a 1920-pixel window (a screen wider than this one) gives the table: 40 %, 768 pixels.
    width = table_width(tree, 768)
    room = width - (tree.width() - tree.viewport().width())  # less the frame and the scroll bar
    right = {column: header.sectionPosition(int(column)) + header.sectionSize(int(column)) for column in Column}
    assert all(right[column] <= room for column in (Column.ID, Column.NAME, Column.START, Column.FINISH,
                                                    Column.DURATION, Column.FLOAT))
    assert right[Column.PREDECESSORS] > room and width <= 768
    assert table_width(tree, 400) - (width - room) == right[Column.NAME]  # narrow: ID and Name alone
