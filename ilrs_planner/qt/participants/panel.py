"""ParticipantsPanel: the sortable members table beside the membership chart."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..analysis.common import open_chart_window
from ..deferred import DeferredChart, lazy_module
from ..document import Document
from ..table_tab_out import TabOutAtTheEnds
from .table_model import LEVEL_COLUMN, LEVEL_LABELS, SORT_ROLE, ParticipantTableModel

try:
    from ...data.reference import MEMBERSHIP_TARGETS
except ImportError:  # a build without the bundled roadmap: no goal to show
    MEMBERSHIP_TARGETS = None

membership_chart = lazy_module("ilrs_planner.qt.participants.membership_chart")  # pyqtgraph, loaded when shown


class LevelDelegate(QStyledItemDelegate):
    """The 'Seen by' cell edited with a list of the three classifications."""

    def createEditor(self, parent, _option, _index):
        combo = QComboBox(parent)
        for level, label in LEVEL_LABELS.items():
            combo.addItem(label, level.value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ParticipantsPanel(QWidget):
    """Who signed when, as a table and as membership over time against the 50-country goal."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = ParticipantTableModel(document, self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.tab_out = TabOutAtTheEnds(self.table)  # Tab from its last cell leaves the dock's table
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((330, 96, 86, 110, 90)):
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(LEVEL_COLUMN, LevelDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.chart = DeferredChart(self._new_chart)  # made, and drawn, when the dock is first shown
        note = QLabel(self._target_note())
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368; padding: 4px;")
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chart, 1)
        column.addWidget(note)
        self.window_button = QPushButton("Open chart in window")
        self.window_button.clicked.connect(self.open_window)
        column.addWidget(self.window_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([520, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.model.modelReset.connect(self.refresh_chart)
        self.refresh_chart()

    def open_window(self) -> QWidget:
        """The membership chart in its own large window."""
        return open_chart_window(self, "Membership over time", self._new_chart())

    def refresh_chart(self) -> None:
        """Redraw the membership lines from the plan's participants (once the chart is made)."""
        if self.chart.is_made():
            self.chart.show_participants(self.model.participants())

    def _new_chart(self) -> QWidget:
        chart = membership_chart.MembershipChart()
        chart.show_participants(self.model.participants())
        return chart

    @staticmethod
    def _target_note() -> str:
        if MEMBERSHIP_TARGETS is None:
            return "No membership target is bundled with this build."
        return (f"Goal ('555 Project', announced {MEMBERSHIP_TARGETS.announced_on.isoformat()}): "
                f"{MEMBERSHIP_TARGETS.countries} countries, {MEMBERSHIP_TARGETS.institutions} institutions, "
                f"{MEMBERSHIP_TARGETS.researchers:,} researchers. No source gives a year for it, so the chart "
                "shows the goal as a level, not a deadline. Orange dots: official headcounts, which count "
                "countries and international organisations together.")
