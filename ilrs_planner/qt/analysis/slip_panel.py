"""The slip report: a sortable table of every task's variance and its basis (sourced or modelling), a
"Slipped tasks" filter, the alternatives recorded on the tasks shown, CSV export."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
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
from ...engine.slippage import MODELLING, PLANNED, SlipReport, SlipRow, slip_report, write_report_csv
from ..document import Document
from ..plain_text import plain_label, tooltip
from ..readable_column import ReadableColumn
from .common import MessageLine, WhenShown, fill_baseline_combo
from .defaults import baseline_with_most_slips

DATES = (2, 3, 4, 5)  # baseline start and finish, current start and finish: shown as SlipRow.shown() reads them
# Variances read at the dates' precision: '+7 y' between '2028' and '2035', days between days.
HEADERS = ("Key", "Name", "Baseline start", "Baseline finish", "Start", "Finish", "Start var", "Finish var", "Basis")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FINISH_VARIANCE = HEADERS.index("Finish var")
VARIANCES = (HEADERS.index("Start var"), FINISH_VARIANCE)
VARIANCE_TIP = ("Working days of the task's calendar, as its Duration counts them ('ed': calendar days of an "
                "elapsed task); whole years or months between dates known only to the year or month")
SLIP_RED, GAIN_GREEN, MODELLING_GREY = QColor("#c5221f"), QColor("#188038"), QColor("#80868b")
BASIS_TIPS = {"sourced": "A recorded change of plan: an announcement, work recorded as done, or late work forecast "
                         "from the status date.",
              PLANNED: "The planner's own change (a date typed or dragged: an assumption, or any date of a task "
                       "citing no source), or pushed by one: a slip of the plan that nobody announced.",
              MODELLING: "The plan's own modelling (inferred, or another day of the announced year or month): not "
                         "a slip."}


class SlipTableModel(QAbstractTableModel):
    """Rows of a SlipReport; sorting by the raw value (dates, signed days)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: SlipReport | None = None
        self.rows: list[SlipRow] = []

    def set_report(self, report: SlipReport | None) -> None:
        """Show this report (None: empty)."""
        self.beginResetModel()
        self.report = report
        self.rows = list(report.rows) if report else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section in VARIANCES:
            return VARIANCE_TIP
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = self._value(row, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None or value == "":
                return "—"
            if index.column() in DATES:  # a finish is the last day of work, each date as precisely as it is known
                return row.shown()[DATES.index(index.column())]
            if index.column() in VARIANCES:
                return row.variance_texts()[VARIANCES.index(index.column())]
            return str(value)
        if role == SORT_ROLE:
            return value.toordinal() if hasattr(value, "toordinal") else (value if value is not None else -10**9)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in VARIANCES and value:
            return MODELLING_GREY if row.basis == MODELLING else SLIP_RED if value > 0 else GAIN_GREEN
        if role == Qt.ItemDataRole.ToolTipRole:
            return _row_tip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in VARIANCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.task_id
        return None

    @staticmethod
    def _value(row: SlipRow, column: int):
        return (row.key, row.name, row.baseline_start, row.baseline_finish, row.current_start, row.current_finish,
                row.start_variance, row.finish_variance, row.basis)[column]


def _row_tip(row: SlipRow) -> str | None:
    """How precisely each side's dates are known, why the row's variance is or is not a slip, and the
    alternatives recorded on the task."""
    lines = [f"{side} dates known {_to(precision)}" for side, precision, start in (
        ("Baseline", row.baseline_precision, row.baseline_start), ("Current", row.current_precision, row.current_start))
        if start is not None and precision != "day"]
    lines += [BASIS_TIPS[row.basis]] if row.basis in BASIS_TIPS else []
    lines += [f"Alternative (not the plan): {text}" for text in row.alternatives]
    return tooltip("\n".join(lines)) or None


def _to(precision: str) -> str:
    """'to the year only' ('2028' was announced, not a day of it)."""
    return f"to the {precision} only"


class SlippedFilter(QSortFilterProxyModel):
    """Sorts by raw values; with `only_slipped` keeps the tasks that finish later."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_slipped = False
        self.setSortRole(SORT_ROLE)

    def set_only_slipped(self, on: bool) -> None:
        """Show only slipped tasks, or all."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.only_slipped = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.only_slipped = on
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        return not self.only_slipped or self.sourceModel().rows[source_row].slipped


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
        self.alternatives.setWordWrap(True)
        self.alternatives.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageLine()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FINISH_VARIANCE, Qt.SortOrder.DescendingOrder)  # the largest slip first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        compared = sum(r.finish_variance is not None for r in report.rows)
        modelled = sum(r.basis == MODELLING for r in report.rows)
        self.summary.setText(f"{len(report.slipped())} of {compared} tasks finish later than in "
                             f"“{report.before.label}”; {modelled} variances are modelling (grey), not slips.")
        listed = [f"{r.key}: {text}" for r in report.rows for text in r.alternatives]
        self.alternatives.setText("Alternatives (another official's figure, not a change of plan): "
                                  + "; ".join(listed) if listed else "")
        self.alternatives.setVisible(bool(listed))

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
