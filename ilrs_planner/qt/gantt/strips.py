"""The strip under the rows: phase names, continuing the bands behind the rows."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from .painter import paint_phase_names


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
