"""The milestone trend chart's plot: the grid and its years, the diagonal, the report dates and the lines.

Everything here is painted into the plot `rect` of an MtaPicture (mta_chart.py), whose
`point(rect, x, y)` places a report date (x) and a forecast (y) on the same years of both axes
(square in a picture, wider than tall in a short dock).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from .mta_style import CURRENT, GRID, GRID_MAJOR, MARKER, MUTED, PAST, TEXT, font
from .mta_ticks import axis_ticks


def paint_grid(p: QPainter, picture, rect: QRectF, clear_of: Sequence[QRectF] = ()) -> None:
    """The shaded past, the year grid and labels, the diagonal and its words (kept off `clear_of`:
    the lines' names and the legend), the axis titles."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PAST)
    p.drawPolygon(QPolygonF([rect.bottomLeft(), rect.bottomRight(), rect.topRight()]))  # forecast before report
    trend = picture.trend
    px_per_year = min(rect.width(), rect.height()) / max(picture.hi - picture.lo, 1e-6)
    p.setFont(font(12))
    for tick in axis_ticks(trend.axis_from, trend.axis_to, px_per_year):
        a = picture.point(rect, tick.at, tick.at)
        p.setPen(QPen(GRID_MAJOR if tick.label else GRID, 1))
        p.drawLine(QPointF(a.x(), rect.top()), QPointF(a.x(), rect.bottom()))
        p.drawLine(QPointF(rect.left(), a.y()), QPointF(rect.right(), a.y()))
        if tick.label:
            mid = picture.point(rect, tick.label_at, tick.label_at)
            p.setPen(TEXT)
            p.drawText(QRectF(mid.x() - 30, rect.bottom() + 6, 60, 18), Qt.AlignmentFlag.AlignHCenter, tick.label)
            p.drawText(QRectF(rect.left() - 58, mid.y() - 9, 50, 18),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick.label)
    p.setPen(QPen(MUTED, 1.4, Qt.PenStyle.DashLine))
    p.drawLine(rect.bottomLeft(), rect.topRight())
    p.setPen(QPen(GRID_MAJOR, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect)
    _paint_axis_titles(p, picture, rect)
    _paint_diagonal_words(p, picture, rect, clear_of)


def _paint_axis_titles(p: QPainter, picture, rect: QRectF) -> None:
    p.setPen(MUTED)
    p.setFont(font(13, True))
    p.drawText(QRectF(rect.left(), rect.bottom() + 26, rect.width(), 20), Qt.AlignmentFlag.AlignHCenter,
               "Report date")
    p.save()
    p.translate(rect.left() - 52, rect.center().y())
    p.rotate(-90)
    p.drawText(QRectF(-rect.height() / 2, -20, rect.height(), 20),
               Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, "Forecast date")
    p.restore()


WORDS = ("forecast = report date (reached)", "forecast = report date")
WORDS_GAP, WORDS_H, WORDS_END = 3.0, 18.0, 12.0  # their box under the diagonal, its height, the room left at its end


def diagonal_words(picture, rect: QRectF, metrics: QFontMetricsF,
                   clear_of: Sequence[QRectF] = ()) -> tuple[str, QTransform, QRectF] | None:
    """The diagonal's meaning, its transform onto the diagonal and its box there (None: no room).
    Just under the diagonal, its box clear of the x axis: from the lower-left corner up to the current
    report where that has room (no line or name can be there), else past the lines' names and the
    current report, up to the plot's edge, clear of `clear_of`. In a dock's wide, flat plot the
    corner has no room clear of the axis: begun there, "forecast =" ran under it, over the report ticks."""
    current = next((r.as_of for r in picture.trend.reports if r.is_current), None)
    upto = min(picture.point(rect, current, current).x() if current else rect.right(), rect.right())
    start = picture.point(rect, picture.lo, picture.lo)
    slope = rect.height() / rect.width()  # 1 in a square plot
    stretch = math.hypot(1, slope)  # diagonal length per pixel across
    onto = QTransform().translate(start.x(), start.y()).rotate(-math.degrees(math.atan(slope)))
    clear_axis = (WORDS_GAP + WORDS_H) / slope + 2  # along the diagonal, where the box's lower corner clears the axis
    past_names = max([b.right() for b in clear_of if b.intersects(rect)] + [upto]) + 8 - start.x()
    for along, to in ((max(12.0, clear_axis), upto - start.x()), (max(clear_axis, past_names * stretch),
                                                                   rect.right() - start.x())):
        room = to * stretch - along - WORDS_END
        text = next((t for t in WORDS if metrics.horizontalAdvance(t) <= room), None)
        box = QRectF(along, WORDS_GAP, room, WORDS_H)
        shown = onto.map(QPolygonF(box)).boundingRect()
        if text is not None and not any(shown.intersects(other) for other in clear_of):
            return text, onto, box
    return None


def _paint_diagonal_words(p: QPainter, picture, rect: QRectF, clear_of: Sequence[QRectF]) -> None:
    """The diagonal's meaning just under it (diagonal_words); left out where the plot has no room."""
    p.setFont(font(12))
    p.setPen(MUTED)
    words = diagonal_words(picture, rect, QFontMetricsF(p.font()), clear_of)
    if words is None:
        return
    text, onto, box = words
    p.save()
    p.setTransform(onto, True)
    p.drawText(box, Qt.AlignmentFlag.AlignLeft, text)
    p.restore()


def paint_reports(p: QPainter, picture, rect: QRectF) -> None:
    """A tick on the x axis for each report; the current plan's date as a dashed line, named at its
    foot, under the diagonal, where no forecast (and so no line or name) can be."""
    for report, x in zip(picture.trend.reports, picture.report_xs(rect)):
        if report.is_current:
            p.setPen(QPen(CURRENT, 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            p.setFont(font(11))
            said = "status" if report.status_set else "today (no status date)"
            p.drawText(QRectF(x + 4, rect.bottom() - 18, 260, 16), Qt.AlignmentFlag.AlignLeft,
                       f"{said} {report.as_of.isoformat()}")
        else:
            p.setPen(QPen(MUTED, 1))
            p.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() - 6))


def paint_marker(p: QPainter, picture, rect: QRectF) -> None:
    """The history's moment: a band at that report date, so the trend and the roadmap agree."""
    if picture.marker is None:
        return
    x = picture.point(rect, picture.marker, picture.marker).x()
    if not rect.left() <= x <= rect.right():
        return
    p.setPen(QPen(QColor(MARKER), 2.0))
    p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
    p.setFont(font(12, True))
    text = f"shown: {picture.marker.isoformat()}"
    width = QFontMetricsF(p.font()).horizontalAdvance(text) + 10
    box = QRectF(x - width if x + width > rect.right() else x, rect.top() - 22, width, 20)
    p.fillRect(box, QColor(MARKER))
    p.setPen(QColor("white"))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def paint_lines(p: QPainter, picture, rect: QRectF) -> list[tuple[QPointF, str, QColor]]:
    """Each milestone's forecasts joined, dots at each report; returns (last point, name, colour) per line."""
    ends = []
    for index, line in enumerate(picture.trend.lines):
        if not line.points:
            continue
        color = picture.color(index)
        pts = picture.line_points(rect, line)
        path = QPainterPath(pts[0])
        for pt in pts[1:]:
            path.lineTo(pt)
        p.setPen(QPen(color, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(color)
        for pt in pts:
            p.drawEllipse(pt, 2.8, 2.8)
        p.drawEllipse(pts[-1], 5.0, 5.0)
        ends.append((pts[-1], line.name, color))
    return ends
