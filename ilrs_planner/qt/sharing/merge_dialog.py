"""The conflict dialog of a three-way merge: one row per conflict, each resolved as ours or theirs."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...sharing.merge import Conflict
from ..plain_text import tooltip

CONFLICT_COLOUR = "#fff3cd"
COLUMNS = ["What", "Field", "Base", "Ours", "Theirs", "Why", "Keep"]


def shown(value) -> str:
    """A conflict value as a planner reads it."""
    if value is None or value == "":
        return "(none)"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return str(value.value)
    if hasattr(value, "name") and hasattr(value, "entries"):  # a baseline
        return f"{value.name} (as of {value.as_of.isoformat()})"
    if hasattr(value, "key") and hasattr(value, "name"):  # a task or participant
        return f"{value.key} {value.name}"
    if hasattr(value, "weekdays") and hasattr(value, "exceptions"):  # a calendar
        return _calendar(value)
    return str(value)


_EXCEPTIONS_SHOWN = 3


def _calendar(calendar) -> str:
    """A calendar as a planner reads it: its working weekdays, as the calendar dialog names them, and
    first exceptions ("Pad crew: Mon–Fri; closed 2030-03-04 to 2030-03-22 (Pad refit)"), not the
    object's fields."""
    days = calendar.describe_weekdays()
    parts = [f"{'open' if x.working else 'closed'} {x.start.isoformat()}"
             + ("" if x.finish == x.start else f" to {x.finish.isoformat()}") + f" ({x.name})"
             for x in calendar.exceptions[:_EXCEPTIONS_SHOWN]]
    if len(calendar.exceptions) > _EXCEPTIONS_SHOWN:
        parts.append(f"{len(calendar.exceptions) - _EXCEPTIONS_SHOWN} more exceptions")
    return "; ".join([f"{calendar.name}: {days}", *parts])


class ConflictDialog(QDialog):
    """Lists every conflict with base/ours/theirs and a choice; `choices()` gives key -> ours/theirs."""

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Resolve merge conflicts")
        self.conflicts = conflicts
        self.table = QTableWidget(len(conflicts), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Tab from the table to each row's choice, then the buttons: taking Tab from cell to cell, the
        # table went round its cells and its choices for ever, and the keyboard never reached Merge.
        self.table.setTabKeyNavigation(False)
        self.combos: list[QComboBox] = []
        for row, conflict in enumerate(conflicts):
            self._fill_row(row, conflict)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        intro = QLabel(f"{len(conflicts)} change(s) could not be combined automatically. Choose which side to "
                       "keep for each; everything else from both sides is already merged.")
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        all_row = QHBoxLayout()
        for side in ("ours", "theirs"):
            button = QPushButton(f"Keep all {side}")
            button.clicked.connect(lambda _c=False, s=side: self.choose_all(s))
            all_row.addWidget(button)
        all_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(all_row)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _fill_row(self, row: int, conflict: Conflict) -> None:
        cells = [f"{conflict.kind} {conflict.label}", conflict.field or "(whole item)", shown(conflict.base),
                 shown(conflict.ours), shown(conflict.theirs), conflict.reason]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tooltip(conflict.reason))
            item.setBackground(QBrush(QColor(CONFLICT_COLOUR)))
            self.table.setItem(row, column, item)
        combo = QComboBox()
        combo.addItem("Ours", "ours")
        combo.addItem("Theirs", "theirs")
        combo.setCurrentIndex(0 if conflict.resolution == "ours" else 1)
        self.table.setCellWidget(row, len(COLUMNS) - 1, combo)
        self.combos.append(combo)

    def choose(self, row: int, side: str) -> None:
        """Keep `side` ('ours' or 'theirs') for the conflict in `row`."""
        self.combos[row].setCurrentIndex(self.combos[row].findData(side))

    def choose_all(self, side: str) -> None:
        """Keep `side` for every conflict."""
        for row in range(len(self.combos)):
            self.choose(row, side)

    def choices(self) -> dict[str, str]:
        """Conflict key -> 'ours' or 'theirs', as chosen."""
        return {c.key: combo.currentData() for c, combo in zip(self.conflicts, self.combos)}

