"""Risk charts (pyqtgraph): finish-date histogram with its S-curve, and the tornado of drivers."""

from __future__ import annotations

import time
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from ...chart import palette
from ...domain import Precision, format_fuzzy_date
from ...engine.risk import RiskResult

BAR, CURVE, P50, P80, TARGET = "#8ab4f8", "#1a73e8", "#188038", "#e37400", "#c5221f"
NAME_SHARE, MIN_NAME_PX = 0.45, 80.0  # of a tornado's width its names may take; never less than this
LABEL_TOP, LABEL_GAP = 4.0, 2.0  # pixels: the percentile labels' stack under the plot's top, and between them
Y_PAD = 0.06  # of the height, under 0 and over the top: room for the axes' "0" and "100" labels
LABEL_LEFT_PAST = 0.6  # a line further right than this share of the plot has its label on its left


def seconds(day: date) -> float:
    """A date as epoch seconds (what pyqtgraph's date axis reads)."""
    return time.mktime(day.timetuple())


RUN_HINT = "Press Run to see\n{what}"  # short lines: a laptop's dock gives the tornado 300 pixels
NO_DRIVERS = "No task's spread\nmoves this milestone"


class _Plot(pg.PlotWidget):
    AXES: tuple[str, ...] = ("left", "bottom")
    SHOWS = ""  # what the chart shows once run, for its hint before

    def __init__(self, parent=None, date_axis: bool = True):
        axes = {"bottom": pg.DateAxisItem(orientation="bottom")} if date_axis else {}
        super().__init__(parent, axisItems=axes)
        self.setBackground("w")
        self.setMenuEnabled(False)
        self.showGrid(x=True, y=True, alpha=0.15)
        self.hint = pg.TextItem(color="#5f6368", anchor=(0.5, 0.5))

    def _axes_shown(self, shown: bool, hint: str = "") -> None:
        """The axes with a result; without one, a line saying what will show instead: empty, the
        axes read 0.2 to 0.8 runs and a date axis '00.250' (a quarter second into 1970)."""
        plot = self.getPlotItem()
        for side in self.AXES:
            plot.showAxis(side, shown)
        plot.showGrid(x=shown, y=shown, alpha=0.15)
        if shown:
            plot.enableAutoRange()  # the hint's fixed range let go: the result's data sets the range
            return
        self.hint.setText(hint or RUN_HINT.format(what=self.SHOWS))
        plot.addItem(self.hint)
        self.hint.setPos(0.5, 0.5)
        plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)


class DistributionChart(_Plot):
    """Histogram of a milestone's simulated dates (left axis) and its S-curve (right, 0–100 %)."""

    AXES = ("left", "bottom", "right")
    SHOWS = "the milestone's simulated dates\nand the share of runs finished by each"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[pg.InfiniteLine] = []  # the target's, P50's and P80's, top to bottom
        self.labels: list[pg.TextItem] = []  # their names, in the same order
        self.getPlotItem().setLabel("left", "Runs")
        self.curve_view = pg.ViewBox()
        self.curve_view.setZValue(10)  # the S-curve in front of the bars
        plot = self.getPlotItem()
        plot.showAxis("right")
        plot.scene().addItem(self.curve_view)
        plot.getAxis("right").linkToView(self.curve_view)
        plot.getAxis("right").setLabel("Finished by (%)")
        self.curve_view.setXLink(plot)
        # Kept on the bars' view when it moves as well as when it is resized (a title or axis change
        # moves it a few pixels: the curve and the labels then sat off the bars).
        plot.vb.geometryChanged.connect(lambda: self.curve_view.setGeometry(plot.vb.sceneBoundingRect()))
        self.curve_view.sigResized.connect(self._place_labels)
        self.curve_view.sigRangeChanged.connect(self._place_labels)
        self.bars = 0
        self._axes_shown(False)

    def show_result(self, result: RiskResult | None, task_id: str | None, target: date | None = None,
                    precision: Precision = Precision.DAY) -> None:
        """Draw one milestone's distribution (None clears); P50 and P80 are named at `precision`."""
        self.getPlotItem().clear()
        self.curve_view.clear()
        self.bars, self.lines, self.labels = 0, [], []
        self._axes_shown(result is not None and task_id is not None)
        if result is None or task_id is None:
            return
        starts, counts = result.histogram(task_id, bins=40)
        xs = [seconds(d) for d in starts]
        width = (xs[1] - xs[0]) if len(xs) > 1 else 86400.0
        self.bars = len(counts)
        self.addItem(pg.BarGraphItem(x0=xs, height=counts, width=width * 0.92, brush=BAR, pen=pg.mkPen(None)))
        dates, cumulative = result.s_curve(task_id)
        self.curve_view.addItem(pg.PlotDataItem([seconds(d) for d in dates], [100 * c for c in cumulative],
                                                pen=pg.mkPen(CURVE, width=2)))
        # The bars' 0 to their tallest on the curve's 0 to 100 %, padded alike: autoranged, the
        # bars' 0 sat above the curve's, which then began under the axis.
        self.setYRange(0, max(max(counts, default=0), 1), padding=Y_PAD)
        self.curve_view.setYRange(0, 100, padding=Y_PAD)
        pct = result.percentiles(task_id)
        if target is not None:
            self._vline(target, TARGET, f"target {target}: {result.probability_by(task_id, target):.0%}")
        for level, color in ((50, P50), (80, P80)):
            self._vline(pct[level], color, f"P{level} {format_fuzzy_date(pct[level], precision)}")
        self._place_labels()

    def _vline(self, day: date, color: str, text: str) -> None:
        # In the S-curve's view, the labels in front of the curve and of every line: behind, the
        # curve and the next line struck through them.
        line = pg.InfiniteLine(seconds(day), angle=90, pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))
        line.setZValue(20)
        label = pg.TextItem(text, color=color, fill=(255, 255, 255, 225))
        label.setZValue(30)
        self.curve_view.addItem(line)
        self.curve_view.addItem(label)
        self.lines.append(line)
        self.labels.append(label)

    def _place_labels(self) -> None:
        """The lines' labels stacked down from the plot's top, one text line apart, each beside its
        line on the side with room: set at fixed shares of the height (94, 86, 78 %) they printed
        over one another in a dock's plot 170 pixels high."""
        height, ((left, right), (low, high)) = self.curve_view.height(), self.curve_view.viewRange()
        if height <= 0 or right <= left:
            return
        top = LABEL_TOP
        for line, label in zip(self.lines, self.labels):
            text_h = label.sceneBoundingRect().height()  # on screen (the item ignores the view's scale)
            side = 1.0 if (line.value() - left) / (right - left) > LABEL_LEFT_PAST else 0.0
            label.setAnchor((side, 0.5))
            label.setPos(line.value(), high - (top + text_h / 2) / height * (high - low))
            top += text_h + LABEL_GAP


class TornadoChart(_Plot):
    """Top drivers of a milestone: one horizontal bar per task, the rank correlation."""

    SHOWS = "the tasks whose durations\ndrive the milestone's date"

    def __init__(self, parent=None):
        super().__init__(parent, date_axis=False)
        self.getPlotItem().setLabel("bottom", "Rank correlation")  # with the milestone's date: a dock is narrow
        self.getPlotItem().invertY(True)
        self.keys: list[str] = []
        self.names: list[str] = []
        self._axis_shown: tuple[list[str], int] = ([], 0)  # what the name axis shows, set only on a change
        self._axes_shown(False)

    def show_drivers(self, drivers: list, hint: str = "") -> None:
        """Draw the drivers, strongest on top; none: `hint` says why (by default, no run yet)."""
        self.getPlotItem().clear()
        self.keys = [d.key for d in drivers]
        self._axes_shown(bool(drivers), hint)
        if not drivers:
            return
        values = [d.correlation for d in drivers]
        ys = list(range(len(drivers)))
        # Later and earlier in the chart's colours (a longer task making the milestone later: red;
        # earlier: blue, as the slip marks; its green was CMSA's bars and the met deadline).
        brushes = [pg.mkBrush(palette.LATER_TEXT if v > 0 else palette.EARLIER_TEXT) for v in values]
        self.addItem(pg.BarGraphItem(x0=[min(v, 0) for v in values], y=ys, height=0.6,
                                     width=[abs(v) for v in values], brushes=brushes, pen=pg.mkPen(None)))
        self.names = [_short_name(d.name) for d in drivers]  # people read names, not keys
        self._name_axis()
        self.setXRange(min(0.0, min(values)) - 0.05, max(0.0, max(values)) + 0.05)
        self.setYRange(-0.6, len(drivers) - 0.4)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if getattr(self, "names", None):
            self._name_axis()

    def _name_axis(self) -> None:
        """The drivers' names down the left, in at most NAME_SHARE of the chart's width (cut short
        with an ellipsis past it), so a dock's narrow tornado keeps room for its bars."""
        axis = self.getPlotItem().getAxis("left")
        metrics = QFontMetricsF(axis.style.get("tickFont") or self.font())
        room = max(self.width() * NAME_SHARE, MIN_NAME_PX)
        shown = [metrics.elidedText(n, Qt.TextElideMode.ElideRight, room) for n in self.names]
        width = int(min(max((metrics.horizontalAdvance(t) for t in shown), default=0), room)) + 12
        if (shown, width) == self._axis_shown:
            return
        self._axis_shown = (shown, width)
        axis.setTicks([list(enumerate(shown))])
        axis.setWidth(width)


def _short_name(name: str, limit: int = 40) -> str:
    """A task name cut at a word to fit the tornado's axis."""
    if len(name) <= limit:
        return name
    cut = name[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,·-–/") + "…"
