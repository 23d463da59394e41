"""Tab out of a table at its ends (a dialog's, a dock's): from cell to cell, and on from the last cell
to the field after the table (Shift+Tab from the first, to the one before it).

Qt's table, Tab taking it from cell to cell, goes round from its last cell to its first for ever:
the keyboard never reached the buttons under it (Add exception, OK) again, a trap for anyone who
does not use a mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


class TabOutAtTheEnds(QObject):
    """Watches `table`'s keys; Tab on its last cell (Shift+Tab on its first) leaves it."""

    def __init__(self, table: QAbstractItemView):
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
        current, model = table.currentIndex(), table.model()
        if not current.isValid() or model is None:  # no cell: nothing to go round
            return True
        first, last = _end_columns(table)
        if key == Qt.Key.Key_Tab:
            return (current.row(), current.column()) == (model.rowCount() - 1, last)
        return (current.row(), current.column()) == (0, first)


def _end_columns(table: QAbstractItemView) -> tuple[int, int]:
    """The first and last columns shown, left to right (a table's header may hide or move some)."""
    header = table.horizontalHeader() if isinstance(table, QTableView) else None
    if header is None:
        return 0, table.model().columnCount() - 1
    shown = [header.logicalIndex(visual) for visual in range(header.count())
             if not header.isSectionHidden(header.logicalIndex(visual))]
    return (shown[0], shown[-1]) if shown else (0, 0)
