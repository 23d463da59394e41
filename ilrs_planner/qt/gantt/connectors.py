"""Connectors: the links of a scene in two paths (ordinary, critical) with filled arrowheads.

In the middle rows of a large plan zoomed out to years, thousands of connectors run from rows
above the view to rows below it: all each one shows is an upright line from the top edge to the
bottom. Drawn over the bars as links are, they hid every bar, milestone and label of those rows
under a grey block, though none of them starts or ends there. They are drawn first, behind
everything of the rows, as a light density band: a column per pixel column they fall in
(however many lines share it), darker where more of them run. Links with an end in view keep
their look, over the bars. The widget and every export draw them the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from ...chart import palette
from ...chart.links import pick_polylines, segments_reaching
from ...chart.scene import Scene
from .paths import polylines_path
from .style import CRITICAL

ARROW_PX = 5.0
# Beyond the band shown by this much a segment draws nothing, nor does an arrowhead at its end.
MARGIN_PX = 2 * ARROW_PX
# Pass-through columns: opacity of a column of one line, added per further line, at most.
THROUGH_ALPHA, THROUGH_ALPHA_STEP, THROUGH_ALPHA_MAX = 28, 8, 64


@dataclass(frozen=True)
class Routed:
    """The scene's connectors in painter coordinates, told apart: those that only pass through
    the band shown (one upright segment across it, no end in it) and the x of that segment."""

    points: np.ndarray
    through: np.ndarray
    column_x: np.ndarray


def routed(scene: Scene, dy: float, top: float, height: float) -> Routed:
    """Shift the scene's connectors by `dy` (content y to painter y) and find those passing
    through the band [top, top + height] the painter shows."""
    pts, offs = scene.link_points, scene.link_offsets
    shifted = np.column_stack([pts[:, 0], pts[:, 1] + dy]) if len(pts) else pts
    through, column_x = _straight_through(shifted, offs, scene.width, top, top + height)
    return Routed(shifted, through, column_x)


def passing(p: QPainter, scene: Scene, links: Routed, top: float, height: float) -> None:
    """The connectors passing through the band as light columns, before (so behind) the bars.

    Drawn as one image a pixel tall stretched down the band: as a translucent rectangle each, the
    columns took more of a paint than everything else in it."""
    strip = _density_strip(links.column_x[links.through], scene.link_critical[links.through], scene.width)
    if strip is None:
        return
    # In the painter's own format (ARGB32 is B, G, R, A in memory here), which Qt scales and blends
    # on its fast path: as RGBA8888 the stretch took a week-zoom paint a third of its time.
    order = [2, 1, 0, 3] if sys.byteorder == "little" else [3, 0, 1, 2]
    pixels = strip[:, order].tobytes()  # the image reads these bytes, kept alive until it is drawn
    image = QImage(pixels, len(strip), 1, 4 * len(strip), QImage.Format.Format_ARGB32_Premultiplied)
    smooth = p.testRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # scaled up, a column stays sharp
    for start, end in _runs(strip[:, 3] > 0):  # only the columns holding a line are blended
        p.drawImage(QRectF(start, top, end - start, height), image, QRectF(start, 0, end - start, 1))
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)


def _runs(shown: np.ndarray) -> list[tuple[int, int]]:
    """(first, past the last) index of each run of True in `shown`."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], shown.astype(np.int8), [0]))))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist()))


# A critical connector more than twice an ordinary one's weight: in greyscale print the red and
# the grey are the same shade, and the weight alone tells the critical path.
CRITICAL_LINK = 2.2


def ending(p: QPainter, scene: Scene, links: Routed, dy: float) -> None:
    """The connectors with something more than a line across the band, over the bars, with their heads."""
    offs = scene.link_offsets
    for critical, color, width in ((False, QColor(palette.LINK), 1.0), (True, CRITICAL, CRITICAL_LINK)):
        chosen = np.flatnonzero((scene.link_critical == critical) & ~links.through)
        p.setBrush(Qt.NoBrush)
        p.setPen(QPen(color, width))
        p.drawPath(polylines_path(*pick_polylines(links.points, offs, chosen)))
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.drawPath(polylines_path(*_arrowheads(scene.link_points, offs, chosen, dy)))


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


def _density_strip(xs: np.ndarray, critical: np.ndarray, width: float) -> np.ndarray | None:
    """One premultiplied RGBA pixel per pixel column of the band: clear where no line runs, else
    the link grey (the critical red where a critical one runs) at an opacity growing with the
    number of lines in that column. None when no line passes."""
    columns = np.floor(xs).astype(np.int64)
    inside = (columns >= 0) & (columns < int(np.ceil(width)))
    if not inside.any():
        return None
    columns, critical = columns[inside], critical[inside]
    counts = np.bincount(columns, minlength=int(np.ceil(width)))
    alpha = np.where(counts > 0, np.minimum(THROUGH_ALPHA + THROUGH_ALPHA_STEP * (counts - 1), THROUGH_ALPHA_MAX), 0)
    red = np.zeros(len(counts), bool)
    red[columns[critical]] = True
    rgb = np.where(red[:, None], _rgb(CRITICAL), _rgb(QColor(palette.LINK)))
    strip = np.empty((len(counts), 4), np.uint8)
    strip[:, :3] = (rgb * alpha[:, None] + 127) // 255
    strip[:, 3] = alpha
    return strip


def _rgb(color: QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], np.int64)


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
