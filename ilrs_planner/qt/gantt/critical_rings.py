"""How a critical bar or milestone is marked: ringed in red a little outside itself, over a white
line round its edge.

Printed in greyscale, a red outline on the bar's own edge was lost in a dark bar (the critical red
and a CNSA blue print as the same grey) and on a milestone read as its ordinary outline; a ring set
off by white still reads as a ring, in colour and in grey.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .style import CRITICAL

RING_GAP, RING_WIDTH = 1.0, 2.0  # px: the white between a critical mark and its red ring, and the ring
SQRT2 = 2 ** 0.5  # a diamond grown by d along its half-diagonal moves its edges d / √2 out


def critical_rings(p: QPainter, bars: list[QRectF], pen: QPen | None = None) -> None:
    """Ring each of `bars` (a dashed or dotted `pen` for a date stated by no source)."""
    if not bars:
        return
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("white"), RING_GAP))
    half_gap = RING_GAP / 2
    p.drawRects([r.adjusted(-half_gap, -half_gap, half_gap, half_gap) for r in bars])
    ring = RING_GAP + RING_WIDTH / 2
    p.setPen(pen or QPen(CRITICAL, RING_WIDTH))
    p.drawRects([r.adjusted(-ring, -ring, ring, ring) for r in bars])
    p.setPen(Qt.PenStyle.NoPen)


def diamond_ring_growth(outline: float) -> tuple[float, float]:
    """How far (along the half-diagonal) a critical diamond's white line and its red ring stand
    outside the diamond, past its own `outline` pen."""
    return (outline + RING_GAP) / 2 * SQRT2, (outline / 2 + RING_GAP + RING_WIDTH / 2) * SQRT2


def ring_diamonds(p: QPainter, outline: QPainterPath, ring: QPainterPath, pen: QPen) -> None:
    """The white line `outline` and then the red `ring` (paths of diamonds grown as above)."""
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("white"), RING_GAP))
    p.drawPath(outline)
    p.setPen(pen)
    p.drawPath(ring)
