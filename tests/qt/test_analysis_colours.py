"""The analysis docks speak of earlier and later in the chart's colours: blue early, red late, as
the task table's Finish variance and the chart's slip marks, and a what-if never paints a bar in
an owner's colour (the bar would read as that agency's)."""

from __future__ import annotations

import colorsys
from types import SimpleNamespace

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ilrs_planner.chart import palette
from ilrs_planner.qt.analysis.risk_charts import TornadoChart
from ilrs_planner.qt.analysis.slip_panel import SlipPanel
from ilrs_planner.qt.analysis.slip_table import FINISH_VARIANCE, HEADERS
from ilrs_planner.qt.analysis.whatif_panel import WhatIfPanel
from ilrs_planner.qt.analysis.why_panel import WhyPanel

BASIS = HEADERS.index("Basis")
APART = 20.0  # CIELAB distance told apart at a glance (tests/chart/test_slip_colours.py)


def _hue(color: QColor) -> float:
    return colorsys.rgb_to_hsv(color.redF(), color.greenF(), color.blueF())[0] * 360


def _reads_as_the_charts_early_blue(color: QColor) -> bool:
    return abs(_hue(color) - _hue(QColor(palette.EARLY_BY_YEARS))) < 20


def _lab(color: str) -> tuple[float, float, float]:
    c = QColor(color)
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in (c.redF(), c.greenF(), c.blueF())]
    x, y, z = ((0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047,
               0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2],
               (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883)
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _distance(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b))) ** 0.5


def test_the_slip_report_writes_an_earlier_finish_in_the_charts_early_blue(qtbot, ilrs_doc):
    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.compare("2021-06-16 ILRS roadmap (GLEX 2021)", None)
    earlier = [panel.proxy.index(r, FINISH_VARIANCE) for r in range(panel.proxy.rowCount())
               if panel.proxy.index(r, FINISH_VARIANCE).data().startswith("-")
               and panel.proxy.index(r, BASIS).data() != "modelling"]
    assert earlier, "the roadmap has a task finishing earlier than announced in 2021"
    for index in earlier:
        assert _reads_as_the_charts_early_blue(index.data(Qt.ItemDataRole.ForegroundRole)), index.data()


def test_why_writes_a_change_that_pulled_the_milestone_in_in_the_charts_early_blue(qtbot, ilrs_doc):
    panel = WhyPanel(ilrs_doc)
    qtbot.addWidget(panel)
    borisov = panel.baseline_combo.findData("2024-03-05 Lunar power unit 2033-2035 (Borisov)")
    panel.baseline_combo.setCurrentIndex(borisov)
    changes = panel.tree.topLevelItem(0)
    rows = [changes.child(i) for i in range(changes.childCount())]
    earlier = [row for row in rows if row.text(0).startswith("-")]
    later = [row for row in rows if row.text(0).startswith("+")]
    assert earlier and later
    assert all(_reads_as_the_charts_early_blue(row.foreground(0).color()) for row in earlier)
    assert not any(_reads_as_the_charts_early_blue(row.foreground(0).color()) for row in later)


def test_a_what_if_paints_no_bar_in_an_owners_colour(qtbot, ilrs_doc):
    highlights: list[dict[str, str]] = []
    panel = WhatIfPanel(ilrs_doc, highlight=highlights.append)
    qtbot.addWidget(panel)
    ilrs_doc.set_selection([ilrs_doc.project.task_by_key("change-8").id])
    panel.days_spin.setValue(400)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    painted = set(highlights[-1].values())
    assert len(painted) == 2  # the task tried, and the tasks it pushes later
    owners = set(palette.owner_colors(ilrs_doc.project).values())
    for color in painted:
        for owner in owners:
            assert _distance(color, owner) >= APART, (color, owner)


def test_the_risk_tornado_shows_a_driver_that_pulls_the_milestone_in_in_the_early_blue(qtbot):
    chart = TornadoChart()
    qtbot.addWidget(chart)
    chart.show_drivers([SimpleNamespace(key="long", name="Longer makes it later", correlation=0.8),
                        SimpleNamespace(key="short", name="Longer makes it earlier", correlation=-0.3)])
    bars = next(item for item in chart.getPlotItem().items if isinstance(item, pg.BarGraphItem))
    later, earlier = (brush.color() for brush in bars.opts["brushes"])
    assert _reads_as_the_charts_early_blue(earlier) and not _reads_as_the_charts_early_blue(later)
