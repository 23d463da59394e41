"""The milestone trend opened for the first time on a tall window takes a good share of its height:
under the panel's own height its plot was about 130 pixels high. A size the planner chose stays,
also when the trend is closed and opened again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ilrs_planner.qt.analysis import installer


def open_trend(qtbot, window):
    window.analysis.docks["mta"].toggleViewAction().trigger()  # Analysis → Milestone trend
    qtbot.waitUntil(lambda: window.analysis.docks["mta"].isVisible())


def test_the_trend_takes_a_share_of_a_tall_window(qtbot, window, monkeypatch):
    # The offscreen screen is 800 pixels high: a 700-pixel window stands for a 1080-pixel one, where
    # the panel's own 314 pixels are under the share.
    monkeypatch.setattr(installer, "TALL_WINDOW", 600)
    monkeypatch.setattr(installer, "TREND_SHARE", 0.55)
    open_trend(qtbot, window)
    dock = window.analysis.docks["mta"]
    qtbot.waitUntil(lambda: dock.height() >= int(window.height() * installer.TREND_SHARE) - 8)
    assert window.gantt.canvas.height() > 100  # the chart above keeps rows to read


def test_a_remembered_layout_keeps_its_dock_sizes(qtbot, window, monkeypatch):
    monkeypatch.setattr(installer, "TALL_WINDOW", 600)
    monkeypatch.setattr(installer, "TREND_SHARE", 0.55)
    window.layout_remembered = True  # as restore_settings finds it after a first session
    open_trend(qtbot, window)
    dock = window.analysis.docks["mta"]
    qtbot.wait(50)  # the dock's first showing has been laid out
    assert dock.height() < int(window.height() * installer.TREND_SHARE) - 8


def test_a_height_the_planner_chose_is_kept_when_the_trend_is_closed_and_opened_again(qtbot, window, monkeypatch):
    # The trend grew back to its share of the window at every showing, undoing the planner's choice.
    monkeypatch.setattr(installer, "TALL_WINDOW", 600)
    monkeypatch.setattr(installer, "TREND_SHARE", 0.55)
    open_trend(qtbot, window)
    dock = window.analysis.docks["mta"]
    wanted = int(window.height() * installer.TREND_SHARE)
    qtbot.waitUntil(lambda: dock.height() >= wanted - 8)
    chosen = dock.minimumSizeHint().height() + 20
    window.resizeDocks([dock], [chosen], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: dock.height() < wanted - 40)
    kept = dock.height()
    dock.toggleViewAction().trigger()  # closed…
    qtbot.waitUntil(lambda: not dock.isVisible())
    with qtbot.waitSignal(window.analysis._to_front["mta"].timeout, timeout=10_000):
        open_trend(qtbot, window)  # …and opened again: the timer that sized it at its first showing has run
    qtbot.wait(50)  # the dock laid out after it
    assert abs(dock.height() - kept) <= 8
