"""The scroll area an analysis panel sits in inside its dock: the panel fills the dock, and scrolls
only once the dock is smaller than the panel's minimum size.

A resizable QScrollArea sizes a panel holding a word-wrapped label by the panel's height for the
dock's width, which it reads from the preferred sizes (a chart's 480 px): the risk panel was 580 px
high in a 340-px dock, its charts' axes and the table's last rows scrolled out of sight, though
everything fits at 170 px.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class DockScroll(QScrollArea):
    """`panel` sized to the viewport, but never below its minimum size (then it scrolls)."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(panel)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        panel.installEventFilter(self)  # its minimum size changes with what it shows

    def fit(self) -> None:
        """Give the panel the viewport's size, or its minimum where that is larger."""
        panel, room, least = self.widget(), self.viewport().size(), self.widget().minimumSizeHint()
        panel.resize(max(room.width(), least.width(), panel.minimumWidth()),
                     max(room.height(), least.height(), panel.minimumHeight()))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)
