"""A cell the table shows only in part, scrolled under the frozen ID and Name columns or cut at the
table's right edge, is drawn in the part shown with its text cut with "…": drawn whole and clipped,
a Start "2026-12-01" read "2-01" beside the names and a Total float "6,935 d" read "6,935"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from ilrs_planner.qt.models.frozen_columns import FROZEN
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def scroll_sideways(tree, eighths: int) -> None:
    """A sideways turn of the wheel over the table (in eighths of a degree), as a person scrolls it."""
    viewport = tree.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(-eighths, 0),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


@pytest.fixture
def painted(monkeypatch):
    """The rectangles the table's cells are drawn in: (column, rect) for each cell painted."""
    cells: list = []
    paint = QStyledItemDelegate.paint

    def spy(self, painter, option, index):
        cells.append((index.column(), QRect(option.rect)))  # a copy: Qt deletes the option after
        paint(self, painter, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "paint", spy)
    return cells


def test_cells_scrolled_partly_out_of_sight_are_drawn_in_the_part_shown(qtbot, roadmap_window, painted):
    tree, header = roadmap_window.tree, roadmap_window.tree.header()
    roadmap_window.splitter.setSizes([560, 240])
    start = header.sectionPosition(int(Column.START))
    bar = tree.horizontalScrollBar()
    for _turn in range(100):  # until 40 px or more of the Start column are under the names
        if bar.value() >= start - tree.frozen_floor() + 40:
            break
        scroll_sideways(tree, 15)
    assert 0 < header.sectionViewportPosition(int(Column.START)) + header.sectionSize(int(Column.START)) \
        - tree.frozen_strip() < header.sectionSize(int(Column.START))  # Start partly in sight
    painted.clear()
    tree.viewport().grab()
    strip, right = tree.frozen_strip(), tree.viewport().width()
    scrolled = [(column, rect) for column, rect in painted if column not in map(int, FROZEN)]
    assert any(column == int(Column.START) for column, _ in scrolled)
    assert all(rect.left() >= strip and rect.right() < right for _, rect in scrolled)
