"""The baseline manager: capture (with an "as of" date), rename, delete, choose the one compared with."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...commands.baselines import CaptureBaseline, ClassifyBaseline, DeleteBaseline, RenameBaseline
from ...commands.composite import AllOrNothing
from ...domain import Classification, PlannerError
from ..change_effects import effects_of
from ..document import Document
from ..table_tab_out import TabOutAtTheEnds
from .common import MessageLine, date_edit, from_qdate

COLUMNS = ("Name", "As of", "Tasks", "Compared with", "Seen by")
LEVEL_COLUMN = 4
# Who may see a baseline, as the combo offers it: partner copies below the level leave it out.
LEVELS = {level: level.label for level in Classification}


class BaselinePanel(QWidget):
    """Every baseline of the plan, oldest first, with the actions on them."""

    compareRequested = Signal(str, str)  # (baseline, other baseline): show these two in the slip report

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name of the new baseline, e.g. “2026 review” (none: “Baseline 2”…)")
        self.as_of_edit = date_edit(document.project.status_date or date.today())
        self.as_of_edit.setToolTip("The report date this snapshot stands for")
        self.capture_button = QPushButton("Capture")
        self.capture_button.setToolTip("Snapshot every task's current start and finish")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.tab_out = TabOutAtTheEnds(self.table)  # Tab from its last cell leaves the dock's table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The other columns as wide as their title or values, whichever is wider: at the default
        # width of a hundred pixels "Compared with" was cut to "ompared wit".
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.compare_button = QPushButton("Compare plan with it")
        self.stop_button = QPushButton("Stop comparing")
        self.pair_button = QPushButton("Compare the two selected")
        self.delete_button = QPushButton("Delete")
        self.message = MessageLine()
        self._build_layout()
        self.capture_button.clicked.connect(self.capture)
        self.name_edit.returnPressed.connect(self.capture)  # a name typed and Enter, as in any form
        self.compare_button.clicked.connect(self.compare_selected)
        self.stop_button.clicked.connect(lambda: self.document.set_baseline(None))
        self.pair_button.clicked.connect(self.compare_pair)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemChanged.connect(self._renamed)
        # Bound methods, not lambdas: a closure connected to the document kept the panel, its window
        # and the document itself alive after the window closed.
        document.changed.connect(self._plan_changed)
        document.baselineChanged.connect(self._comparison_changed)
        self.refresh()

    def _build_layout(self) -> None:
        capture = QHBoxLayout()
        capture.addWidget(self.name_edit, 1)
        capture.addWidget(self.as_of_edit)
        capture.addWidget(self.capture_button)
        actions = QHBoxLayout()
        for button in (self.compare_button, self.stop_button, self.pair_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(capture)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def _plan_changed(self, changes, _initiator) -> None:
        if changes.replaced:  # another plan: a message about the last one's baselines no longer holds
            self.message.clear_message()
        if effects_of(changes).baselines:
            self.refresh()

    def _comparison_changed(self, _name) -> None:
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the rows from the plan's baselines."""
        self.table.blockSignals(True)
        baselines = self.document.project.numbered_baselines()  # the row numbers are the baselines' numbers
        self.table.setRowCount(len(baselines))
        for row, baseline in enumerate(baselines):
            compared = "✓" if baseline.name == self.document.baseline_name else ""
            for col, text in enumerate((baseline.name, baseline.as_of.isoformat(), str(len(baseline.entries)),
                                        compared, "")):
                item = QTableWidgetItem(text)
                if col:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, baseline.name)
                self.table.setItem(row, col, item)
            self.table.setCellWidget(row, LEVEL_COLUMN, self._level_combo(baseline.name, baseline.classification))
        self.table.blockSignals(False)

    def _level_combo(self, name: str, level: Classification) -> QComboBox:
        combo = QComboBox()
        for member, label in LEVELS.items():
            combo.addItem(label, member.value)
        combo.setCurrentIndex(list(LEVELS).index(level))
        combo.setToolTip("Who may see this baseline: a partner copy (File → Export for partner…) below this "
                         "level leaves it out")
        combo.activated.connect(lambda index: self._classify(name, combo.itemData(index)))
        return combo

    def _classify(self, name: str, level: str) -> None:
        if self.document.project.baseline(name).classification != level and not self._push(
                ClassifyBaseline(name, level)):
            self.refresh()

    def selected_names(self) -> list[str]:
        """Names of the selected baselines, in table order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    # -- actions ---------------------------------------------------------------------------
    def _push(self, command) -> bool:
        try:
            self.document.push(command)
        except PlannerError as error:
            self.message.show_error(error)
            return False
        self.message.clear_message()
        return True

    def capture(self) -> None:
        """Capture the current schedule under the typed name and "as of" date."""
        if self.document.schedule is None:
            self.message.show_hint("The plan cannot be scheduled right now, so there is nothing to capture.")
            return
        name = self.name_edit.text().strip() or next_baseline_name(self.document.project)
        command = CaptureBaseline(name, from_qdate(self.as_of_edit.date()),
                                  schedule=self.document.schedule)
        if self._push(command):
            self.name_edit.clear()

    def compare_selected(self) -> None:
        """Compare the plan with the selected baseline (ghost bars, variance columns)."""
        names = self.selected_names()
        if not names:
            self.message.show_hint("Select a baseline first.")
            return
        self.document.set_baseline(names[0])

    def compare_pair(self) -> None:
        """Show the two selected baselines against each other in the slip report."""
        names = self.selected_names()
        if len(names) != 2:
            self.message.show_hint("Select exactly two baselines (Ctrl+click) to compare them.")
            return
        older, newer = sorted(names, key=lambda n: self.document.project.baseline(n).as_of)
        self.compareRequested.emit(older, newer)

    def delete_selected(self) -> None:
        """Delete the selected baselines, as one undo step (each was one: Ctrl+Z brought back one)."""
        names = self.selected_names()
        if len(names) > 1:
            self._push(AllOrNothing(f"Delete {len(names)} baselines", [DeleteBaseline(name) for name in names]))
        elif names:
            self._push(DeleteBaseline(names[0]))

    def _renamed(self, item: QTableWidgetItem) -> None:
        old = item.data(Qt.ItemDataRole.UserRole)
        renamed = item.column() == 0 and item.text() != old
        if renamed and not self._push(RenameBaseline(old, item.text())):
            self.refresh()


def next_baseline_name(project) -> str:
    """'Baseline N' for a baseline captured without a name, N its number among the plan's baselines
    (the next free one), as MS Project names a baseline saved without one "Baseline"."""
    taken = {baseline.name for baseline in project.baselines}
    number = len(project.baselines) + 1
    while f"Baseline {number}" in taken:
        number += 1
    return f"Baseline {number}"
