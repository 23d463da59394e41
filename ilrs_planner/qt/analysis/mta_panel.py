"""The MTA dock: choose milestones, see how their forecasts moved, export the chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...commands.base import ChangeSet
from ...domain import PlannerError
from ...domain.terminal_text import one_line
from ...engine.mta import DEFAULT_MILESTONES, default_milestone_keys, milestone_trend
from ..change_effects import effects_of
from ..document import Document
from .common import MessageLine, WhenShown, open_chart_window
from .mta_chart import MtaChartWidget
from .mta_export import export_mta


class MtaPanel(QWidget):
    """Milestone list (checkable) beside the trend chart."""

    def __init__(self, document: Document, parent=None, defer_while_hidden: bool = False):
        super().__init__(parent)
        self.document = document
        self.milestones = QListWidget()
        self.milestones.setToolTip("Tick the milestones to show")
        self.chart = MtaChartWidget()
        self.export_button = QPushButton("Export chart…")
        self.window_button = QPushButton("Open in window")
        self.window_button.setToolTip("The chart in its own window, large enough to read every label")
        self.message = MessageLine()
        # The buttons under the list, so the chart has the dock's whole height: a dock under the
        # Gantt is short, and a row of buttons under the chart cut its plot by a sixth.
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.milestones, 1)
        column.addWidget(self.window_button)  # one above the other: the list stays narrow
        column.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.milestones.itemChanged.connect(lambda _item: self.refresh())
        self.export_button.clicked.connect(self.ask_export)
        self.window_button.clicked.connect(self.open_window)
        document.changed.connect(self._plan_changed)
        self._reload_when_shown = WhenShown(self, self.reload, defer_while_hidden)
        self._reload_when_shown.request()

    def _plan_changed(self, changes: ChangeSet, _initiator: object) -> None:
        effects = effects_of(changes)
        if effects.replaced:
            self._reload_when_shown.request()
        elif effects.baselines or effects.reschedule:
            self._reload_when_shown.request(self.refresh)  # the ticks stay as the user left them

    def reload(self) -> None:
        """Refill the milestone list (milestones and the roadmap's headline items), defaults ticked."""
        project = self.document.project
        ticked = set(default_milestone_keys(project))
        summaries = project.summary_ids()
        self.milestones.blockSignals(True)
        self.milestones.clear()
        for number, (task, _depth) in enumerate(project.walk(), start=1):
            if (task.is_milestone and task.id not in summaries) or task.key in DEFAULT_MILESTONES:
                item = QListWidgetItem(f"{number}  {one_line(task.name)}")  # as the table's ID and Name read
                item.setToolTip(f"{one_line(task.name)} ({task.key})")
                item.setData(Qt.ItemDataRole.UserRole, task.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if task.key in ticked else Qt.CheckState.Unchecked)
                self.milestones.addItem(item)
        self.milestones.blockSignals(False)
        self.refresh()

    def chosen_keys(self) -> list[str]:
        """Keys of the ticked milestones, in list order."""
        items = (self.milestones.item(i) for i in range(self.milestones.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked]

    def trend(self):
        """The trend of the ticked milestones (None when there is nothing to show)."""
        keys = self.chosen_keys()
        if not keys:
            return None
        project = self.document.project
        return milestone_trend(project, self.document.schedule, keys, today=date.today())

    def refresh(self) -> None:
        """Recompute and redraw."""
        try:
            trend = self.trend()
        except PlannerError as error:
            self.chart.set_trend(None)
            self.message.show_error(error)
            return
        self.message.clear_message()
        self.chart.set_trend(trend, f"Milestone trend analysis — {self.document.project.name}")

    def open_window(self) -> QWidget:
        """The trend chart in its own large window (the dock is for a glance)."""
        chart = MtaChartWidget()
        chart.set_trend(self.chart.trend, self.chart.title)
        chart.set_marker(self.chart.marker)
        return open_chart_window(self, "Milestone trend analysis", chart)

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export milestone trend chart", "mta.png",
                                              "PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)")
        if path:
            self.export(path)

    def export(self, path: str) -> bool:
        """Write the chart as PNG/SVG/PDF; errors appear under the chart."""
        try:
            trend = self.trend()
            if trend is None:
                self.message.show_hint("Tick at least one milestone to export.")
                return False
            export_mta(trend, path, title=self.chart.title)
        except PlannerError as error:
            self.message.show_error(error)
            return False
        self.message.show_hint(f"Wrote {path}")
        return True
