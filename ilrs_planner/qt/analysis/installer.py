"""Putting the analysis tools into the main window: an Analysis menu and one dock per tool."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from .baselines_panel import BaselinePanel
from .common import compact_choosers
from .mta_panel import MtaPanel
from .risk_panel import RiskPanel
from .slip_panel import SlipPanel
from .whatif_panel import WhatIfPanel
from .why_panel import WhyPanel

if TYPE_CHECKING:
    from ..main_window import MainWindow  # the window builds these tools; typed only, no import at run time


def scrolling(panel: QWidget) -> QScrollArea:
    """The panel in a scroll area: on a laptop screen the dock shrinks and scrolls instead of
    widening the window past the screen (its drop-downs also shrink to a few words)."""
    compact_choosers(panel)
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class AnalysisTools:
    """The docks and actions the Analysis menu offers; kept on the window as `window.analysis`."""

    def __init__(self, window: MainWindow):
        self.window = window
        document = window.document
        gantt = window.gantt
        self.baselines = BaselinePanel(document)
        # Each dock fills its lists when it is shown, not while it sits hidden (seconds at 100,000 tasks).
        self.slip = SlipPanel(document, defer_while_hidden=True)
        self.mta = MtaPanel(document, defer_while_hidden=True)
        self.why = WhyPanel(document, defer_while_hidden=True)
        self.whatif = WhatIfPanel(document, highlight=gantt.set_highlight, defer_while_hidden=True)
        self.risk = RiskPanel(document, whiskers=gantt.set_whiskers, defer_while_hidden=True)
        self.docks: dict[str, QDockWidget] = {}
        for name, title, panel, shortcut in (
                ("baselines", "Baselines", self.baselines, "Ctrl+Shift+B"),
                ("slip", "Slip report", self.slip, "Ctrl+Shift+L"),
                ("mta", "Milestone trend", self.mta, "Ctrl+Shift+T"),
                ("why", "Why did it move?", self.why, None),
                ("whatif", "What if…", self.whatif, "Ctrl+Shift+W"),
                ("risk", "Schedule risk (Monte Carlo)", self.risk, "Ctrl+Shift+R")):
            self.docks[name] = self._dock(name, title, panel, shortcut)
        self.baselines.compareRequested.connect(self._compare_two)
        self._add_menu()

    def _dock(self, name: str, title: str, panel, shortcut: str | None) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"analysis_{name}_dock")
        dock.setWidget(scrolling(panel))
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        first = next(iter(self.docks.values()), None)
        if first is not None:
            self.window.tabifyDockWidget(first, dock)
        dock.hide()
        action = dock.toggleViewAction()
        action.setText(title)
        if shortcut:
            action.setShortcut(shortcut)
        return dock

    def _add_menu(self) -> None:
        menu = self.window.menus["analysis"]
        for name in ("baselines", "slip", "mta", "why", "whatif", "risk"):
            menu.addAction(self.docks[name].toggleViewAction())
            if name in ("slip", "why"):
                menu.addSeparator()
        menu.addSeparator()
        menu.addAction("Export milestone trend chart…", self._export_mta)

    def show(self, name: str) -> None:
        """Show a tool's dock and bring it to the front."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def _compare_two(self, older: str, newer: str) -> None:
        self.slip.compare(older, newer)
        self.show("slip")

    def _export_mta(self) -> None:
        self.show("mta")
        self.mta.ask_export()

