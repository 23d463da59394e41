"""The milestone trend analysis chart, painted with QPainter (on screen; files: mta_export.py).

x = report date, y = forecast date, one scale for both (a square plot), the diagonal where the
forecast meets the report date, the region under it shaded as "the past". One coloured line per
milestone, named at its end where there is room and always in the legend with its total slip.
The plot is painted by mta_paint.py, the names and the legend by mta_labels.py.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...chart import palette
from ...engine.mta import MilestoneTrend, report_ranks
from ..plain_text import tooltip
from .mta_labels import (
    legend_columns,
    legend_entries,
    legend_height,
    paint_end_labels,
    paint_legend,
    place_end_labels,
)
from .mta_paint import paint_grid, paint_lines, paint_marker, paint_reports
from .mta_style import (
    AXIS_BOTTOM,
    AXIS_LEFT,
    HEADER,
    LEGEND_MIN_W,
    LEGEND_ROW,
    LEGEND_W,
    LOGICAL_SIZE,
    MARGIN,
    MUTED,
    SHORT,
    SHORT_HEADER,
    SHORT_ROW,
    TEXT,
    font,
    forecast_years,
    slip_text,
    years,
)

__all__ = ["LOGICAL_SIZE", "MtaChartWidget", "MtaPicture"]
NAMES_PAST_PLOT = 220.0  # room for the lines' names right of the plot, where the picture is wide
WIDE_PLOT = 4.0  # a short picture's plot at most this many times wider than tall
MIN_BESIDE_W = 150.0  # a legend column beside the plot narrower than this names too little to be worth it
SAME_DAY_PX = 10.0  # reports of one date set this far apart, each its own point
MIN_ZOOM, MAX_ZOOM = 0.8, 1.2  # on screen the picture is laid out for the widget, its text scaled only a little


class MtaPicture:
    """The chart for one MilestoneTrend, ready to paint at any size."""

    def __init__(self, trend: MilestoneTrend, title: str = "Milestone trend analysis", subtitle: str = "",
                 marker: date | None = None):
        self.trend, self.title = trend, title
        self.marker = marker  # the moment View → History shows, marked across the plot
        reports = trend.reports
        # A current plan dated today for want of a status date says so first: the subtitle is cut at the width.
        stand_in = "  ·  no status date: current plan as of today" if any(
            r.is_current and not r.status_set for r in reports) else ""
        self.subtitle = subtitle or (
            f"{len(reports)} reports, {reports[0].as_of.isoformat()} – {reports[-1].as_of.isoformat()}{stand_in}  ·  "
            "x: report date, y: forecast date, same scale  ·  rising line = slipping, "
            "falling = pulled forward") if reports else subtitle
        self.lo, self.hi = years(trend.axis_from), years(trend.axis_to)

    def color(self, index: int) -> QColor:
        """The colour of line `index`."""
        return QColor(palette.series_color(index))

    # -- geometry ---------------------------------------------------------------------------
    def plot_rect(self, width: float, height: float) -> QRectF:
        """The plot area, the same years on both axes: square in a picture, where the diagonal
        rises at 45°; in a short picture (a dock under the Gantt) up to WIDE_PLOT times wider than
        tall, into the width the legend beside it leaves, so the lines are not squeezed into the
        height's square with the legend taking the width."""
        top = MARGIN + (SHORT_HEADER if height < SHORT else HEADER)
        side = max(min(height - top - AXIS_BOTTOM - MARGIN, width - 2 * MARGIN - AXIS_LEFT), 50.0)
        wide = side
        if height < SHORT:
            # The legend beside it keeps the width its names need whole (a 1100-pixel window's dock
            # cut "Chang'e 7 sout…" beside a plot three times wider than tall); the plot is never
            # narrower than tall for it.
            columns = legend_columns(len(self.trend.lines), height - top - MARGIN, SHORT_ROW)
            room = width - 2 * MARGIN - AXIS_LEFT - 30 - columns * self._legend_column_w(height)
            wide = min(max(side, room), side * WIDE_PLOT)
        return QRectF(MARGIN + AXIS_LEFT, top, wide, side)

    def point(self, rect: QRectF, x: date | float, y: date | float) -> QPointF:
        """A report date `x` and a forecast `y` (dates or fractional years) in the plot."""
        fx = (years(x) if isinstance(x, date) else x) - self.lo
        fy = (years(y) if isinstance(y, date) else y) - self.lo
        span = self.hi - self.lo
        return QPointF(rect.left() + rect.width() * fx / span, rect.bottom() - rect.height() * fy / span)

    def line_points(self, rect: QRectF, line) -> list[QPointF]:
        """A line's forecasts in the plot, a report sharing its date with ones before it set SAME_DAY_PX
        right of each (a baseline captured today and the current plan without a status date: two
        points, the move between them a step, not one dot on another)."""
        ranks = line.same_day or (0,) * len(line.points)
        return [self.point(rect, x, forecast_years(y, line.precision)) + QPointF(SAME_DAY_PX * rank, 0)
                for (x, y), rank in zip(line.points, ranks)]

    def report_xs(self, rect: QRectF) -> list[float]:
        """Each report's x, set apart from the reports of its date before it as line_points sets them."""
        reports = self.trend.reports
        return [self.point(rect, report.as_of, report.as_of).x() + SAME_DAY_PX * rank
                for report, rank in zip(reports, report_ranks(reports))]

    def legend(self, width: float, height: float) -> tuple[QRectF, int]:
        """The legend's box and columns: beside the plot, past the room the lines' names take there,
        where the picture is wide enough (entries cut short to fit rather than moved); else in the
        plot's lower-right corner, under the diagonal, where forecasts would lie before their report
        date, so no line still ahead draws there, unless its entries would be narrower there than
        beside the plot (a short dock's small plot had eight columns of colour without a name) or
        the box would reach over the diagonal into the lines (then beside, its names cut)."""
        rect, count, row = self.plot_rect(width, height), len(self.trend.lines), self.legend_row(height)
        room = width - MARGIN - rect.right() - 30
        columns = legend_columns(count, height - rect.top() - MARGIN, row)
        inside = legend_columns(count, rect.height() - 24, row)
        inside_w = min(LEGEND_W * inside, rect.width() - 24)
        h = legend_height(count, inside, row)
        corner = QRectF(rect.right() - inside_w - 12, rect.bottom() - h - 12, inside_w, h)
        covers_lines = room >= MIN_BESIDE_W * columns and not _under_diagonal(corner, rect)
        if room >= columns * LEGEND_MIN_W or room / columns > inside_w / inside or covers_lines:
            w = min(self._legend_column_w(height) * columns, room)
            left = rect.right() + 30 + min(room - w, NAMES_PAST_PLOT)
            return QRectF(left, rect.top(), w, legend_height(count, columns, row)), columns
        return corner, inside

    def _legend_column_w(self, height: float) -> float:
        """A legend column's width: LEGEND_W, or in a short picture as wide as its longest one-line
        entry (at most half as wide again), so the names are cut only where the room ends."""
        if height >= SHORT:
            return LEGEND_W
        names, slips = QFontMetricsF(font(13, True)), QFontMetricsF(font(12))
        entry = max((names.horizontalAdvance(line.name) + slips.horizontalAdvance(slip_text(line))
                     for line in self.trend.lines), default=0.0) + 30 + 8 + 24 + 4
        return min(max(entry, LEGEND_MIN_W), LEGEND_W * 1.5)

    @staticmethod
    def legend_row(height: float) -> float:
        """A legend entry's height: two lines (name, forecasts) in a picture, one in a short one."""
        return SHORT_ROW if height < SHORT else LEGEND_ROW

    def legend_rect(self, width: float, height: float) -> QRectF:
        return self.legend(width, height)[0]

    def names_right(self, width: float, height: float) -> float:
        """How far right the lines' names may run: into the room left of a legend beside the plot."""
        rect, legend = self.plot_rect(width, height), self.legend_rect(width, height)
        return legend.left() - 20 if legend.left() > rect.right() else rect.right()

    def end_labels(self, width: float, height: float):
        """The lines' names as placed at their ends (mta_labels.EndLabel), none overlapping."""
        rect = self.plot_rect(width, height)
        return place_end_labels(self._ends(rect), rect, self.names_right(width, height),
                                self.legend_rect(width, height))

    def _ends(self, rect: QRectF) -> list[tuple[QPointF, str, QColor]]:
        return [(self.line_points(rect, line)[-1], line.name, self.color(index))
                for index, line in enumerate(self.trend.lines) if line.points]

    # -- painting ---------------------------------------------------------------------------
    def paint(self, p: QPainter, width: float, height: float) -> None:
        """Paint the whole chart into a logical width × height."""
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_title(p, width, height)
        rect, names = self.plot_rect(width, height), self.end_labels(width, height)
        paint_grid(p, self, rect, [name.box for name in names] + [self.legend_rect(width, height)])
        paint_reports(p, self, rect)
        paint_lines(p, self, rect)
        paint_end_labels(p, names)
        paint_marker(p, self, rect)
        paint_legend(p, *self._legend_args(width, height))

    def _legend_args(self, width: float, height: float):
        box, columns = self.legend(width, height)
        lines = self.trend.lines
        return box, lines, [self.color(i) for i in range(len(lines))], columns, self.legend_row(height)

    def line_at(self, width: float, height: float, at: QPointF):
        """The trend line whose legend entry or name is at `at` (None: none), for its tooltip."""
        lines = self.trend.lines
        box, columns = self.legend(width, height)
        for line, entry in zip(lines, legend_entries(box, len(lines), columns, self.legend_row(height))):
            if entry.contains(at):
                return line
        return next((line for label in self.end_labels(width, height) if label.box.contains(at)
                     for line in lines if line.name == label.name), None)

    def _paint_title(self, p: QPainter, width: float, height: float) -> None:
        short = height < SHORT  # a dock: the title alone (the dock's tooltip has the subtitle)
        p.setPen(TEXT)
        p.setFont(font(17 if short else 22, True))
        title_h = 24 if short else 30
        p.drawText(QRectF(MARGIN, MARGIN - (8 if short else 0), width - 2 * MARGIN, title_h),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        if short:
            return
        p.setPen(MUTED)
        p.setFont(font(12 if short else 13))
        top = MARGIN - (8 if short else 0) + title_h
        p.drawText(QRectF(MARGIN, top, width - 2 * MARGIN, 20),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.subtitle)


class MtaChartWidget(QWidget):
    """The MTA chart on screen; `set_trend` replaces what it shows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trend: MilestoneTrend | None = None
        self.title = "Milestone trend analysis"
        self.marker: date | None = None
        # The analysis dock under the chart of a 1280 × 800 or 1600 × 950 window is about 340 px high: the
        # panel fits without scrolling, its plot small but every name on it whole or left to the legend.
        self.setMinimumSize(520, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_trend(self, trend: MilestoneTrend | None, title: str | None = None) -> None:
        """Show this trend (None: an empty chart with a hint)."""
        self.trend = trend
        self.title = title or self.title
        self.update()

    def set_marker(self, day: date | None) -> None:
        """Mark a report date (View → History's moment); None removes the mark."""
        self.marker = day
        self.update()

    def zoom(self) -> float:
        """The scale the picture is painted at: laid out for the widget's own size, text kept legible."""
        return min(max(min(self.width() / LOGICAL_SIZE[0], self.height() / LOGICAL_SIZE[1]), MIN_ZOOM), MAX_ZOOM)

    def picture(self) -> MtaPicture | None:
        """What the widget paints (None: no reports to show)."""
        if self.trend is None or not self.trend.reports:
            return None
        return MtaPicture(self.trend, self.title, marker=self.marker)

    def event(self, event) -> bool:
        """A tooltip over a legend entry or a line's name: the milestone's whole name (cut short
        there in a narrow dock) and its forecasts; elsewhere what the axes mean."""
        if event.type() == QEvent.Type.ToolTip:
            picture, zoom = self.picture(), self.zoom()
            if picture is None:
                return super().event(event)
            line = picture.line_at(self.width() / zoom, self.height() / zoom, QPointF(event.pos()) / zoom)
            text = line_tooltip(line) if line is not None else picture.subtitle
            QToolTip.showText(event.globalPos(), tooltip(text), self)  # a partner's milestone name, never markup
            return True
        return super().event(event)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        picture = self.picture()
        if picture is None:
            p.setPen(MUTED)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       "No baselines to show: capture one (Analysis → Baselines)")
        else:
            zoom = self.zoom()
            p.scale(zoom, zoom)
            picture.paint(p, self.width() / zoom, self.height() / zoom)
        p.end()


def _under_diagonal(box: QRectF, plot: QRectF) -> bool:
    """True when a box in the plot lies wholly under its diagonal (its top-left corner at or under it),
    where a forecast would come before its report date, so no line draws."""
    across = (box.left() - plot.left()) / plot.width()
    up = (plot.bottom() - box.top()) / plot.height()
    return across >= up


def line_tooltip(line) -> str:
    """'Chang'e 7 south-pole survey: 2024 → 2027-06 (+3 y)', as the legend says it, the name whole."""
    if not line.points:
        return f"{line.name}: not in any report"
    return f"{line.name}: {line.point_text(0)} → {line.point_text(-1)} ({slip_text(line)})"
