"""View → Roadmap history: a slider over the baselines that redraws the roadmap as announced then.

Oldest announcement on the left, the current plan on the right. The Gantt draws that moment's
dates (read only: a drag pans) and the milestone trend chart marks the same report date.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSlider, QToolBar

from ..chart.history import Moment, moments
from .change_effects import effects_of
from .document import Document


class HistoryBar(QToolBar):
    """A tool bar holding the history slider and what the chosen step is."""

    momentChanged = Signal(object)  # the Moment shown

    def __init__(self, document: Document, parent=None):
        super().__init__("Roadmap history", parent)
        self.setObjectName("history_toolbar")
        self.document = document
        self.steps: list[Moment] = []
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(420)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setPageStep(1)
        self.slider.setToolTip("Drag or use the arrow keys: each step is one announcement, "
                               "the last is the current plan")
        self.label = QLabel()
        self.label.setMinimumWidth(420)
        self.addWidget(QLabel(" Roadmap as announced: "))
        self.addWidget(self.slider)
        self.addWidget(self.label)
        self.slider.valueChanged.connect(self._moved)
        document.changed.connect(self._plan_changed)
        self.reload()

    def _plan_changed(self, changes, _initiator) -> None:
        effects = effects_of(changes)
        if effects.replaced or effects.baselines:
            self.reload()

    def reload(self) -> None:
        """Steps from the plan's baselines; the slider goes back to the current plan."""
        self.steps = moments(self.document.project)
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self.steps) - 1)
        self.slider.setValue(len(self.steps) - 1)
        self.slider.blockSignals(False)
        self._moved(self.slider.value())

    def current(self) -> Moment:
        """The step the slider is on."""
        return self.steps[self.slider.value()]

    def _moved(self, index: int) -> None:
        step = self.steps[index]
        when = step.as_of.isoformat() if step.as_of else ""
        what = escape(step.topic, quote=False) if step.baseline is not None else "current plan"
        self.label.setText(f"<b>{when}</b> · {what}  ({index + 1} of {len(self.steps)})")
        self.momentChanged.emit(step)
