"""The drawing layers of the scene, each one batched call (or one per colour), never one per bar."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPaintEngine, QPainter, QPainterPath, QPen, QPolygonF

from ...chart import palette
from ...chart.confidence import CONF_ASSUMPTION, CONF_INFERRED, CONF_SOURCED
from ...chart.scene import Layer, Scene
from ...chart.variance import SLIP_COLORS
from .critical_rings import critical_rings
from .diamonds import diamond
from .style import CRITICAL, PROVENANCE_PENS, qcolor


def rects(layer: Layer, mask: np.ndarray, dy: float) -> list[QRectF]:
    """QRectFs of the masked items of a layer, shifted by dy."""
    return [QRectF(a, b + dy, max(c - a, 2.0), d - b) for a, b, c, d in
            zip(layer.x0[mask].tolist(), layer.y0[mask].tolist(), layer.x1[mask].tolist(), layer.y1[mask].tolist())]



def ghosts(p: QPainter, scene: Scene, dy: float) -> None:
    """Baseline bars in grey under the current ones (MS Project's tracking Gantt); a baseline
    milestone is a smaller grey diamond on the baseline band."""
    g = scene.ghosts
    if not len(g):
        return
    point = (g.x1 - g.x0) < 3.0
    p.setPen(QPen(qcolor(palette.GHOST_EDGE), 0.8))
    p.setBrush(qcolor(palette.GHOST, 190))
    p.drawRects(rects(g, ~point, dy))
    if point.any():
        half = (g.y1[0] - g.y0[0]) * 0.75
        path = QPainterPath()
        for x, y0, y1 in zip(g.x0[point].tolist(), g.y0[point].tolist(), g.y1[point].tolist()):
            path.addPolygon(diamond(x, (y0 + y1) / 2 + dy, half))
        p.setPen(QPen(qcolor(palette.GHOST_EDGE), 1.2))
        p.setBrush(qcolor(palette.GHOST, 200))
        p.drawPath(path)


def slips(p: QPainter, scene: Scene, dy: float) -> None:
    """The slip from each baseline end to the current end on the baseline band, coloured by its size
    (late warm, early cool): the tracking Gantt's variance at a glance."""
    s = scene.slips
    if s is None or not len(s):
        return
    p.setPen(Qt.NoPen)
    for step in sorted(set(s.color.tolist())):
        mask = s.color == step
        p.setBrush(qcolor(SLIP_COLORS[step], 235))
        p.drawRects(rects(s, mask, dy))


def whiskers(p: QPainter, scene: Scene, dy: float) -> None:
    """P50–P80 ranges: a line with end ticks through the middle of the row."""
    w = scene.whiskers
    if not len(w):
        return
    p.setPen(QPen(qcolor(palette.WHISKER), 1.5))
    tick = scene.row_height * 0.22
    lines = []
    for x0, x1, y in zip(w.x0.tolist(), w.x1.tolist(), w.y0.tolist()):
        y += dy
        lines += [_hline(x0, x1, y), _vline(x0, y - tick, y + tick), _vline(x1, y - tick, y + tick)]
    p.drawLines(lines)


def _vline(x: float, y0: float, y1: float) -> QLineF:
    return QLineF(x, y0, x, y1)


def _hline(x0: float, x1: float, y: float) -> QLineF:
    return QLineF(x0, y, x1, y)


def summaries(p: QPainter, scene: Scene, dy: float) -> None:
    """Summary/phase bars: a dark band with downward points at both ends (one path)."""
    s = scene.summaries
    if not len(s):
        return
    path = QPainterPath()
    for x0, x1, y0, y1 in zip(s.x0.tolist(), s.x1.tolist(), s.y0.tolist(), s.y1.tolist()):
        y0, y1, tip = y0 + dy, y1 + dy, (y1 - y0) * 0.8
        path.addPolygon(QPolygonF([QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1 + tip),
                                   QPointF(x1 - tip, y1), QPointF(x0 + tip, y1), QPointF(x0, y1 + tip)]))
        path.closeSubpath()
    p.setPen(Qt.NoPen)
    p.setBrush(qcolor(palette.SUMMARY))
    p.drawPath(path)  # no critical outline: a summary is only as critical as its children


def bars(p: QPainter, scene: Scene, dy: float) -> None:
    """Task bars batched by colour; faded tails for year/month dates; hatching for flown tasks."""
    b = scene.tasks
    if not len(b):
        return
    soft = ~np.isnan(b.soft0)
    solid_x1 = np.where(soft, np.minimum(b.x1, b.soft0), b.x1)
    p.setPen(Qt.NoPen)
    # sorted(set()) rather than np.unique: numpy 2's unique imports numpy.ma (0.05-0.1 s) on its
    # first call, and the first paint of the window was that call.
    for color in sorted(set(b.color.tolist())):
        mask = b.color == color
        p.setBrush(qcolor(scene.colors[color]))
        p.drawRects([QRectF(a, y0 + dy, max(c - a, 1.0), y1 - y0) for a, c, y0, y1, faded in
                     zip(b.x0[mask].tolist(), solid_x1[mask].tolist(), b.y0[mask].tolist(), b.y1[mask].tolist(),
                         soft[mask].tolist()) if c > a or not faded])
    for i in np.nonzero(soft)[0].tolist():
        _soft_tail(p, scene, i, dy)
    _wash(p, scene, dy)
    if b.actual.any():
        p.setBrush(QBrush(QColor(255, 255, 255, 150), Qt.BDiagPattern))
        p.drawRects(_done_rects(b, dy))
    critical_rings(p, rects(b, b.critical & (b.confidence == CONF_SOURCED), dy))
    _provenance_outlines(p, scene, dy)
    _manual_ends(p, scene, dy)
    _outline(p, b, b.selected, dy, QColor(palette.SELECTED), 2.0, grow=2.0)


def _manual_ends(p: QPainter, scene: Scene, dy: float) -> None:
    """A manually scheduled task's bar between brackets, as MS Project marks one: its dates are the
    planner's, not its links'. The brackets stand a little above and below the bar, in its colour darkened."""
    b = scene.tasks
    if not len(b.manual) or not b.manual.any():
        return
    for i in np.flatnonzero(b.manual).tolist():
        x0 = float(b.x0[i])
        x1 = max(float(b.x1[i]), x0 + 2.0)
        y0, y1 = float(b.y0[i]) + dy - 2.0, float(b.y1[i]) + dy + 2.0
        p.setPen(manual_pen(scene.colors[int(b.color[i])]))
        bracket_ends(p, x0, x1, y0, y1)
    p.setPen(Qt.NoPen)


def manual_pen(color: str) -> QPen:
    """The pen of a manual task's brackets: its bar's colour, darkened."""
    pen = QPen(qcolor(color).darker(170), 2.0)
    pen.setCapStyle(Qt.FlatCap)
    pen.setJoinStyle(Qt.MiterJoin)
    return pen


def bracket_ends(p: QPainter, x0: float, x1: float, y0: float, y1: float) -> None:
    """'[' at x0 and ']' at x1, from y0 to y1, their ticks a third of the bar at most; a 2-pixel
    pen is drawn just inside the ends, so the brackets never reach past the bar's dates."""
    tick = min(4.0, (x1 - x0) / 3)
    for edge, inward in ((x0 + 1.0, tick), (x1 - 1.0, -tick)):
        p.drawPolyline(QPolygonF([QPointF(edge + inward, y0), QPointF(edge, y0), QPointF(edge, y1),
                                  QPointF(edge + inward, y1)]))


def _done_rects(b: Layer, dy: float) -> list[QRectF]:
    """The hatched part of each bar with work done: all of a finished bar, the actual part of one under way."""
    done_x1 = b.done_x1 if len(b.done_x1) == len(b) else b.x1
    right = np.where(np.isnan(done_x1), b.x1, np.minimum(done_x1, b.x1))
    mask = b.actual & (right > b.x0)
    return [QRectF(a, top + dy, max(c - a, 2.0), bottom - top) for a, c, top, bottom in
            zip(b.x0[mask].tolist(), right[mask].tolist(), b.y0[mask].tolist(), b.y1[mask].tolist())]


# How much white is laid over a bar by confidence (chart.data.CONF_*): an inference lighter, an assumption pale.
WASH_ALPHA = {CONF_INFERRED: 100, CONF_ASSUMPTION: 170}


def _provenance_rects(b: Layer, level: int, dy: float) -> list[tuple[int, QRectF]]:
    """(item, rectangle over the whole bar, its uncertain tail included) for the bars of one confidence."""
    far = np.where(np.isnan(b.soft1), b.x1, np.fmax(b.x1, b.soft1))
    return [(i, QRectF(float(b.x0[i]), float(b.y0[i]) + dy, max(float(far[i] - b.x0[i]), 2.0),
                       float(b.y1[i] - b.y0[i]))) for i in np.nonzero(b.confidence == level)[0].tolist()]


def _wash(p: QPainter, scene: Scene, dy: float) -> None:
    """Inferred bars lighter and assumed bars pale, tails included, so the eye reads them as less sure."""
    for level, alpha in WASH_ALPHA.items():
        for _, rect in _provenance_rects(scene.tasks, level, dy):
            p.fillRect(rect, QColor(255, 255, 255, alpha))


def _provenance_outlines(p: QPainter, scene: Scene, dy: float) -> None:
    """A dashed (assumption) or dotted (inferred) outline in the owner's colour, red when critical."""
    b = scene.tasks
    p.setBrush(Qt.NoBrush)
    for level, (style, width) in PROVENANCE_PENS.items():
        for i, rect in _provenance_rects(b, level, dy):
            critical = bool(b.critical[i])
            pen = QPen(CRITICAL if critical else qcolor(scene.colors[int(b.color[i])]), 2.0 if critical else width,
                       style)
            pen.setCapStyle(Qt.FlatCap)
            if critical:  # ringed as a sourced critical bar is, the ring dashed or dotted
                critical_rings(p, [rect], pen)
                continue
            p.setPen(pen)
            p.drawRect(rect)
    p.setPen(Qt.NoPen)


def fade(p: QPainter, x0: float, x1: float, color: str) -> QLinearGradient:
    """The colour fading out from x0 to x1. On a PDF the fade runs to white instead of to
    transparent: viewers such as poppler drop a gradient's transparency and would show a solid bar."""
    gradient = QLinearGradient(x0, 0, x1, 0)
    if p.paintEngine() is not None and p.paintEngine().type() == QPaintEngine.Type.Pdf:
        gradient.setColorAt(0.0, _towards_white(color, 0.1))
        gradient.setColorAt(1.0, _towards_white(color, 0.9))
    else:
        gradient.setColorAt(0.0, qcolor(color, 230))
        gradient.setColorAt(1.0, qcolor(color, 25))
    return gradient


def _towards_white(hex_color: str, share: float) -> QColor:
    c = QColor(hex_color)
    return QColor.fromRgbF(*(v + (1.0 - v) * share for v in (c.redF(), c.greenF(), c.blueF())))


def _soft_tail(p: QPainter, scene: Scene, i: int, dy: float) -> None:
    """The uncertain period drawn as a fade from the bar colour to nothing, with a dotted edge."""
    b = scene.tasks
    x0, x1 = max(float(b.soft0[i]), float(b.x0[i])), float(b.soft1[i])
    y0, y1 = float(b.y0[i]) + dy, float(b.y1[i]) + dy
    color = scene.colors[int(b.color[i])]
    gradient = fade(p, x0, x1, color)
    p.setPen(Qt.NoPen)
    p.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), QBrush(gradient))
    p.setPen(QPen(qcolor(color, 160), 1, Qt.DotLine))
    p.drawLine(QPointF(x1, y0), QPointF(x1, y1))
    p.setPen(Qt.NoPen)


def _outline(p: QPainter, layer: Layer, mask: np.ndarray, dy: float, color: QColor, width: float,
             grow: float = 0.0) -> None:
    if mask.any():
        p.setPen(QPen(color, width))
        p.setBrush(Qt.NoBrush)
        p.drawRects([r.adjusted(-grow, -grow, grow, grow) for r in rects(layer, mask, dy)])
        p.setPen(Qt.NoPen)
