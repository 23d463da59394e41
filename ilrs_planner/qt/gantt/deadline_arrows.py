"""Deadline arrows: MS Project's down-arrow on a task's row at the end of its deadline's day, green
when met, red when the task finishes after it; small where a met one lies on its bar's end."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ...chart import palette
from ...chart.scene import Scene
from .style import qcolor


def deadline_arrow(x: float, row_top: float, rh: float, small: bool = False) -> QPolygonF:
    """A down-arrow whose tip is at `x`: from the row's top to its middle, or a small head above the bar."""
    if small:
        half, top, tip = rh * 0.2, row_top, row_top + rh * 0.26
        return QPolygonF([QPointF(x - half, top), QPointF(x + half, top), QPointF(x, tip)])
    shaft, half = rh * 0.1, rh * 0.3
    top, neck, tip = row_top, row_top + rh * 0.3, row_top + rh * 0.62
    return QPolygonF([QPointF(x - shaft, top), QPointF(x + shaft, top), QPointF(x + shaft, neck),
                      QPointF(x + half, neck), QPointF(x, tip), QPointF(x - half, neck), QPointF(x - shaft, neck)])


def deadlines(p: QPainter, scene: Scene, dy: float) -> None:
    """Every deadline arrow of the rows shown, one path per colour and size."""
    marks, rh = scene.deadlines, scene.row_height
    if not len(marks):
        return
    _overruns(p, scene, dy)
    for late, color in ((False, palette.DEADLINE), (True, palette.DEADLINE_MISSED)):
        for small in (False, True):
            mask = (marks.missed == late) & (marks.small == small)
            if not mask.any():
                continue
            path = QPainterPath()
            for row, x in zip(marks.rows[mask].tolist(), marks.x[mask].tolist()):
                path.addPolygon(deadline_arrow(x, row * rh + dy, rh, small))
                path.closeSubpath()
            p.setPen(QPen(QColor("white"), 1.0))  # keeps the arrow apart from a bar of a like colour
            p.setBrush(qcolor(color))
            p.drawPath(path)


def _overruns(p: QPainter, scene: Scene, dy: float) -> None:
    """Under each bar finishing after its deadline, a red line from the deadline to its finish: how late."""
    marks, rh = scene.deadlines, scene.row_height
    late = marks.missed
    if not late.any():
        return
    p.setPen(QPen(qcolor(palette.DEADLINE_MISSED), max(rh * 0.1, 2.0)))
    for row, x0, x1 in zip(marks.rows[late].tolist(), marks.x[late].tolist(), marks.finish_x[late].tolist()):
        y = row * rh + dy + rh * 0.92
        p.drawLine(QLineF(x0, y, x1, y))
