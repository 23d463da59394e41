"""Putting the analysis tools into the main window: an Analysis menu and one dock per tool.

Each tool's panel is made (and its module loaded) when its dock is first shown or the panel first
asked for: the docks start hidden, and loading and building all six was a tenth of the time to
the first painted window of a 100,000-task plan.
"""

from __future__ import annotations

import importlib
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QScrollArea, QWidget

from .common import compact_choosers
from .dock_scroll import DockScroll
from .trend_room import dock_height_wanted

if TYPE_CHECKING:
    from ..main_window import MainWindow  # the window builds these tools; typed only, no import at run time
    from .baselines_panel import BaselinePanel
    from .mta_panel import MtaPanel
    from .risk_panel import RiskPanel
    from .schedule_check_panel import ScheduleCheckPanel
    from .slip_panel import SlipPanel
    from .whatif_panel import WhatIfPanel
    from .why_panel import WhyPanel

# name: (dock title, module, panel class, shortcut), in the menu's order
TOOLS = {
    "baselines": ("Baselines", "baselines_panel", "BaselinePanel", "Ctrl+Shift+B"),
    "slip": ("Slip report", "slip_panel", "SlipPanel", "Ctrl+Shift+L"),
    "mta": ("Milestone trend", "mta_panel", "MtaPanel", "Ctrl+Shift+T"),
    "why": ("Why did it move?", "why_panel", "WhyPanel", None),
    "whatif": ("What if…", "whatif_panel", "WhatIfPanel", "Ctrl+Shift+W"),
    "risk": ("Schedule risk (Monte Carlo)", "risk_panel", "RiskPanel", "Ctrl+Shift+R"),
    "check": ("Schedule check", "schedule_check_panel", "ScheduleCheckPanel", "Ctrl+Shift+K"),
}

# The field a tool's keys go to when its dock is opened (Ctrl+Shift+B and typing a name typed it
# into the task table).
# The Analysis menu's entries, each with a letter of its own (Alt+A then the letter), as every menu's.
MENU_TEXTS = {"baselines": "&Baselines", "slip": "&Slip report", "mta": "&Milestone trend",
              "why": "W&hy did it move?", "whatif": "&What if…", "risk": "Schedule &risk (Monte Carlo)",
              "check": "Schedule chec&k"}
FIRST_FIELDS = {"baselines": "name_edit"}


def scrolling(panel: QWidget) -> QScrollArea:
    """The panel in a scroll area: on a laptop screen the dock shrinks and scrolls instead of
    widening the window past the screen (its drop-downs also shrink to a few words); the panel
    fills the dock whenever the dock is at least its minimum size (dock_scroll.py)."""
    compact_choosers(panel)
    return DockScroll(panel)


TALL_WINDOW, CHECK_SHARE = 900, 0.35  # a window this tall gives the schedule check's dock this share of
# its height: its sixteen checks in sight at 1080 pixels (the trend's dock is sized by trend_room.py)


class AnalysisTools:
    """The docks and actions the Analysis menu offers; kept on the window as `window.analysis`."""

    def __init__(self, window: MainWindow):
        self.window = window
        self._panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._to_front: dict[str, QTimer] = {}
        self._rooms: dict[str, partial[None]] = {}  # the sizing each tall dock waits to do once shown
        for name, (title, _module, _cls, shortcut) in TOOLS.items():
            self.docks[name] = self._dock(name, title, shortcut)
        self._add_menu()

    # The panels, each made when first asked for.
    @property
    def baselines(self) -> BaselinePanel:
        return self.panel("baselines")

    @property
    def slip(self) -> SlipPanel:
        return self.panel("slip")

    @property
    def mta(self) -> MtaPanel:
        return self.panel("mta")

    @property
    def why(self) -> WhyPanel:
        return self.panel("why")

    @property
    def whatif(self) -> WhatIfPanel:
        return self.panel("whatif")

    @property
    def risk(self) -> RiskPanel:
        return self.panel("risk")

    @property
    def check(self) -> ScheduleCheckPanel:
        return self.panel("check")

    def panel(self, name: str):
        """The panel of a tool, made and put into its dock the first time."""
        if name not in self._panels:
            self._panels[name] = panel = self._make(name)
            self.docks[name].setWidget(scrolling(panel))
            if name in FIRST_FIELDS:  # opened by its key, the keys go to this field, ready to type
                self._to_front[name].timeout.connect(getattr(panel, FIRST_FIELDS[name]).setFocus)
            if name in ("mta", "check"):
                self._rooms[name] = room = partial(self._room_on_tall_window, name)
                self._to_front[name].timeout.connect(room)
        return self._panels[name]

    def _room_on_tall_window(self, name: str) -> None:
        """The trend's or the schedule check's first showing with no dock sizes remembered: the
        trend's dock as high as its chart needs (trend_room.py: its panel's own height left the plot
        about 130 pixels high, 42 % of a tall window more than it used); the check's, on a tall
        window (1080 pixels), CHECK_SHARE of its height (its own height showed six of its sixteen
        rows). A size the planner chose is kept, also when the dock is closed and opened again (the
        timer runs at every showing: sized once only)."""
        window, dock = self.window, self.docks[name]
        self._to_front[name].timeout.disconnect(self._rooms.pop(name))
        if window.layout_remembered:
            return
        if name == "mta":
            wanted = dock_height_wanted(self.mta.chart, dock.height(), window.height())
        elif window.height() >= TALL_WINDOW:
            wanted = max(int(window.height() * CHECK_SHARE), dock.height())
        else:
            return
        if wanted != dock.height() and window.dockWidgetArea(dock) in (Qt.DockWidgetArea.BottomDockWidgetArea,
                                                                      Qt.DockWidgetArea.TopDockWidgetArea):
            window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def _make(self, name: str) -> QWidget:
        _title, module, cls, _shortcut = TOOLS[name]
        panel_class = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
        document, gantt = self.window.document, self.window.gantt
        if name == "baselines":
            panel = panel_class(document)
            panel.compareRequested.connect(self._compare_two)
            return panel
        # Each dock fills its lists when it is shown, not while it sits hidden (seconds at 100,000 tasks).
        extra = {"whatif": {"highlight": gantt.set_highlight}, "risk": {"whiskers": gantt.set_whiskers},
                 "check": {"show_task": self.window.navigate.show_selected_task}}
        panel = panel_class(document, defer_while_hidden=True, **extra.get(name, {}))
        if name == "whatif":  # its colours on the chart only while its tab is in sight
            self.docks[name].visibilityChanged.connect(panel.in_sight)
        return panel

    def _dock(self, name: str, title: str, shortcut: str | None) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"analysis_{name}_dock")
        dock.visibilityChanged.connect(lambda shown: shown and self.panel(name))
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        first = next(iter(self.docks.values()), None)
        if first is not None:
            self.window.tabifyDockWidget(first, dock)
        dock.hide()
        action = dock.toggleViewAction()
        # Made as the action checks, before the dock shows (so it opens at the panel's size).
        action.toggled.connect(lambda on: on and self.panel(name))
        # Opened by its key among tabbed docks, it comes to the front (Ctrl+Shift+L behind Baselines
        # showed nothing new); once the main window has laid out the tab it was given. The timer is
        # the dock's own, so it goes with the dock: a pending QTimer.singleShot outlived a window
        # closed at once, and kept it and its plan alive until it ran (on widgets gone by then).
        to_front = QTimer(dock, singleShot=True, interval=0)
        to_front.timeout.connect(dock.raise_)
        self._to_front[name] = to_front
        action.toggled.connect(lambda on: on and to_front.start())
        action.setText(MENU_TEXTS[name])
        if shortcut:
            action.setShortcut(shortcut)
        return dock

    def _add_menu(self) -> None:
        menu = self.window.menus["analysis"]
        for name in TOOLS:
            menu.addAction(self.docks[name].toggleViewAction())
            if name in ("slip", "why", "risk"):
                menu.addSeparator()
        menu.addSeparator()
        menu.addAction("&Export milestone trend chart…", self._export_mta)

    def show(self, name: str) -> None:
        """Show a tool's dock and bring it to the front."""
        self.panel(name)
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def _compare_two(self, older: str, newer: str) -> None:
        self.slip.compare(older, newer)
        self.show("slip")

    def _export_mta(self) -> None:
        self.show("mta")
        self.mta.ask_export()
