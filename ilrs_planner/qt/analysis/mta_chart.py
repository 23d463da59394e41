"""The milestone trend analysis chart, painted with QPainter (on screen; files: mta_export.py).

x = report date, y = forecast date, one scale for both (a square plot), the diagonal where the
forecast meets the report date, the region under it shaded as "the past". One coloured line per
milestone, labelled at its end and in the legend with its total slip.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain import Precision, period_end, period_start
from ...engine.mta import MilestoneTrend

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#7f7f7f", "#bcbd22")
TEXT, MUTED, GRID, GRID_MAJOR = QColor("#202124"), QColor("#5f6368"), QColor("#eceef1"), QColor("#c5cad1")
PAST = QColor(95, 99, 104, 22)
MARKER = "#7b2cbf"  # the status-date purple of the Gantt: "the plan as of this day"
LOGICAL_SIZE = (1200.0, 1100.0)
MARGIN, AXIS_LEFT, AXIS_BOTTOM = 28.0, 64.0, 54.0
LEGEND_W, LEGEND_ROW = 360.0, 40.0


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(int(round(px)), 6))
    font.setBold(bold)
    return font


def _years(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def _forecast_years(day: date, precision: Precision) -> float:
    """Where a forecast sits on the y axis: the middle of the period it was announced to.

    "By 2035" is stored as 2035-12-31; drawn there it would sit on the 2036 grid line. A year (or
    quarter, month) forecast is drawn in the middle of its period, where that year's label is.
    """
    if precision is Precision.DAY:
        return _years(day)
    first, last = period_start(day, precision), period_end(day, precision)
    return (_years(first) + _years(last + timedelta(days=1))) / 2


def _slip_text(days: int) -> str:
    if days == 0:
        return "no change"
    years = days / 365.25
    return f"{'+' if days > 0 else '−'}{abs(years):.1f} y" if abs(years) >= 0.95 else f"{days:+d} d"


class MtaPicture:
    """The chart for one MilestoneTrend, ready to paint at any size."""

    def __init__(self, trend: MilestoneTrend, title: str = "Milestone trend analysis", subtitle: str = "",
                 marker: date | None = None):
        self.trend, self.title = trend, title
        self.marker = marker  # the moment View → History shows, marked across the plot
        reports = trend.reports
        self.subtitle = subtitle or (
            f"{len(reports)} reports, {reports[0].as_of.isoformat()} – {reports[-1].as_of.isoformat()}  ·  "
            "x: report date, y: forecast date, same scale  ·  rising line = slipping, "
            "falling = pulled forward") if reports else subtitle
        self.lo, self.hi = _years(trend.axis_from), _years(trend.axis_to)

    def color(self, index: int) -> QColor:
        """The colour of line `index`."""
        return QColor(PALETTE[index % len(PALETTE)])

    # -- geometry ---------------------------------------------------------------------------
    def plot_rect(self, width: float, height: float) -> QRectF:
        """The square plot area: one time scale on both axes."""
        top = MARGIN + 62
        side = min(height - top - AXIS_BOTTOM - MARGIN, width - 2 * MARGIN - AXIS_LEFT)
        return QRectF(MARGIN + AXIS_LEFT, top, max(side, 50.0), max(side, 50.0))

    def _point(self, rect: QRectF, x: date | float, y: date | float) -> QPointF:
        fx = (_years(x) if isinstance(x, date) else x) - self.lo
        fy = (_years(y) if isinstance(y, date) else y) - self.lo
        span = self.hi - self.lo
        return QPointF(rect.left() + rect.width() * fx / span, rect.bottom() - rect.height() * fy / span)

    # -- painting ---------------------------------------------------------------------------
    def paint(self, p: QPainter, width: float, height: float) -> None:
        """Paint the whole chart into a logical width × height."""
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setRenderHint(QPainter.TextAntialiasing, True)
        self._paint_title(p, width)
        rect = self.plot_rect(width, height)
        self._paint_grid(p, rect)
        self._paint_reports(p, rect)
        self._paint_lines(p, rect)
        self._paint_marker(p, rect)
        legend_h = 34 + LEGEND_ROW * len(self.trend.lines)
        if width - MARGIN - rect.right() >= LEGEND_W + 30:  # a wide picture: beside the plot
            self._paint_legend(p, QRectF(rect.right() + 30, rect.top(), LEGEND_W, legend_h))
        else:
            # In the lower-right corner, under the diagonal: forecasts there would lie before their
            # report date, so milestones still ahead never draw there.
            self._paint_legend(p, QRectF(rect.right() - LEGEND_W - 12, rect.bottom() - legend_h - 12, LEGEND_W,
                                         legend_h))

    def _paint_title(self, p: QPainter, width: float) -> None:
        p.setPen(TEXT)
        p.setFont(_font(22, True))
        p.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, 30), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        p.setPen(MUTED)
        p.setFont(_font(13))
        p.drawText(QRectF(MARGIN, MARGIN + 30, width - 2 * MARGIN, 22), Qt.AlignLeft | Qt.AlignVCenter,
                   self.subtitle)

    def _year_step(self, rect: QRectF) -> int:
        px_per_year = rect.width() / max(self.hi - self.lo, 1)
        return next(s for s in (1, 2, 5, 10, 20, 50) if s * px_per_year >= 42)

    def _paint_grid(self, p: QPainter, rect: QRectF) -> None:
        past = QPolygonF([rect.bottomLeft(), rect.bottomRight(), rect.topRight()])
        p.setPen(Qt.NoPen)
        p.setBrush(PAST)
        p.drawPolygon(past)  # under the diagonal the forecast lies before the report: the past
        step = self._year_step(rect)
        p.setFont(_font(12))
        for year in range(int(self.lo), int(self.hi) + 1):
            a, b = self._point(rect, float(year), float(year)), year % step == 0
            p.setPen(QPen(GRID_MAJOR if b else GRID, 1))
            p.drawLine(QPointF(a.x(), rect.top()), QPointF(a.x(), rect.bottom()))
            p.drawLine(QPointF(rect.left(), a.y()), QPointF(rect.right(), a.y()))
            if b and year < self.hi:
                # A year's label sits in the middle of its band: "by 2035" (2035-12-31) reads 2035.
                mid = self._point(rect, year + 0.5, year + 0.5)
                p.setPen(TEXT)
                p.drawText(QRectF(mid.x() - 30, rect.bottom() + 6, 60, 18), Qt.AlignHCenter | Qt.AlignTop, str(year))
                p.drawText(QRectF(rect.left() - 58, mid.y() - 9, 50, 18), Qt.AlignRight | Qt.AlignVCenter, str(year))
        p.setPen(QPen(MUTED, 1.4, Qt.DashLine))
        p.drawLine(rect.bottomLeft(), rect.topRight())
        p.setPen(QPen(GRID_MAJOR, 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(rect)
        self._paint_axis_titles(p, rect)

    def _paint_axis_titles(self, p: QPainter, rect: QRectF) -> None:
        p.setPen(MUTED)
        p.setFont(_font(13, True))
        p.drawText(QRectF(rect.left(), rect.bottom() + 26, rect.width(), 20), Qt.AlignHCenter, "Report date")
        p.save()
        p.translate(rect.left() - 52, rect.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-rect.height() / 2, -20, rect.height(), 20), Qt.AlignHCenter | Qt.AlignBottom,
                   "Forecast date")
        p.restore()
        p.setFont(_font(12))
        corner = self._point(rect, self.lo + 0.62 * (self.hi - self.lo), self.lo + 0.55 * (self.hi - self.lo))
        p.save()
        p.translate(corner)
        p.rotate(-45)
        p.drawText(QRectF(-150, -20, 300, 18), Qt.AlignHCenter, "forecast = report date (reached)")
        p.restore()

    def _paint_reports(self, p: QPainter, rect: QRectF) -> None:
        """A tick on the x axis for each report; the current plan's date as a dashed line."""
        for report in self.trend.reports:
            x = self._point(rect, report.as_of, report.as_of).x()
            if report.is_current:
                p.setPen(QPen(QColor("#1a73e8"), 1.2, Qt.DashLine))
                p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                p.setFont(_font(11))
                p.drawText(QRectF(x + 4, rect.top() + 2, 160, 16), Qt.AlignLeft, f"status {report.as_of.isoformat()}")
            else:
                p.setPen(QPen(MUTED, 1))
                p.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() - 6))

    def _paint_marker(self, p: QPainter, rect: QRectF) -> None:
        """The history's moment: a band at that report date, so the trend and the roadmap agree."""
        if self.marker is None:
            return
        x = self._point(rect, self.marker, self.marker).x()
        if not rect.left() <= x <= rect.right():
            return
        p.setPen(QPen(QColor(MARKER), 2.0))
        p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        p.setFont(_font(12, True))
        text = f"shown: {self.marker.isoformat()}"
        width = QFontMetricsF(p.font()).horizontalAdvance(text) + 10
        box = QRectF(x - width if x + width > rect.right() else x, rect.top() - 22, width, 20)
        p.fillRect(box, QColor(MARKER))
        p.setPen(QColor("white"))
        p.drawText(box, Qt.AlignCenter, text)

    def _paint_lines(self, p: QPainter, rect: QRectF) -> None:
        ends = []
        for index, line in enumerate(self.trend.lines):
            if not line.points:
                continue
            color = self.color(index)
            pts = [self._point(rect, x, _forecast_years(y, line.precision)) for x, y in line.points]
            path = QPainterPath(pts[0])
            for pt in pts[1:]:
                path.lineTo(pt)
            p.setPen(QPen(color, 2.4, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
            p.setBrush(Qt.NoBrush)
            p.drawPath(path)
            p.setPen(QPen(QColor("white"), 1))
            p.setBrush(color)
            for pt in pts:
                p.drawEllipse(pt, 2.8, 2.8)
            p.drawEllipse(pts[-1], 5.0, 5.0)
            ends.append([pts[-1].y(), pts[-1].x(), line.name, color])
        self._paint_end_labels(p, ends, rect)

    def _paint_end_labels(self, p: QPainter, ends: list, rect: QRectF) -> None:
        """Each line's name right of its last point, nudged apart so none overlap."""
        p.setFont(_font(12, True))
        gap = QFontMetricsF(p.font()).height() * 1.2 + 2  # a line of air between two names
        ends.sort(key=lambda e: e[0])
        at = [e[0] for e in ends]  # where each line ends, before nudging
        for k in range(1, len(ends)):
            ends[k][0] = max(ends[k][0], ends[k - 1][0] + gap)
        shift = max(0.0, ends[-1][0] - rect.bottom()) if ends else 0.0  # keep the lowest inside the plot
        for (y, x, name, color), y0 in zip(ends, at):
            y -= shift
            if abs(y - y0) > 2:  # a nudged label keeps a leader to its line's end
                p.setPen(QPen(color, 1))
                p.drawLine(QPointF(x + 5, y0), QPointF(x + 12, y))
            p.setPen(color)
            p.drawText(QRectF(x + 14, y - gap / 2, rect.right() - x - 16, gap), Qt.AlignLeft | Qt.AlignVCenter,
                       name)

    def _paint_legend(self, p: QPainter, box: QRectF) -> None:
        p.setPen(QPen(GRID_MAJOR, 1))
        p.setBrush(QColor(255, 255, 255, 235))
        p.drawRoundedRect(box, 6, 6)
        origin, width = QPointF(box.left() + 12, box.top() + 8), box.width() - 24
        p.setPen(TEXT)
        p.setFont(_font(14, True))
        p.drawText(QRectF(origin.x(), origin.y(), width, 22), Qt.AlignLeft | Qt.AlignVCenter, "Milestones")
        y = origin.y() + 30
        for index, line in enumerate(self.trend.lines):
            color = self.color(index)
            p.setPen(QPen(color, 3))
            p.drawLine(QPointF(origin.x(), y + 9), QPointF(origin.x() + 22, y + 9))
            p.setPen(TEXT)
            p.setFont(_font(13, True))
            p.drawText(QRectF(origin.x() + 30, y, width - 30, 18), Qt.AlignLeft | Qt.AlignVCenter, line.name)
            p.setPen(MUTED)
            p.setFont(_font(12))
            p.drawText(QRectF(origin.x() + 30, y + 17, width - 30, 17), Qt.AlignLeft | Qt.AlignVCenter,
                       self._legend_detail(line))
            y += LEGEND_ROW

    @staticmethod
    def _legend_detail(line) -> str:
        if not line.points:
            return "not in any report"
        return f"{line.point_text(0)} → {line.point_text(-1)}  ({_slip_text(line.total_slip_days)})"


class MtaChartWidget(QWidget):
    """The MTA chart on screen; `set_trend` replaces what it shows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trend: MilestoneTrend | None = None
        self.title = "Milestone trend analysis"
        self.marker: date | None = None
        self.setMinimumSize(560, 420)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_trend(self, trend: MilestoneTrend | None, title: str | None = None) -> None:
        """Show this trend (None: an empty chart with a hint)."""
        self.trend = trend
        self.title = title or self.title
        self.update()

    def set_marker(self, day: date | None) -> None:
        """Mark a report date (View → History's moment); None removes the mark."""
        self.marker = day
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        if self.trend is None or not self.trend.reports:
            p.fillRect(self.rect(), QColor("white"))
            p.setPen(MUTED)
            p.drawText(self.rect(), Qt.AlignCenter, "No baselines to show: capture one (Analysis → Baselines)")
        else:
            # Text stays legible: the picture is laid out for the widget's own size, scaled only a little.
            zoom = min(max(min(self.width() / LOGICAL_SIZE[0], self.height() / LOGICAL_SIZE[1]), 0.8), 1.2)
            p.fillRect(self.rect(), QColor("white"))
            p.scale(zoom, zoom)
            MtaPicture(self.trend, self.title, marker=self.marker).paint(p, self.width() / zoom, self.height() / zoom)
        p.end()
