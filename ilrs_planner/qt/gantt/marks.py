"""Vertical date marks: key-date lines, today and the status date, each named in the header.

The lines run through the rows; their names sit in the header (a tag over the rows would cover
the first task). Today and the status date are often days apart, so they differ in style (solid
teal, dashed purple) and their tags go to opposite sides of their lines when they are close.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from ...chart import palette
from ...chart.labels import shorten_by_words
from ...chart.scene import Scene
from ...chart.variance import SLIP_COLORS
from .style import ChartStyle, qcolor

TAG_PAD = 4.0


def key_date_lines(p: QPainter, scene: Scene, top: float, height: float) -> None:
    """A line through the rows at each key milestone, behind the bars."""
    p.setPen(QPen(qcolor(palette.KEY_DATE, 200), 1.6, Qt.DashDotLine))
    for line in scene.key_lines:
        p.drawLine(QPointF(line.x, top), QPointF(line.x, top + height))


def date_lines(p: QPainter, scene: Scene, top: float, height: float) -> None:
    """Today (solid) and the status date (dashed) through the rows."""
    for x, color, style in ((scene.today_x, palette.TODAY, Qt.SolidLine),
                            (scene.status_x, palette.STATUS_DATE, Qt.DashLine)):
        if x is not None:
            p.setPen(QPen(QColor(color), 1.6, style))
            p.drawLine(QPointF(x, top), QPointF(x, top + height))


def header_tags(p: QPainter, scene: Scene, style: ChartStyle) -> None:
    """Names of the marks in the header: key dates in its upper half, today and status in its lower."""
    half = style.header_height / 2
    _key_tags(p, scene, style, QRectF(0, 1, scene.width, half - 2))
    _date_tags(p, scene, style, QRectF(0, half + 1, scene.width, half - 2))


def _tag(p: QPainter, text: str, box: QRectF, fill: QColor, pen: QColor, style: ChartStyle) -> None:
    p.setPen(Qt.NoPen)
    p.setBrush(fill)
    p.drawRoundedRect(box, 3, 3)
    p.setPen(pen)
    p.setFont(style.bold_font)
    p.drawText(box.adjusted(TAG_PAD, 0, -TAG_PAD, 0), Qt.AlignLeft | Qt.AlignVCenter, text)


def _key_tags(p: QPainter, scene: Scene, style: ChartStyle, band: QRectF) -> None:
    """Each key date's name (and slip) starting at its line, cut short before the next one."""
    measure = style.text_width(style.bold_font)
    lines = scene.key_lines
    for i, line in enumerate(lines):
        p.setPen(QPen(qcolor(palette.KEY_DATE), 1.4))
        p.drawLine(QPointF(line.x, band.top()), QPointF(line.x, band.bottom() + band.height() + 2))
        right = lines[i + 1].x - 4 if i + 1 < len(lines) else scene.width
        slip = f"  {line.slip}" if line.slip else ""
        room = right - line.x - 2 * TAG_PAD - 2
        text = shorten_by_words(line.text, room - measure(slip), measure, "…")
        if not text and not slip:
            continue
        width = measure(text + slip) + 2 * TAG_PAD
        fill = qcolor(SLIP_COLORS[line.step]) if line.slip else qcolor(palette.KEY_DATE)
        _tag(p, text + slip, QRectF(line.x + 1, band.top(), width, band.height()), fill, QColor("white"), style)


def _date_tags(p: QPainter, scene: Scene, style: ChartStyle, band: QRectF) -> None:
    """'Today' and 'Status' tags; the earlier one goes left of its line when the two are close."""
    measure = style.text_width(style.bold_font)
    marks = [(x, text, color) for x, text, color in ((scene.today_x, "Today", palette.TODAY),
                                                     (scene.status_x, "Status", palette.STATUS_DATE)) if x is not None]
    marks.sort()
    for i, (x, text, color) in enumerate(marks):
        width = measure(text) + 2 * TAG_PAD
        close = len(marks) == 2 and marks[1][0] - marks[0][0] < width + 8
        left = (close and i == 0) or x + width > scene.width
        box = QRectF(x - width - 1 if left else x + 1, band.top(), width, band.height())
        _tag(p, text, box, qcolor(color), QColor("white"), style)
        half = style.font_px * 0.45
        p.setBrush(QColor(color))
        p.setPen(Qt.NoPen)
        bottom = band.bottom() + 1
        p.drawPolygon(QPolygonF([QPointF(x - half, bottom - half), QPointF(x + half, bottom - half),
                                 QPointF(x, bottom + half * 0.6)]))
