"""The slip report's table: one row per task with its dates in the baseline and now, the variances
read at the dates' precision and their basis (sourced, planned or modelling), sorted by raw values,
and the "Slipped tasks" filter."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from ...chart import palette
from ...engine.slippage import MODELLING, PLANNED, SlipReport, SlipRow
from ..plain_text import tooltip

DATES = (2, 3, 4, 5)  # baseline start and finish, current start and finish: shown as SlipRow.shown() reads them
# Variances read at the dates' precision: '+7 y' between '2028' and '2035', days between days.
HEADERS = ("Key", "Name", "Baseline start", "Baseline finish", "Start", "Finish", "Start var", "Finish var", "Basis")
# Written on two lines, so each column is as wide as its dates and the report fits the dock of an
# 800-pixel window without scrolling sideways; each header's tooltip says it in full.
SHOWN_HEADERS = {"Baseline start": "Baseline\nstart", "Baseline finish": "Baseline\nfinish",
                 "Start var": "Start\nvar.", "Finish var": "Finish\nvar."}
HEADER_TIPS = {"Key": "The task's key", "Name": "The task's name",
               "Baseline start": "Start in the baseline", "Baseline finish": "Finish in the baseline",
               "Start": "Start now (or in the later baseline compared with)",
               "Finish": "Finish now (or in the later baseline compared with)",
               "Start var": "Start variance: how much later (+) or earlier (−) the task starts",
               "Finish var": "Finish variance: how much later (+) or earlier (−) the task finishes",
               "Basis": "Whether the change was recorded (sourced), the planner's own (planned), or the "
                        "plan's modelling (not a slip)"}
VARIANCE_TIP = ("Working days of the task's calendar, as its Duration counts them ('ed': calendar days of an "
                "elapsed task); whole years or months between dates known only to the year or month")
KEY_MOST = 96  # pixels: a long key is cut ("ilrs-founding-agre…"), whole in its tooltip
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FINISH_VARIANCE = HEADERS.index("Finish var")
VARIANCES = (HEADERS.index("Start var"), FINISH_VARIANCE)
SLIP_RED, GAIN_BLUE, MODELLING_GREY = QColor(palette.LATER_TEXT), QColor(palette.EARLIER_TEXT), QColor("#80868b")
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
            return SHOWN_HEADERS.get(HEADERS[section], HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS[HEADERS[section]]
            return f"{VARIANCE_TIP}\n{tip}" if section in VARIANCES else tip  # the unit first
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
            return MODELLING_GREY if row.basis == MODELLING else SLIP_RED if value > 0 else GAIN_BLUE
        if role == Qt.ItemDataRole.ToolTipRole:
            return _row_tip(row, named=index.column() < 2)  # a cut key or name reads whole there
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in VARIANCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.task_id
        return None

    @staticmethod
    def _value(row: SlipRow, column: int):
        return (row.key, row.name, row.baseline_start, row.baseline_finish, row.current_start, row.current_finish,
                row.start_variance, row.finish_variance, row.basis)[column]


def _row_tip(row: SlipRow, named: bool = False) -> str | None:
    """How precisely each side's dates are known, why the row's variance is or is not a slip, and the
    alternatives recorded on the task; first the task's key and name when `named`."""
    lines = [f"{row.key} — {row.name}"] if named else []
    lines += [f"{side} dates known {_to(precision)}" for side, precision, start in (
        ("Baseline", row.baseline_precision, row.baseline_start), ("Current", row.current_precision, row.current_start))
        if start is not None and precision != "day"]
    if row.variance_precision != "day" and row.baseline_precision != row.current_precision:
        lines.append(f"Variances counted in whole {_periods(row.variance_precision)}, the coarser side's precision: "
                     f"a day inside the {row.variance_precision} announced is the plan's placing, not a slip")
    lines += [BASIS_TIPS[row.basis]] if row.basis in BASIS_TIPS else []
    lines += [f"Alternative (not the plan): {text}" for text in row.alternatives]
    return tooltip("\n".join(lines)) or None


def _periods(precision: str) -> str:
    """'years', 'quarters', 'months'."""
    return f"{precision}s"


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
