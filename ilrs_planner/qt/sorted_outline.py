"""The outline commands while the table is sorted, as in MS Project: Insert, Add milestone, Indent,
Outdent and Move up/down act on the outline order, which a table sorted by Duration does not show,
so a keyboard user got an undo step ("Move up 'Std D'") for a move they could not see. While a sort
other than by ID is applied they are disabled, and the status bar and their tooltips say why and how
to get back (click the ID header, or the header menu's Outline order)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QTableView

from .models.task_columns import HEADERS, Column


def sorted_by(table: QTableView) -> str | None:
    """The header the table is sorted by, None in outline order (no sort, or ID ascending)."""
    header = table.horizontalHeader()
    section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
    if not 0 <= section < len(Column) or (section == Column.ID and order == Qt.SortOrder.AscendingOrder):
        return None
    return HEADERS[Column(section)]


def why_disabled(header: str) -> str:
    return f"Sorted by {header}: outline commands work in outline order — click the ID header to return to it"


class SortedOutline(QObject):
    """Enables the outline commands only in outline order; `changed` when the sort changes."""

    changed = Signal()

    def __init__(self, table: QTableView, bar: QStatusBar, adds: list[QAction], moves: list[QAction]):
        super().__init__(table)
        self.table, self.bar, self.adds, self.moves = table, bar, adds, moves
        self._tips = {action: action.toolTip() for action in adds + moves}
        table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)

    def update(self, selected: bool) -> None:
        """Enable the adds (and the moves, when a task is selected) unless the table is sorted."""
        by = sorted_by(self.table)
        for action in self.adds + self.moves:
            action.setEnabled(by is None and (selected or action in self.adds))
            action.setToolTip(self._tips[action] if by is None else why_disabled(by))

    def _sorted(self, _section: int, _order: Qt.SortOrder) -> None:
        by = sorted_by(self.table)
        if by is not None:
            self.bar.showMessage(why_disabled(by), 10000)
        self.changed.emit()
