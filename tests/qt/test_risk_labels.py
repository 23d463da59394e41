"""The Monte Carlo histogram names its target, P50 and P80 lines where they read: in a dock's short
plot the three labels stand clear of one another, and the S-curve passes behind them, not through."""

from __future__ import annotations

import copy

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.risk import run_risk
from ilrs_planner.qt.analysis.risk_charts import CURVE, P50, P80, TARGET, DistributionChart, TornadoChart

DOCK_PLOT = (560, 200)  # the histogram's size in the risk dock under a 1920 x 1080 window's chart


@pytest.fixture(scope="module")
def basic_station_result():
    project = copy.deepcopy(build_reference_project())
    return project, run_risk(project, 2000, seed=1)


def _shown(qtbot, basic_station_result) -> DistributionChart:
    project, result = basic_station_result
    chart = DistributionChart()
    qtbot.addWidget(chart)
    chart.resize(*DOCK_PLOT)
    chart.show()
    qtbot.waitExposed(chart)
    basic = project.task_by_key("ilrs-basic")
    chart.show_result(result, basic.id, target=basic.deadline)  # by 2035-12-31
    # Laid out as it is painted (the views' ranges are applied lazily, at the first paint).
    chart.grab()
    qtbot.wait(20)
    return chart


def _labels(chart: DistributionChart) -> list[pg.TextItem]:
    """The names of the target, P50 and P80 lines, wherever the chart keeps them."""
    lines = [item for item in chart.scene().items() if isinstance(item, pg.InfiniteLine)]
    return [line.label for line in lines if getattr(line, "label", None)] or [
        item for item in chart.scene().items() if isinstance(item, pg.TextItem)]


def _label_boxes(chart: DistributionChart):
    """Each line's label as the widget shows it, in widget pixels."""
    return [chart.mapFromScene(label.sceneBoundingRect()).boundingRect() for label in _labels(chart)]


def test_the_target_p50_and_p80_labels_stand_clear_of_one_another_in_a_docks_plot(qtbot, basic_station_result):
    chart = _shown(qtbot, basic_station_result)
    plot = chart.getPlotItem().vb.sceneBoundingRect()
    boxes = [label.sceneBoundingRect() for label in _labels(chart)]
    assert len(boxes) == 3
    for i, box in enumerate(boxes):
        assert plot.contains(box), f"label {_labels(chart)[i].toPlainText()} cut at the plot's edge"
        for other in boxes[i + 1:]:
            assert not box.adjusted(1, 1, -1, -1).intersects(other), [b.getRect() for b in boxes]


def test_the_s_curve_and_the_other_lines_pass_behind_the_labels(qtbot, basic_station_result):
    chart = _shown(qtbot, basic_station_result)
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    for label, box in zip(_labels(chart), _label_boxes(chart)):
        own = label.textItem.defaultTextColor().name()
        strikes = {QColor(c).rgb() for c in (CURVE, TARGET, P50, P80) if c != own}
        inner = box.adjusted(3, 3, -3, -3)
        struck = sum(image.pixel(int(x * ratio), int(y * ratio)) in strikes
                     for x in range(inner.left(), inner.right()) for y in range(inner.top(), inner.bottom()))
        assert struck == 0, f"a line runs through '{label.toPlainText()}'"


def _tick_texts(chart) -> list[str]:
    """The tick labels a planner reads on the chart's shown axes."""
    plot = chart.getPlotItem()
    texts = []
    for side in ("left", "bottom", "right"):
        axis = plot.getAxis(side)
        if axis.isVisible():
            low, high = axis.range
            for spacing, values in axis.tickValues(low, high, 400):
                texts += axis.tickStrings(values, 1, spacing)
    return texts


def test_before_a_run_the_charts_say_what_they_will_show_instead_of_empty_axes(qtbot, basic_station_result):
    project, result = basic_station_result
    distribution, tornado = DistributionChart(), TornadoChart()
    for chart in (distribution, tornado):
        qtbot.addWidget(chart)
        chart.resize(*DOCK_PLOT)
        chart.show()
        chart.grab()
        assert _tick_texts(chart) == []  # not '00.250' seconds into 1970, nor 0.2 runs
        assert chart.hint.isVisible() and chart.hint.toPlainText().startswith("Press Run")
    basic = project.task_by_key("ilrs-basic").id
    distribution.show_result(result, basic, target=None)
    tornado.show_drivers(result.drivers(basic, top=10))
    for chart in (distribution, tornado):
        chart.grab()
        assert _tick_texts(chart) and chart.hint.scene() is None


def test_the_s_curves_zero_stands_on_the_bars_zero(qtbot, basic_station_result):
    chart = _shown(qtbot, basic_station_result)
    bars_zero = chart.getPlotItem().vb.mapViewToScene(QPointF(0, 0)).y()
    curve_zero = chart.curve_view.mapViewToScene(QPointF(0, 0)).y()
    assert abs(bars_zero - curve_zero) < 1.0  # the share finished starts from the runs' baseline


def _drawn_labels(axis) -> list[str]:
    """The tick labels the axis actually draws (it leaves out those with no room at its ends)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []


def test_both_axes_read_from_0_runs_and_0_per_cent(qtbot, basic_station_result):
    chart = _shown(qtbot, basic_station_result)
    plot = chart.getPlotItem()
    assert "0" in _drawn_labels(plot.getAxis("left"))  # the runs' scale starts where the bars stand
    assert {"0", "100"} <= set(_drawn_labels(plot.getAxis("right")))  # the share finished, whole
