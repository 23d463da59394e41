"""Tab out of a dialog's table at its ends: from cell to cell, and on from the last cell to the
field after the table (Shift+Tab from the first, to the one before it).

Qt's table, Tab taking it from cell to cell, goes round from its last cell to its first for ever:
the keyboard never reached the buttons under it (Add exception, OK) again, a trap for anyone who
does not use a mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget


class TabOutAtTheEnds(QObject):
    """Watches `table`'s keys; Tab on its last cell (Shift+Tab on its first) leaves it."""

    def __init__(self, table: QTableWidget):
        super().__init__(table)
        self.table = table
        table.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self._at_the_end(event.key()):
            window = self.table.window()
            return window.focusNextChild() if event.key() == Qt.Key.Key_Tab else window.focusPreviousChild()
        return False

    def _at_the_end(self, key: int) -> bool:
        """Tab on the last cell, or Shift+Tab on the first, of a table not being typed into."""
        table = self.table
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or table.state() == QAbstractItemView.State.EditingState:
            return False
        row, column = table.currentRow(), table.currentColumn()
        if row < 0 or column < 0:  # no cell: nothing to go round
            return True
        if key == Qt.Key.Key_Tab:
            return (row, column) == (table.rowCount() - 1, table.columnCount() - 1)
        return (row, column) == (0, 0)
