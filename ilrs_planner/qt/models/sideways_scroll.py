"""How the task table scrolls sideways: a click never moves it, keys, an editor and a comparison do,
each just enough to bring the cell whole beside the frozen ID and Name columns (see frozen_columns).

Qt scrolls a clicked cell whole into view a double-click interval after the click. A Predecessors
cell half out of view on the right then pulled the table ~106 px to the left, under the pointer the
planner was aiming with. The cell clicked is in view already (it was clicked); MS Project leaves the
table where it is. Keys that move to a column out of view (Tab, arrows, End) bring it in, and an
editor opens only on a cell shown whole (typed into a half-hidden cell, it was cut off).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from .frozen_columns import FROZEN
from .task_columns import Column

_ALL = QAbstractItemView.EditTrigger.AllEditTriggers


class SidewaysScroll:
    """Mixed into the task table (a QTableView with `header()` and FrozenColumns)."""

    _after_click = False  # Qt's delayed scroll to the cell a click fell on is under way

    def timerEvent(self, event) -> None:
        """Qt's scroll to a clicked cell comes from a timer of the view's: the only scroll a timer makes."""
        self._after_click = True
        try:
            super().timerEvent(event)
        finally:
            self._after_click = False

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Up or down as Qt's; sideways just enough to show the cell whole beside the frozen columns,
        and not at all after a click on a cell any of which shows (a row half out of view at the
        bottom still comes in)."""
        bar = self.horizontalScrollBar()
        keep = not index.isValid() or (self._after_click and self._partly_in_view(index))
        place = bar.value() if keep else self._place_showing(index.column())
        super().scrollTo(index, hint)
        bar.setValue(place)

    def edit(self, index: QModelIndex, trigger=_ALL, event=None) -> bool:
        """Open a cell's editor (when the trigger does), scrolled whole into view first."""
        if self._opens_editor(index, trigger):
            self.scrollTo(index)
        return super().edit(index, trigger, event)

    def _opens_editor(self, index: QModelIndex, trigger) -> bool:
        """Whether Qt's edit() opens an editor for `trigger` (its shouldEdit, before it does)."""
        if not index.isValid() or not self.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        if self.state() == QAbstractItemView.State.EditingState or self.indexWidget(index) is not None:
            return False
        return trigger == _ALL or bool(trigger & self.editTriggers())

    def _place_showing(self, column: int) -> int:
        """The sideways scroll that shows `column` whole, moved as little as may be."""
        bar, header = self.horizontalScrollBar(), self.header()
        left, width = header.sectionPosition(column), header.sectionSize(column)
        if column in map(int, FROZEN):  # always in view; a Name cut short by a narrow table comes whole
            whole = left + width <= self.frozen_floor()
            place = bar.value() if whole else min(bar.value(), self.frozen_width() - left - width)
        else:  # its right edge in the viewport, its left not under the frozen columns
            place = min(max(bar.value(), left + width - self.viewport().width()), left - self.frozen_floor())
            if place > bar.value():
                place = self._column_edge_from(place, left - self.frozen_floor())
        if place > bar.maximum():
            self.updateGeometries()  # a column just shown: the scroll range does not reach it yet
        return max(min(place, bar.maximum()), 0)

    def _column_edge_from(self, place: int, most: int) -> int:
        """The least scroll at or past `place` (and at most `most`) that starts a column at the frozen
        columns' edge, as a spreadsheet scrolls by whole columns: scrolled to the pixel, the column
        behind the names showed a sliver ("-05-03" of a Start date) beside them. `place` if none."""
        header, floor = self.header(), self.frozen_floor()
        edges = [header.sectionPosition(column) - floor for column in range(header.count())
                 if column not in map(int, FROZEN) and not header.isSectionHidden(column)]
        return min((edge for edge in edges if place <= edge <= most), default=place)

    def _partly_in_view(self, index: QModelIndex) -> bool:
        if index.column() in map(int, FROZEN):
            return True
        left = self.header().sectionViewportPosition(index.column())
        right = left + self.header().sectionSize(index.column())
        return left < self.viewport().width() and right > self.frozen_strip()

    def scroll_column_into_view(self, column: Column) -> int:
        """Scroll sideways just enough that the whole column shows beside the frozen ones. Returns
        the pixels of it still out of view (a table too narrow for it)."""
        self.updateGeometries()  # the scroll range must include the columns just shown
        self.horizontalScrollBar().setValue(self._place_showing(int(column)))
        header = self.header()
        right = header.sectionViewportPosition(int(column)) + header.sectionSize(int(column))
        return max(right - self.viewport().width(), 0)
