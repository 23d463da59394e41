"""The milestone trend chart read where it usually is, in a dock under the Gantt: its lines' colours
never read as a slip, and its names neither overlap nor run out of the picture, whatever its size."""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QPolygonF, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip
from six_weeks import six_weeks

from ilrs_planner.chart import palette
from ilrs_planner.chart.variance import ON_TIME_STEP, SLIP_STEPS
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import MilestoneTrend, Report, TrendLine, milestone_trend
from ilrs_planner.qt.analysis.mta_chart import MtaChartWidget, MtaPicture
from ilrs_planner.qt.analysis.mta_labels import legend_entries
from ilrs_planner.qt.analysis.mta_paint import diagonal_words
from ilrs_planner.qt.analysis.mta_panel import MtaPanel
from ilrs_planner.qt.analysis.mta_style import font, forecast_years, slip_text
from ilrs_planner.qt.analysis.mta_ticks import axis_ticks
from ilrs_planner.qt.document import Document

sys.path.insert(0, str(Path(__file__).parents[1]))
from chart.test_slip_colours import APART, SIGHTS, _distance  # noqa: E402  (the one colour-distance measure)

SLIPS = [color for i, (_, color, _) in enumerate(SLIP_STEPS) if i != ON_TIME_STEP]


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


@pytest.fixture
def panel(qtbot, roadmap):
    made = MtaPanel(Document(roadmap))
    qtbot.addWidget(made)
    made.show()
    return made



def _picture_of(chart):
    """The chart's picture and the logical size it is laid out in (its widget size over its zoom)."""
    zoom = chart.zoom()
    return chart.picture(), chart.width() / zoom, chart.height() / zoom


def test_the_lines_take_the_owner_palette_and_none_reads_as_a_slip_or_the_critical_path(panel):
    picture = panel.chart.picture()
    colors = [picture.color(i).name() for i in range(len(palette.OWNER_PALETTE))]
    assert set(colors) == set(palette.OWNER_PALETTE)  # one palette, not a copy of its own
    for color, other, sight in itertools.product(colors, [*SLIPS, palette.CRITICAL], SIGHTS):
        assert _distance(color, other, sight) >= APART, (color, other, sight)


def test_the_eight_default_lines_are_told_apart(panel):
    picture = panel.chart.picture()
    assert len(picture.trend.lines) == 8
    first = [picture.color(i).name() for i in range(8)]
    for a, b in itertools.combinations(first, 2):
        assert _distance(a, b, "normal") >= 15.0, (a, b)


@pytest.mark.parametrize("size", [(1600, 336), (1280, 336), (900, 700), (700, 330)])
def test_names_and_legend_never_overlap_or_leave_the_picture(panel, size):
    panel.resize(*size)
    assert panel.chart.height() <= size[1]  # the dock's chart fits without scrolling
    picture, width, height = _picture_of(panel.chart)
    labels = picture.end_labels(width, height)
    legend = picture.legend_rect(width, height)
    boxes = [label.box for label in labels]
    assert labels, "some names fit at every size"
    for a, b in itertools.combinations(boxes, 2):
        assert not a.intersects(b), (a, b)
    for label in labels:
        assert not label.box.intersects(legend), label.text
        assert label.box.left() >= 0 and label.box.right() <= width and label.box.bottom() <= height
        assert label.text == label.name or label.name.startswith(label.text.removesuffix("…"))
    assert legend.left() >= 0 and legend.right() <= width and legend.bottom() <= height + 1


def test_the_panel_fits_the_analysis_dock_of_a_laptop_window(panel):
    # Under the chart of a 1280 x 800 (or 1600 x 950) window the dock's content is about 336 px high.
    assert panel.minimumSizeHint().height() <= 336


def test_in_the_dock_of_an_800_by_600_window_the_legend_names_every_line(panel):
    # The dock gives the chart about 570 × 250 px: its small plot had the legend in its corner, eight
    # columns of colour too narrow for a single letter of a name; beside the plot each entry has room.
    panel.resize(760, 250)
    picture, width, height = _picture_of(panel.chart)
    legend, columns = picture.legend(width, height)
    assert legend.left() > picture.plot_rect(width, height).right()  # beside the plot, not in its corner
    assert legend.width() / columns >= 150  # "Chang'e 7 south-p…" and its slip, not a bare colour
    assert legend.right() <= width


def test_in_the_dock_of_a_wide_window_the_plot_takes_the_room_and_the_legend_names_whole(panel):
    # The dock under the Gantt of a 1920 x 1080 window: about 1700 x 260 px for the chart. The square
    # plot was about 130 px wide beside a legend of two columns of cut names, the rest left empty.
    panel.resize(1900, 300)
    picture, width, height = _picture_of(panel.chart)
    plot, (legend, columns) = picture.plot_rect(width, height), picture.legend(width, height)
    assert plot.width() >= 2 * plot.height() and plot.width() > legend.width()
    assert columns == 1 and legend.left() > plot.right() and legend.right() <= width
    names = QFontMetricsF(font(13, True))
    assert all(names.horizontalAdvance(line.name) + 30 < legend.width() - 24 - 60 for line in picture.trend.lines)


def test_a_name_cut_short_in_a_narrow_dock_is_read_whole_in_its_tooltip(qtbot, panel):
    panel.resize(760, 250)  # the dock of an 800-pixel window: the legend's names are cut
    picture, width, height = _picture_of(panel.chart)
    box, columns = picture.legend(width, height)
    line = picture.trend.lines[0]
    entry = legend_entries(box, len(picture.trend.lines), columns, picture.legend_row(height))[0]
    chart = panel.chart
    at = (entry.center() * chart.zoom()).toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert shown_tip().startswith(f"{line.name}: ") and "→" in shown_tip()


def test_the_tooltip_of_a_name_at_a_lines_end_names_that_line_when_another_name_begins_with_it(qtbot):
    # "Chang'e 7" begins "Chang'e 7 south-pole survey": its name's tooltip named the longer one.
    reports = (Report("2021 baseline", date(2021, 1, 1)), Report("Current", date(2025, 1, 1), True))
    survey = TrendLine("1", "CE7S", "Chang'e 7 south-pole survey", ((date(2021, 1, 1), date(2024, 6, 1)),
                                                                   (date(2025, 1, 1), date(2026, 8, 1))))
    mission = TrendLine("2", "CE7", "Chang'e 7", ((date(2021, 1, 1), date(2025, 6, 1)),
                                                 (date(2025, 1, 1), date(2028, 6, 1))))
    chart = MtaChartWidget()
    qtbot.addWidget(chart)
    chart.set_trend(MilestoneTrend(reports, (survey, mission), date(2021, 1, 1), date(2030, 1, 1)))
    chart.resize(1200, 700)
    chart.show()
    zoom = chart.zoom()
    labels = chart.picture().end_labels(chart.width() / zoom, chart.height() / zoom)
    label = next(label for label in labels if label.text == "Chang'e 7")
    at = (label.box.center() * zoom).toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert shown_tip().startswith("Chang'e 7: 2025-06-01 → 2028-06-01")


def shown_tip() -> str:
    """The tooltip as the reader sees it (it is HTML that quotes the name as text)."""
    document = QTextDocument()
    document.setHtml(QToolTip.text())
    return document.toPlainText()


@pytest.mark.parametrize("size", [(800, 430), (620, 420), (900, 700), (760, 250), (1600, 336)])
def test_the_legend_covers_no_line_of_the_plot(panel, size):
    # The dock of an 800 x 800 window with the undo history beside it: a 590 x 400 chart had its
    # legend over most of its small plot, hiding the lines it names.
    panel.resize(*size)
    picture, width, height = _picture_of(panel.chart)
    plot, legend = picture.plot_rect(width, height), picture.legend_rect(width, height)
    points = [picture.point(plot, day, forecast_years(forecast, line.precision))
              for line in picture.trend.lines for day, forecast in line.points]
    assert points and not [pt for pt in points if legend.adjusted(-2, -2, 2, 2).contains(pt)]
    assert legend.bottom() <= height + 1 and legend.right() <= width and plot.height() >= 100


def _six_week_trend():
    project = six_weeks()
    return milestone_trend(project, schedule(project), ["ship"])


@pytest.mark.parametrize("size", [(1200.0, 1100.0), (900.0, 300.0)])
def test_a_six_week_plans_trend_fills_its_plot_and_labels_its_weeks(qtbot, size):
    picture = MtaPicture(_six_week_trend())
    rect = picture.plot_rect(*size)
    line = picture.trend.lines[0]
    ys = [picture.point(rect, x, y).y() for x, y in line.points]
    # 2027-02-02 to 2027-03-04 on axes of eleven weeks: the line rises over more than a third of the
    # plot (on three years' axes it was a few pixels in its corner).
    assert max(ys) - min(ys) > rect.height() / 3
    per_year = min(rect.width(), rect.height()) / (picture.hi - picture.lo)
    labels = [tick.label for tick in axis_ticks(picture.trend.axis_from, picture.trend.axis_to, per_year)
              if tick.label]
    assert labels[0] == "28 Dec" and len(labels) >= 3  # weeks from its first Monday, as many as fit
    assert all(label.split()[1] in ("Dec", "Jan", "Feb", "Mar") for label in labels)


def test_in_the_dock_of_a_1100_pixel_window_the_legend_names_every_line_whole(panel):
    # About 880 x 270 px for the chart: the plot took three times its height in width and the legend
    # beside it cut every name ("Chang'e 7 sout…"); the plot now leaves the legend the room its names need.
    panel.resize(1090, 280)
    picture, width, height = _picture_of(panel.chart)
    plot, (legend, columns) = picture.plot_rect(width, height), picture.legend(width, height)
    assert columns == 1 and legend.left() > plot.right() and legend.right() <= width
    assert plot.width() >= plot.height()
    names, slips = QFontMetricsF(font(13, True)), QFontMetricsF(font(12))
    for line in picture.trend.lines:  # swatch, name, gap and slip, as mta_labels paints an entry
        assert names.horizontalAdvance(line.name) + slips.horizontalAdvance(slip_text(line)) + 66 <= legend.width()


@pytest.mark.parametrize("size", [(1900, 300), (1340, 300), (1000, 700)])
def test_the_diagonals_words_stay_in_the_plot_clear_of_the_names_and_the_legend(panel, size):
    # In a wide dock the plot is flat: begun at its corner, "forecast =" ran under the x axis,
    # over the report ticks and the first year's label.
    panel.resize(*size)
    picture, width, height = _picture_of(panel.chart)
    plot, names = picture.plot_rect(width, height), picture.end_labels(width, height)
    others = [name.box for name in names] + [picture.legend_rect(width, height)]
    words = diagonal_words(picture, plot, QFontMetricsF(font(12)), others)
    assert words is not None  # room for them at these sizes
    _text, onto, box = words
    shown = onto.map(QPolygonF(box)).boundingRect()
    assert plot.adjusted(-1, -1, 1, 1).contains(shown), (shown.getRect(), plot.getRect())
    assert not any(shown.intersects(other) for other in others)
