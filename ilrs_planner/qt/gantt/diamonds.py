"""Milestone diamonds: planned (white-centred) or achieved (filled), larger for key milestones,
and the roll-up diamonds a collapsed summary shows on its own row."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ...chart import palette
from ...chart.rollups import rollup_marks
from ...chart.scene import KEY_DIAMOND, Layer, Scene
from .critical_rings import RING_WIDTH, diamond_ring_growth, ring_diamonds
from .style import CRITICAL, LABEL_TEXT, PROVENANCE_PENS, ChartStyle, qcolor

COUNT_HALO = QColor(255, 255, 255, 215)  # as under the labels: the summary bar shows through, faintly


def diamond(x: float, yc: float, half: float) -> QPolygonF:
    """A diamond centred on (x, yc), closed: back to its top, so a path's outline has all four edges
    (open, the edge from the left tip up to the top was never stroked: a hollow diamond met by a link's
    arrow at that tip read as the arrow cutting into it)."""
    top = QPointF(x, yc - half)
    return QPolygonF([top, QPointF(x + half, yc), QPointF(x, yc + half), QPointF(x - half, yc), top])


def milestones(p: QPainter, scene: Scene, dy: float) -> None:
    """Diamonds: filled when achieved, white-centred when planned; a faint span when announced
    only to a year or month. Key milestones are drawn larger, over everything else of their row."""
    m = scene.milestones
    if not len(m):
        return
    _diamonds(p, scene, m, (m.y0 + m.y1) / 2 + dy, m.key, grow_key=True)


def rollups(p: QPainter, scene: Scene, dy: float, style: ChartStyle) -> None:
    """Milestones of a collapsed summary as diamonds on its row (MS Project's roll-up): those that
    would overlap as one diamond with their count beside it."""
    r = scene.rollups
    if r is None or not len(r):
        return
    measure = style.text_width()  # the labels' measure, with which they made room for the counts
    marks = rollup_marks(r.rows, r.x0, scene.row_height, measure)
    shown = np.zeros(len(r), bool)
    shown[[mark.shown for mark in marks]] = True
    yc = (r.y0 + r.y1) / 2 + dy
    _diamonds(p, scene, r, yc, r.key, grow_key=False, shown=shown)
    p.setFont(style.label_font)
    h = style.font_px * 1.25
    for mark in marks:
        if mark.count > 1:
            y = float(yc[mark.shown])
            p.fillRect(QRectF(mark.count_x - 1, y - h / 2, measure(mark.text) + 2, h), COUNT_HALO)
            p.setPen(LABEL_TEXT)
            p.drawText(QRectF(mark.count_x, y - h / 2, scene.width, h), Qt.AlignLeft | Qt.AlignVCenter, mark.text)


def _diamonds(p: QPainter, scene: Scene, m: Layer, yc: np.ndarray, key: np.ndarray, grow_key: bool,
              shown: np.ndarray | None = None) -> None:
    for is_key in (False, True):  # key diamonds last, so they stay on top
        subset = (key == is_key) if shown is None else (key == is_key) & shown
        if subset.any():
            half = scene.row_height * (KEY_DIAMOND if is_key and grow_key else 0.3)
            _diamond_set(p, scene, m, yc, subset, half, 2.6 if is_key else 2.0)


def _diamond_set(p: QPainter, scene: Scene, m: Layer, yc: np.ndarray, subset: np.ndarray, half: float,
                 pen: float) -> None:
    for i in np.nonzero(~np.isnan(m.soft0) & subset)[0].tolist():
        color = scene.colors[int(m.color[i])]
        p.fillRect(QRectF(float(m.soft0[i]), yc[i] - half * 0.45, float(m.soft1[i] - m.soft0[i]), half * 0.9),
                   qcolor(color, 60))
    confidence = m.confidence if len(m.confidence) else np.zeros(len(m), np.int8)
    for color, achieved, level in sorted(set(zip(m.color.tolist(), m.actual.tolist(), confidence.tolist()))):
        mask = (m.color == color) & (m.actual == achieved) & (confidence == level) & subset
        if not mask.any():
            continue
        path = QPainterPath()
        for x, y in zip(m.x0[mask].tolist(), yc[mask].tolist()):
            path.addPolygon(diamond(x, y, half))
        style, _ = PROVENANCE_PENS.get(level, (Qt.SolidLine, pen))  # an assumed date: a dashed diamond
        p.setPen(_pen(qcolor(scene.colors[color]), pen, style))
        p.setBrush(qcolor(scene.colors[color]) if achieved else QColor("white"))
        p.drawPath(path)
    gap, ring = diamond_ring_growth(pen)
    for level, line in ((0, Qt.SolidLine), *((lv, st) for lv, (st, _) in PROVENANCE_PENS.items())):
        mask = m.critical & subset & (confidence == level)
        if mask.any():
            ring_diamonds(p, _diamond_path(m, yc, mask, half + gap), _diamond_path(m, yc, mask, half + ring),
                          _pen(CRITICAL, RING_WIDTH, line))
    if (m.selected & subset).any():
        p.setPen(_pen(QColor(palette.SELECTED), 2.0, Qt.SolidLine))
        p.setBrush(Qt.NoBrush)
        p.drawPath(_diamond_path(m, yc, m.selected & subset, half + ring + 2.0))  # round the red ring


def _diamond_path(m: Layer, yc: np.ndarray, mask: np.ndarray, half: float) -> QPainterPath:
    """The diamonds of `mask`, each `half` from its centre to a corner."""
    path = QPainterPath()
    for x, y in zip(m.x0[mask].tolist(), yc[mask].tolist()):
        path.addPolygon(diamond(x, y, half))
    return path


def _pen(color: QColor, width: float, style: Qt.PenStyle) -> QPen:
    """A diamond's pen; dashes kept short, so an assumed milestone's few pixels of edge still show them."""
    pen = QPen(color, width, style)
    if style is not Qt.SolidLine:
        pen.setDashPattern([1.4, 1.2] if style is Qt.DashLine else [0.6, 1.0])
    return pen
