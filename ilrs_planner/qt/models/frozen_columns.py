"""The task table's ID and Name columns stay at the left while the other columns scroll sideways.

MS Project keeps its ID column, Excel its frozen panes and P6 its Activity ID and Name: a row whose
name has scrolled away cannot be read. Qt's "Frozen Column Example" lays a second view over the
first; here the table itself draws the two columns again over the left of its viewport once it is
scrolled, and answers `visualRect` and `indexAt` with where they are drawn, so clicks, the outline's
arrows, tooltips, the right-click menu and the cell editors all go by what the planner sees, and
there is one view, one selection and one focus (no second view to keep in step at 100,000 rows).

A table narrower than its ID and Name columns (an 800-pixel window) would have no room left to
scroll the other columns into: there the Name column narrows, as the table scrolls, to what leaves
the other columns `SCROLLED_LEAST` of the width, its names cut with "…".
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from .task_columns import Column

FROZEN = (Column.ID, Column.NAME)  # in this order, at the left of the table
FROZEN_MOST = 0.6  # the most of the table's width the frozen columns keep once it scrolls sideways


class FrozenColumns:
    """Mixed into the task table (a QTableView with `header()` and `delegate`)."""

    def frozen_layout(self) -> list[tuple[int, int, int]]:
        """(column, left, width) of the frozen columns shown, left to right, in viewport pixels."""
        header = self.header()
        return [(int(c), header.sectionPosition(int(c)), header.sectionSize(int(c)))
                for c in FROZEN if not header.isSectionHidden(int(c))]

    def frozen_width(self) -> int:
        """The width of the frozen columns, whole."""
        return sum(width for _column, _left, width in self.frozen_layout())

    def frozen_floor(self) -> int:
        """The least the frozen columns keep of the table when it is scrolled all the way."""
        return min(self.frozen_width(), max(int(self.viewport().width() * FROZEN_MOST), 1))

    def frozen_strip(self) -> int:
        """How wide the frozen columns are drawn now: whole unless a narrow table is scrolled."""
        return max(self.frozen_floor(), self.frozen_width() - self.horizontalOffset())

    def keep_frozen_first(self, *_args) -> None:
        """ID and Name stay the first columns (a column dragged before them goes back after them)."""
        header = self.header()
        for place, column in enumerate(FROZEN):
            if header.visualIndex(int(column)) != place:
                header.moveSection(header.visualIndex(int(column)), place)

    def _frozen_span(self, column: int) -> tuple[int, int] | None:
        """The x range a frozen `column` is drawn over, None for other columns."""
        strip = self.frozen_strip()
        for frozen, left, width in self.frozen_layout():
            if frozen == column:
                return left, min(left + width, strip)
        return None

    def visualRect(self, index: QModelIndex) -> QRect:
        """Where the cell is seen: a frozen column's cells where they are drawn over the others."""
        rect = super().visualRect(index)
        span = self._frozen_span(index.column()) if index.isValid() and self.horizontalOffset() else None
        if span is not None:
            rect.setLeft(span[0])
            rect.setRight(span[1] - 1)
        return rect

    def indexAt(self, point: QPoint) -> QModelIndex:
        """The cell seen at `point` (a frozen column's over the columns scrolled under it)."""
        if self.horizontalOffset() and 0 <= point.x() < self.frozen_strip():
            row = self.rowAt(point.y())
            for column, left, width in self.frozen_layout():
                if left <= point.x() < left + width and row >= 0:
                    return self.model().index(row, column)
        return super().indexAt(point)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Qt moves the pixels sideways; the frozen columns must not move with them."""
        super().scrollContentsBy(dx, dy)
        if dx:
            self.viewport().update()
            self.header().viewport().update()
            self.updateEditorGeometries()  # a Name cell's editor stays over its cell

    def paintEvent(self, event) -> None:
        """Qt's table paints the columns scrolled beside the frozen ones; these are painted over the left."""
        if not self.horizontalOffset():  # unscrolled: every column is where Qt paints it
            super().paintEvent(event)
            return
        strip = QRect(0, 0, self.frozen_strip(), self.viewport().height())
        beside = event.region().subtracted(QRegion(strip))  # not the cells the frozen ones cover
        if not beside.isEmpty():
            super().paintEvent(QPaintEvent(beside))
        if event.rect().intersects(strip):
            painter = QPainter(self.viewport())
            painter.setClipRect(strip.intersected(event.rect()))
            painter.fillRect(strip, self.viewport().palette().brush(QPalette.ColorRole.Base))
            self._paint_frozen_rows(painter, event.rect())
            paint_frozen_edge(painter, strip, self.palette())
            painter.end()

    def _paint_frozen_rows(self, painter: QPainter, area: QRect) -> None:
        """The frozen cells of the rows in `area`, as Qt's table draws a cell (QTableViewPrivate::drawCell)."""
        model, selection, current = self.model(), self.selectionModel(), self.currentIndex()
        first = max(self.rowAt(area.top()), 0)
        last = self.rowAt(area.bottom())
        last = model.rowCount() - 1 if last < 0 else last
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        focus = self.hasFocus() or self.viewport().hasFocus()
        strip, style, striped = self.frozen_strip(), self.style(), self.alternatingRowColors()
        layout = [(column, left, min(width, strip - left)) for column, left, width in self.frozen_layout()]
        for row in range(first, last + 1):
            top, height = self.rowViewportPosition(row), self.rowHeight(row)
            for column, left, width in layout:
                index = model.index(row, column)
                cell = QStyleOptionViewItem(option)
                cell.rect = QRect(left, top, width, height)
                if striped and row & 1:
                    cell.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
                if selection.isSelected(index):
                    cell.state |= QStyle.StateFlag.State_Selected
                if focus and index == current:
                    cell.state |= QStyle.StateFlag.State_HasFocus
                style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, cell, painter, self)
                self.itemDelegateForIndex(index).paint(painter, cell, index)


def paint_frozen_edge(painter: QPainter, strip: QRect, palette: QPalette) -> None:
    """A thin line where the scrolled columns pass under the frozen ones (Excel's freeze line)."""
    painter.setClipping(False)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.drawLine(strip.right(), strip.top(), strip.right(), strip.bottom())
