"""The analysis panels in their docks as a laptop window has them: about 1280 × 340 under the chart.
Each fills its dock without scrolling once the dock is at least the panel's minimum size, and the
risk panel's tornado keeps room for its bars beside long task names."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.risk import Driver
from ilrs_planner.qt.analysis.installer import scrolling
from ilrs_planner.qt.analysis.mta_panel import MtaPanel
from ilrs_planner.qt.analysis.risk_charts import NAME_SHARE, TornadoChart
from ilrs_planner.qt.analysis.risk_panel import RiskPanel
from ilrs_planner.qt.analysis.slip_panel import SlipPanel
from ilrs_planner.qt.document import Document

DOCK = (1280, 340)


@pytest.fixture(scope="module")
def _reference():
    return build_reference_project()


@pytest.mark.parametrize("panel_class", [RiskPanel, SlipPanel, MtaPanel], ids=["risk", "slip", "mta"])
def test_a_panel_fills_a_laptop_dock_without_scrolling(qtbot, _reference, panel_class):
    panel = panel_class(Document(copy.deepcopy(_reference)))
    area = scrolling(panel)
    qtbot.addWidget(area)
    area.resize(*DOCK)
    area.show()
    panel.message.show_hint("2,000 runs, seed 1, triangular durations.")  # a line of wrapped text under it
    QApplication.processEvents()
    assert panel.minimumSizeHint().height() <= DOCK[1]
    assert area.verticalScrollBar().maximum() == 0  # nothing scrolled out of sight ...
    assert panel.height() == area.viewport().height()  # ... and nothing left empty below the panel
    area.resize(DOCK[0], 120)  # smaller than the panel can be: now it scrolls
    QApplication.processEvents()
    assert area.verticalScrollBar().maximum() > 0


def test_the_tornado_keeps_its_bars_beside_long_names(qtbot):
    chart = TornadoChart()
    qtbot.addWidget(chart)
    chart.resize(320, 260)
    chart.show()
    name = "Joint landing-site certification review after Chang'e 7 (all partners)"
    chart.show_drivers([Driver(f"t{i}", f"t{i}", f"{name} {i}", 0.9 - i / 10, 1.0, date(2035, 1, 1),
                               date(2036, 1, 1)) for i in range(3)])
    QApplication.processEvents()
    axis = chart.getPlotItem().getAxis("left")
    assert axis.width() <= 320 * NAME_SHARE + 12  # the names' column leaves the rest to the bars
    ticks = axis._tickLevels[0]
    assert all(text.endswith("…") and name.startswith(text[:-1]) for _, text in ticks)
