"""The slip report: a sortable table of every task's variance and its basis (sourced or modelling,
slip_table.py), a "Slipped tasks" filter, the alternatives recorded on the tasks shown, CSV export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import PlannerError
from ...engine.slip_words import modelling_note
from ...engine.slippage import MODELLING, slip_report, write_report_csv
from ..document import Document
from ..plain_text import plain_label
from ..readable_column import NAME_LEAST, ReadableColumn
from ..table_tab_out import TabOutAtTheEnds
from .common import MessageLine, WhenShown, breakable, fill_baseline_combo
from .defaults import baseline_with_most_slips
from .slip_table import FINISH_VARIANCE, KEY_MOST, SlippedFilter, SlipTableModel


class SlipPanel(QWidget):
    """Choose a baseline and what to compare it with; the report updates as the plan changes."""

    def __init__(self, document: Document, parent=None, defer_while_hidden: bool = False):
        super().__init__(parent)
        self.document = document
        self.model = SlipTableModel(self)
        self.proxy = SlippedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.baseline_combo, self.against_combo = QComboBox(), QComboBox()
        self.slipped_only = QCheckBox("Slipped tasks only")
        self.export_button = QPushButton("Export CSV…")
        self.summary = plain_label()  # baseline names and alternatives are the plan's text
        self.alternatives = plain_label()
        for label in (self.summary, self.alternatives):  # on one line they held the dock as wide as the text
            label.setWordWrap(True)
        self.alternatives.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageLine()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.tab_out = TabOutAtTheEnds(self.table)  # Tab from its last cell leaves the dock's table
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FINISH_VARIANCE, Qt.SortOrder.DescendingOrder)  # the largest slip first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # see _fit_key
        self.name_column = ReadableColumn(self.table, 1)
        self._build_layout()
        self.baseline_combo.currentIndexChanged.connect(self.refresh)
        self.against_combo.currentIndexChanged.connect(self.refresh)
        self.slipped_only.toggled.connect(self._filter)
        self.export_button.clicked.connect(self.ask_export)
        self.table.selectionModel().selectionChanged.connect(self._select_in_plan)
        self._reload_when_shown = WhenShown(self, self.reload, defer_while_hidden)
        document.changed.connect(self._plan_changed)
        document.baselineChanged.connect(self._follow_document_baseline)
        self._reload_when_shown.request()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Baseline"))
        top.addWidget(self.baseline_combo, 1)
        top.addWidget(QLabel("against"))
        top.addWidget(self.against_combo, 1)
        top.addWidget(self.slipped_only)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.alternatives)
        layout.addWidget(self.message)

    # -- data ------------------------------------------------------------------------------
    def _plan_changed(self, _changes, _initiator) -> None:
        self._reload_when_shown.request()

    def reload(self) -> None:
        """Refill the choices from the plan and recompute the report."""
        fresh = self.baseline_combo.count() == 0
        fill_baseline_combo(self.baseline_combo, self.document.project)
        fill_baseline_combo(self.against_combo, self.document.project, with_current=True)
        if fresh:
            self._choose_default_baseline()
        self.refresh()

    def _choose_default_baseline(self) -> None:
        """The compared baseline if there is one, else the one the most tasks slipped against."""
        doc = self.document
        name = doc.baseline_name or baseline_with_most_slips(doc.project, doc.schedule)
        if name is not None and self.baseline_combo.findData(name) >= 0:
            self.baseline_combo.blockSignals(True)
            self.baseline_combo.setCurrentIndex(self.baseline_combo.findData(name))
            self.baseline_combo.blockSignals(False)

    def compare(self, baseline: str, against: str | None) -> None:
        """Show `baseline` against another baseline (or the current plan when None)."""
        self.baseline_combo.setCurrentIndex(self.baseline_combo.findData(baseline))
        self.against_combo.setCurrentIndex(max(self.against_combo.findData(against), 0))
        self.refresh()

    def refresh(self) -> None:
        """Recompute the report for the chosen pair."""
        name, against = self.baseline_combo.currentData(), self.against_combo.currentData()
        if name is None:
            self.model.set_report(None)
            self.summary.setText("No baselines yet: capture one in the Baselines panel.")
            return
        try:
            report = slip_report(self.document.project, self.document.schedule, name, against)
        except PlannerError as error:
            self.model.set_report(None)
            self.message.show_error(error)
            return
        self.message.clear_message()
        self.model.set_report(report)
        self._fit_key()
        compared = sum(r.finish_variance is not None for r in report.rows)
        modelled = sum(r.basis == MODELLING for r in report.rows)
        self.summary.setText(f"{len(report.slipped())} of {compared} tasks finish later than in "
                             f"“{report.before.label}”; {modelling_note(modelled, 'grey')}.")
        listed = [f"{r.key}: {text}" for r in report.rows for text in r.alternatives]
        self.alternatives.setText(breakable("Alternatives (another official's figure, not a change of plan): "
                                            + "; ".join(listed)) if listed else "")
        self.alternatives.setVisible(bool(listed))

    def _fit_key(self) -> None:
        """The Key column as wide as its keys (KEY_MOST where that leaves too little), shown only where
        the table has room for it beside the dates and a readable name (as the task table, which
        shows no key at first): in the dock of an 800-pixel window it is left out, each name's
        tooltip giving its key."""
        header = self.table.horizontalHeader()
        header.showSection(0)
        self.table.resizeColumnToContents(0)
        room = self.table.viewport().width() - NAME_LEAST - sum(header.sectionSize(c) for c in range(2, header.count()))
        key = header.sectionSize(0) if header.sectionSize(0) <= room else min(header.sectionSize(0), KEY_MOST)
        header.resizeSection(0, key)
        header.setSectionHidden(0, key > room)
        self.name_column.fit()  # the names take the room the key leaves

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_key()

    def _filter(self, on: bool) -> None:
        self.proxy.set_only_slipped(on)

    def _follow_document_baseline(self, name) -> None:
        if name is not None and self.baseline_combo.findData(name) >= 0:
            self.baseline_combo.setCurrentIndex(self.baseline_combo.findData(name))

    def _select_in_plan(self, *_args) -> None:
        ids = [self.proxy.data(index, Qt.ItemDataRole.UserRole) for index in self.table.selectionModel().selectedRows()]
        if ids:
            self.document.set_selection(ids)

    # -- export ----------------------------------------------------------------------------
    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export slip report", "slip-report.csv", "CSV files (*.csv)")
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> bool:
        """Write the shown report as CSV; errors appear under the table."""
        if self.model.report is None:
            self.message.show_hint("There is no report to export.")
            return False
        try:
            write_report_csv(self.model.report, path)
        except PlannerError as error:
            self.message.show_error(error)
            return False
        self.message.show_hint(f"Wrote {path}")
        return True
