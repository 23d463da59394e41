"""The strips under the chart: phase names (continuing the bands) and the legend."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from .legend import legend_height, legend_items, paint_legend
from .painter import paint_phase_names


class LegendStrip(QWidget):
    """Owner colours and symbol keys under the chart, wrapped to its width."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.items = []

    def refresh(self) -> None:
        """Recompute the entries (owners shown, symbols in use) and the height they need."""
        doc = self.view.document
        shown = self.view.rows() + self.view.chart_data().rollups.task_ids  # rolled-up milestones show too
        self.items = legend_items(doc.project, shown, critical=self.view.show_critical,
                                  baseline=doc.baseline_name is not None, whiskers=bool(self.view.whiskers),
                                  today=self.view.history is None, status=self.view.history is None)
        self.setFixedHeight(int(legend_height(self.items, max(self.width(), 400) - 16, self.view.style)) + 10)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.white)
        p.setRenderHint(QPainter.Antialiasing, True)
        paint_legend(p, self.items, QPointF(8, 5), self.width() - 16, self.view.style)
        p.end()


class PhaseStrip(QWidget):
    """The programme phases under the rows, named (the bands behind the rows carry no text)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setFixedHeight(20)

    def paintEvent(self, event) -> None:  # noqa: N802
        data = self.view.chart_data()
        scale = self.view.scale
        phases = [(scale.x_of_ordinals(a).item(), scale.x_of_ordinals(b).item(), n) for a, b, n in data.phases]
        p = QPainter(self)
        paint_phase_names(p, phases, QRectF(0, 0, self.width(), self.height()), self.view.style)
        p.end()
