"""How the task table scrolls sideways: a click never moves it, keys and a comparison do.

Qt scrolls a clicked cell whole into view a double-click interval after the click. A Predecessors
cell half out of view on the right then pulled the table ~106 px to the left, taking the ID and
the start of every name with it, under the pointer the planner was aiming with. The cell clicked
is in view already (it was clicked); MS Project leaves the table where it is. Keys that move to a
column out of view (Tab, arrows) still bring it in, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView

from .task_columns import Column


class SidewaysScroll:
    """Mixed into the task table (a QTableView with `header()`)."""

    _after_click = False  # Qt's delayed scroll to the cell a click fell on is under way

    def timerEvent(self, event) -> None:
        """Qt's scroll to a clicked cell comes from a timer of the view's: the only scroll a timer makes."""
        self._after_click = True
        try:
            super().timerEvent(event)
        finally:
            self._after_click = False

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """As Qt's, but the delayed scroll after a click keeps the table's sideways place when any
        of the clicked cell shows (a row half out of view at the bottom still comes in)."""
        if not (self._after_click and self._partly_in_view(index)):
            super().scrollTo(index, hint)
            return
        bar = self.horizontalScrollBar()
        place = bar.value()
        super().scrollTo(index, hint)
        bar.setValue(place)

    def _partly_in_view(self, index: QModelIndex) -> bool:
        left = self.header().sectionViewportPosition(index.column())
        right = left + self.header().sectionSize(index.column())
        return index.isValid() and left < self.viewport().width() and right > 0

    def scroll_column_into_view(self, column: Column) -> int:
        """Scroll sideways just enough that the whole column shows, but never so far that any of
        the Name column goes out of view on the left. Returns the pixels of it still out of view."""
        header, bar = self.header(), self.horizontalScrollBar()
        self.updateGeometries()  # the scroll range must include the columns just shown
        right = header.sectionViewportPosition(int(column)) + header.sectionSize(int(column))
        name_is_left = header.visualIndex(int(Column.NAME)) < header.visualIndex(int(column))
        # Scrolling by more than the room left of Name would hide the start of every task's name.
        room = max(header.sectionViewportPosition(int(Column.NAME)), 0) if name_is_left else right
        if right > self.viewport().width():
            bar.setValue(bar.value() + min(right - self.viewport().width(), room))
        return max(header.sectionViewportPosition(int(column)) + header.sectionSize(int(column))
                   - self.viewport().width(), 0)

