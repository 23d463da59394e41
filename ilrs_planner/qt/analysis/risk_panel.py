"""Monte Carlo schedule risk: run in a worker with progress and Cancel; percentiles, charts, whiskers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...commands.base import ChangeSet
from ...domain import Precision, format_fuzzy_date
from ...engine.risk import PERCENTILES, RiskResult
from ...engine.risk_basis import NOT_MODELLED, NOT_MODELLED_WHY, default_spreads
from ...engine.risk_seed import DEFAULT_SEED
from ...engine.risk_shown import chance_of_plan, chance_text, default_milestone, default_target, milestone_precisions
from ..change_effects import effects_of
from ..deferred import DeferredChart, lazy_module
from ..document import Document
from ..plain_text import plain_label, tooltip
from ..table_tab_out import TabOutAtTheEnds
from .common import MessageLine, WhenShown, date_edit, fill_task_combo, from_qdate, open_chart_window, to_qdate
from .risk_worker import RiskWorker

risk_charts = lazy_module("ilrs_planner.qt.analysis.risk_charts")  # pyqtgraph, loaded when a chart is made

# "On plan": the share of runs meeting the milestone's planned date, to the end of the period it is
# known to; a programme office asks that before any percentile.
HEADERS = ("Milestone", "Plan", "On plan", *[f"P{p}" for p in PERCENTILES], "Critical")
NAME_WIDTH = 170  # px: "Chang'e 8 ISRU and 3D-pr…" still says which milestone it is


class RiskPanel(QWidget):
    """Controls, progress, the milestones' percentiles, and charts for the chosen milestone."""

    def __init__(self, document: Document, whiskers: Callable[[dict], None] | None = None, parent=None,
                 defer_while_hidden: bool = False):
        super().__init__(parent)
        self.document = document
        self.whiskers = whiskers or (lambda ranges: None)
        self.worker: RiskWorker | None = None
        self.result: RiskResult | None = None
        self._choose_defaults = True  # the plan's own milestone and date, once its milestones are listed
        self._build_controls()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.tab_out = TabOutAtTheEnds(self.table)  # Tab from its last cell leaves the dock's table
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names keep a readable width and are elided (the whole name in the tooltip); a stretched
        # name column was squeezed to nothing by the date columns in a dock 800 px wide.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, NAME_WIDTH)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.distribution_chart = DeferredChart(lambda: risk_charts.DistributionChart())
        self.tornado = DeferredChart(lambda: risk_charts.TornadoChart())
        self.spreads = plain_label()  # what the result rests on: own estimates or default spreads
        self.spreads.setWordWrap(True)
        self.message = MessageLine()
        self._build_layout()
        document.changed.connect(self._plan_changed)
        self._refill_when_shown = WhenShown(self, self._fill_milestones, defer_while_hidden)
        self._plan_changed(None)

    def _build_controls(self) -> None:
        self.iterations = QSpinBox()
        self.iterations.setRange(100, 200_000)
        self.iterations.setSingleStep(1000)
        self.iterations.setValue(10_000)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(DEFAULT_SEED)  # the `risk` command's too: both give the same figures
        self.seed.setToolTip("The same seed gives the same result")
        self.distribution = QComboBox()
        self.distribution.addItems(["triangular", "pert"])
        self.run_button, self.cancel_button = QPushButton("Run"), QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.milestone = QComboBox()
        self.target = date_edit(date.today())
        self.chance = QLabel()
        self.show_whiskers = QCheckBox("P50–P80 on the Gantt")
        self.show_whiskers.setChecked(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.milestone.currentIndexChanged.connect(lambda _i: self.show_chosen())
        self.target.dateChanged.connect(lambda _d: self.show_chosen())
        self.show_whiskers.toggled.connect(lambda _on: self._push_whiskers())

    def _build_layout(self) -> None:
        run = QHBoxLayout()
        for label, widget in (("Iterations", self.iterations), ("Seed", self.seed),
                              ("Durations", self.distribution)):
            run.addWidget(QLabel(label))
            run.addWidget(widget)
        run.addWidget(self.run_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)
        chosen = QHBoxLayout()
        for widget in (QLabel("Milestone"), self.milestone, QLabel("by"), self.target, self.chance):
            chosen.addWidget(widget)
        chosen.addStretch(1)
        chosen.addWidget(self.show_whiskers)
        self.window_button = QPushButton("Open charts in window")
        self.window_button.setToolTip("Distribution and drivers side by side in their own large window")
        self.window_button.clicked.connect(self.open_window)
        chosen.addWidget(self.window_button)
        charts = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.table, self.distribution_chart, self.tornado):
            charts.addWidget(widget)
        charts.setSizes([600, 440, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(run)
        layout.addLayout(chosen)
        layout.addWidget(charts, 1)
        layout.addWidget(self.spreads)
        layout.addWidget(self.message)

    def open_window(self) -> QWidget:
        """The chosen milestone's distribution and drivers in their own large window."""
        distribution, tornado = risk_charts.DistributionChart(), risk_charts.TornadoChart()
        task_id = self.milestone.currentData()
        if self.result is not None and task_id is not None and task_id in self.result.index:
            distribution.show_result(self.result, task_id, from_qdate(self.target.date()), self._precision(task_id))
            tornado.show_drivers(self.result.drivers(task_id, top=15), risk_charts.NO_DRIVERS)
        pair = QSplitter(Qt.Orientation.Horizontal)
        pair.addWidget(distribution)
        pair.addWidget(tornado)
        pair.setSizes([800, 600])
        name = self.document.project.tasks[task_id].name if task_id in self.document.project.tasks else ""
        return open_chart_window(self, f"Schedule risk — {name}", pair)

    # -- running ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start a simulation on a frozen copy of the plan; the window stays responsive."""
        if self.worker is not None:
            return
        self.worker = RiskWorker(self.document.project, self.document.revision, self.iterations.value(),
                                 self.seed.value(), self.distribution.currentText())
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(self._worker_done)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.message.show_hint("Simulating…")
        self.worker.start()

    def cancel(self) -> None:
        """Stop the running simulation (at its next block of iterations)."""
        if self.worker is not None:
            self.worker.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total))

    def _finished(self, result: RiskResult) -> None:
        if self.worker is not None and self.worker.revision != self.document.revision:
            self.message.show_hint("The plan changed while the simulation ran; its result was set aside. Run again.")
            return
        self.result = result
        self.message.show_hint(f"{result.iterations:,} runs, seed {result.seed}, {result.distribution} durations.")
        self._fill_table()
        self._show_spreads()
        self.show_chosen()
        self._push_whiskers()

    def _show_spreads(self) -> None:
        """Under the result: how many tasks varied by their kind's default spread; the tooltip lists them."""
        if self.result is None:
            self.spreads.setText("")
            self.spreads.setToolTip("")
            return
        spreads = default_spreads(self.document.project, self.result)
        self.spreads.setText(spreads.sentence())
        self.spreads.setToolTip(tooltip(spreads.task_lines(self.document.project)))

    def _failed(self, error) -> None:
        self.message.show_error(error)

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self.message.show_hint("Cancelled.")

    def _worker_done(self) -> None:
        self.worker = None  # the worker's own registry lets it go once it has finished
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _fill_milestones(self) -> None:
        fill_task_combo(self.milestone, self.document.project, milestones_only=True)
        if self._choose_defaults:
            self._choose_defaults = False
            self._show_defaults()

    def _show_defaults(self) -> None:
        """The plan's own question: its basic station (the roadmap) or last key milestone, by its planned date."""
        project, schedule = self.document.project, self.document.schedule
        chosen = default_milestone(project, schedule)
        if chosen is not None:
            self.milestone.setCurrentIndex(self.milestone.findData(chosen))
        target = default_target(project, schedule, self.milestone.currentData())
        if target is not None:
            self.target.setDate(to_qdate(target))

    def _plan_changed(self, changes: ChangeSet | None, _initiator: object = None) -> None:
        if changes is not None and changes.replaced:  # another plan: its own milestone and date
            self._choose_defaults = True
        self._refill_when_shown.request()
        schedule_moved = changes is None or effects_of(changes).reschedule
        if self.result is not None and schedule_moved:  # stale: the dates no longer belong to this plan
            self.result = None
            self.table.setRowCount(0)
            self._show_spreads()
            self.show_chosen()
            self._push_whiskers()
            self.message.show_hint("The plan changed; run the simulation again for fresh results.")

    # -- showing ---------------------------------------------------------------------------
    def _fill_table(self) -> None:
        ids = [tid for tid in self.result.milestone_ids()
               if not (self.document.project.tasks[tid].actual_start or self.document.project.tasks[tid].actual_finish)]
        self.table.setRowCount(len(ids))
        # Dates at the precision the plan knows each milestone to: a year-precision one reads "2033".
        schedule = self.document.schedule
        precisions = milestone_precisions(self.document.project, schedule, ids)
        for row, tid in enumerate(ids):
            pct = self.result.percentiles(tid)
            task = self.document.project.tasks[tid]
            planned = chance_of_plan(self.result, schedule, tid, precisions[tid]) if schedule else None
            modelled = self.result.is_modelled(tid)
            on_plan = chance_text(planned[1]) if planned and modelled else NOT_MODELLED if planned else ""
            plan_cells = (format_fuzzy_date(planned[0], precisions[tid]) if planned else "", on_plan)
            cells = (task.name, *plan_cells, *[format_fuzzy_date(pct[p], precisions[tid]) for p in PERCENTILES],
                     f"{self.result.criticality[tid]:.0%}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                why = f"\n{NOT_MODELLED.capitalize()}: {NOT_MODELLED_WHY}." if not modelled else ""
                # Names for people, the key for looking it up.
                item.setToolTip(tooltip(f"{task.key} — {task.name}{why}"))
                self.table.setItem(row, col, item)

    def show_chosen(self) -> None:
        """Histogram, S-curve, tornado and chance of the target date for the chosen milestone."""
        task_id = self.milestone.currentData()
        if self.result is None or task_id is None or task_id not in self.result.index:
            if self.distribution_chart.is_made():  # else nothing is drawn yet
                self.distribution_chart.show_result(None, None)
            if self.tornado.is_made():
                self.tornado.show_drivers([])
            self.chance.setText("")
            return
        target = from_qdate(self.target.date())
        self.distribution_chart.show_result(self.result, task_id, target, self._precision(task_id))
        self.tornado.show_drivers(self.result.drivers(task_id, top=10), risk_charts.NO_DRIVERS)
        chance = f"chance {self.result.probability_by(task_id, target):.0%}"
        self.chance.setText(chance if self.result.is_modelled(task_id) else NOT_MODELLED)  # not "100%": fixed

    def _precision(self, task_id: str) -> Precision:
        return milestone_precisions(self.document.project, self.document.schedule, [task_id])[task_id]

    def _push_whiskers(self) -> None:
        if self.result is None or not self.show_whiskers.isChecked():
            self.whiskers({})
            return
        ranges = {}
        for tid in self.result.milestone_ids():
            pct = self.result.percentiles(tid, (50, 80))
            if pct[80] > pct[50]:
                ranges[tid] = (pct[50], pct[80])
        self.whiskers(ranges)
