"""Connectors: the links of a scene in two paths (ordinary, critical) with filled arrowheads.

In the middle rows of a large plan zoomed out to years, thousands of connectors run from rows
above the view to rows below it: all each one shows is an upright line from the top edge to the
bottom. Stroked one by one they were most of a repaint (14,000 lines, each over every row). On a
raster each such line is drawn instead as the pixel column it falls in, once per column however
many lines share it: the same ink where lines are dense, a crisp column where one runs alone.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPen

from ...chart import palette
from ...chart.links import pick_polylines, segments_reaching
from ...chart.scene import Scene
from .paths import polylines_path
from .style import CRITICAL

ARROW_PX = 5.0
# Beyond the band shown by this much a segment draws nothing, nor does an arrowhead at its end.
MARGIN_PX = 2 * ARROW_PX


def links(p: QPainter, scene: Scene, dy: float, top: float, height: float) -> None:
    """Every connector of the scene; `dy` maps content y to painter y, the band [top, top + height]
    is what the painter shows."""
    pts, offs = scene.link_points, scene.link_offsets
    shifted = np.column_stack([pts[:, 0], pts[:, 1] + dy]) if len(pts) else pts
    through, column_x = _straight_through(shifted, offs, scene.width, top, top + height)
    if not _on_pixels(p):
        through[:] = False
    for critical, color, width in ((False, QColor(palette.LINK), 1.0), (True, CRITICAL, 1.6)):
        kind = scene.link_critical == critical
        chosen = np.flatnonzero(kind & ~through)
        p.setBrush(Qt.NoBrush)
        p.setPen(QPen(color, width))
        p.drawPath(polylines_path(*pick_polylines(shifted, offs, chosen)))
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.drawRects(_columns(column_x[kind & through], width, top, height))
        p.drawPath(polylines_path(*_arrowheads(pts, offs, chosen, dy)))


def _on_pixels(p: QPainter) -> bool:
    """True when the painter draws on a raster unscaled (the widget, an image at its own size):
    a PDF, an SVG or a scaled picture gets every line as it is."""
    engine, transform = p.paintEngine(), p.worldTransform()
    return (engine is not None and engine.type() == QPaintEngine.Type.Raster
            and not transform.isScaling() and not transform.isRotating())


def _straight_through(points: np.ndarray, offsets: np.ndarray, width: float, top: float,
                      bottom: float) -> tuple[np.ndarray, np.ndarray]:
    """(which polylines show nothing in the band but one upright segment crossing all of it,
    that segment's x) — in painter coordinates."""
    n = len(offsets) - 1
    if n <= 0 or not len(points):
        return np.zeros(max(n, 0), bool), np.zeros(max(n, 0))
    reaches = segments_reaching(points, offsets, -MARGIN_PX, width + MARGIN_PX, top - MARGIN_PX, bottom + MARGIN_PX)
    a, b = points[:-1], points[1:]
    y0, y1 = np.minimum(a[:, 1], b[:, 1]), np.maximum(a[:, 1], b[:, 1])
    across = np.append((a[:, 0] == b[:, 0]) & (y0 < top - MARGIN_PX) & (y1 > bottom + MARGIN_PX), False) & reaches
    starts = offsets[:-1]
    through = (np.add.reduceat(reaches.astype(np.int32), starts) == 1) & np.logical_or.reduceat(across, starts)
    column_x = np.zeros(n)
    owner = np.repeat(np.arange(n), np.diff(offsets))
    column_x[owner[across]] = points[np.flatnonzero(across), 0]
    return through, column_x


def _columns(xs: np.ndarray, width: float, top: float, height: float) -> list[QRectF]:
    """One upright strip of the pen's width per pixel column the lines at `xs` fall in, centred
    on the column as a line through its middle would be."""
    return [QRectF(c + 0.5 - width / 2, top, width, height) for c in sorted(set(np.floor(xs).tolist()))]


def _arrowheads(points: np.ndarray, offsets: np.ndarray, chosen: np.ndarray,
                dy: float) -> tuple[np.ndarray, np.ndarray]:
    """Triangles at the last point of each chosen polyline, pointing along its last segment
    (the arithmetic of one head at a time, in the same order, so the same pixels)."""
    last = offsets[chosen + 1] - 1
    ax, ay, bx, by = points[last - 1, 0], points[last - 1, 1], points[last, 0], points[last, 1]
    dx, dyv = bx - ax, by - ay
    length = np.maximum(np.power(dx * dx + dyv * dyv, 0.5), 1e-6)
    ux, uy = dx / length, dyv / length
    tip_x, tip_y = bx, by + dy
    back_x, back_y = tip_x - ux * ARROW_PX, tip_y - uy * ARROW_PX
    side_x, side_y = uy * ARROW_PX * 0.6, ux * ARROW_PX * 0.6
    xs = np.column_stack([tip_x, back_x - side_x, back_x + side_x]).ravel()
    ys = np.column_stack([tip_y, back_y + side_y, back_y - side_y]).ravel()
    return np.column_stack([xs, ys]), np.arange(0, 3 * len(chosen) + 1, 3)
