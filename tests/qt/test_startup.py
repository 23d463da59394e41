"""The window opens without loading the charting library its hidden docks use, nor the analysis
panels of those docks; the docks still show their panels and draw their charts when shown."""

from __future__ import annotations

import os
import subprocess
import sys

from ilrs_planner.qt.analysis import risk_charts
from ilrs_planner.qt.deferred import DeferredChart
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.participants.panel import ParticipantsPanel

OPEN_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
app = QApplication([])
window = MainWindow(Document(build_reference_project()))
window.show()
app.processEvents()
panels = [f"ilrs_planner.qt.analysis.{name}_panel" for name in ("baselines", "slip", "mta", "why", "whatif", "risk")]
print("pyqtgraph" in sys.modules, any(name in sys.modules for name in panels))
window.analysis.docks["risk"].toggleViewAction().trigger()  # Analysis → Schedule risk
app.processEvents()
print("pyqtgraph" in sys.modules, window.analysis.risk.distribution_chart.is_made(),
      window.analysis.docks["risk"].widget().widget() is window.analysis.risk)
"""


def test_the_window_opens_without_pyqtgraph_nor_the_panels_and_a_risk_dock_shown_loads_them(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", OPEN_WINDOW], env=env, capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["False False", "True True True"]


def test_the_membership_chart_is_drawn_when_its_panel_is_first_shown(qtbot, small_project):
    panel = ParticipantsPanel(Document(small_project))
    qtbot.addWidget(panel)
    assert not panel.chart.is_made()
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.chart.is_made() and panel.chart.getPlotItem().listDataItems()


def test_a_chart_not_yet_made_takes_the_place_a_made_one_asks_for(qtbot):
    made = DeferredChart(risk_charts.DistributionChart)
    waiting = DeferredChart(risk_charts.DistributionChart)
    qtbot.addWidget(made)
    qtbot.addWidget(waiting)
    chart = made.chart
    assert not waiting.is_made()
    assert (waiting.sizeHint(), waiting.minimumSizeHint()) == (chart.sizeHint(), chart.minimumSizeHint())
    assert (made.sizeHint(), made.minimumSizeHint()) == (chart.sizeHint(), chart.minimumSizeHint())
    assert waiting.sizePolicy() == chart.sizePolicy()
