"""The milestone trend opened for the first time is as high as its chart needs: its plot given room
for the years it spans (under the panel's own height the plot was about 130 pixels high), but not
the 42 % of a tall window it once took, the task table above keeping most of the window. A size
the planner chose stays, also when the trend is closed and opened again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from windows import shown_main_window

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.analysis.mta_chart import MIN_ZOOM
from ilrs_planner.qt.analysis.trend_room import TREND_MOST, picture_height_wanted
from ilrs_planner.qt.document import Document


@pytest.fixture
def tall_window(qtbot):
    """The roadmap's window 1050 pixels high (the offscreen screen is 800 high: made taller once shown)."""
    window = shown_main_window(qtbot, Document(build_reference_project()), (1300, 700))
    window.resize(1300, 1050)
    qtbot.waitUntil(lambda: window.height() == 1050)
    return window


def open_trend(qtbot, window):
    dock = window.analysis.docks["mta"]
    with qtbot.waitSignal(window.analysis._to_front["mta"].timeout):
        dock.toggleViewAction().trigger()  # Analysis → Milestone trend
    qtbot.waitUntil(dock.isVisible)
    qtbot.wait(50)  # the dock laid out at the size asked for
    return dock


def test_the_trend_opens_as_high_as_its_chart_needs_and_the_table_keeps_most_of_the_window(qtbot, tall_window):
    dock = open_trend(qtbot, tall_window)
    chart = tall_window.analysis.mta.chart
    needed = round(picture_height_wanted(chart) * MIN_ZOOM)
    qtbot.waitUntil(lambda: chart.height() >= needed - 8)  # the plot has the room its years need
    assert dock.height() <= tall_window.height() * TREND_MOST  # it took 42 % of the window
    assert tall_window.tree.height() > tall_window.height() / 2


def test_a_remembered_layout_keeps_its_dock_sizes(qtbot, tall_window):
    tall_window.layout_remembered = True  # as restore_settings finds it after a first session
    open_trend(qtbot, tall_window)
    chart = tall_window.analysis.mta.chart
    assert chart.height() < round(picture_height_wanted(chart) * MIN_ZOOM) - 8  # the panel's own height


def test_a_height_the_planner_chose_is_kept_when_the_trend_is_closed_and_opened_again(qtbot, tall_window):
    # The trend grew back to its first height at every showing, undoing the planner's choice.
    dock = open_trend(qtbot, tall_window)
    first = dock.height()
    chosen = dock.minimumSizeHint().height() + 10
    tall_window.resizeDocks([dock], [chosen], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: dock.height() < first - 20)
    kept = dock.height()
    dock.toggleViewAction().trigger()  # closed…
    qtbot.waitUntil(lambda: not dock.isVisible())
    open_trend(qtbot, tall_window)  # …and opened again: the timer that sized it at its first showing has run
    assert abs(dock.height() - kept) <= 8
