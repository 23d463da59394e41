"""The bars' names: beside a bar or pinned over it, each on a white halo, and the slip badges
of a tracking Gantt: the text layer, painted over every other."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from ...chart.ink import ink_on, over_white
from ...chart.labels import BADGE_PAD_PX, GAP_PX
from ...chart.scene import Scene
from ...chart.variance import SLIP_COLORS
from .layers import WASH_ALPHA
from .style import LABEL_TEXT, ChartStyle, qcolor

HALO = QColor(255, 255, 255, 215)
OVER_BAR_HALO = QColor(255, 255, 255, 140)


def labels(p: QPainter, scene: Scene, dy: float, style: ChartStyle) -> None:
    """Labels, each on a white halo so a connector passing behind never garbles it; one pinned
    over its own bar gets a lighter halo, so the bar still shows through (dark text on it reads
    at 4.7:1 or more, even on a black bar). On a done bar the hatching's white lines broke up white
    text (2.9:1 on a grey bar): there the name is dark on the full halo, inside the bar as over it
    (over 10:1). A name inside any other bar is in the colour that reads on the bar's own fill,
    washed paler as the bar is (chart.ink: white on a dark bar, dark on a light or grey one)."""
    b = scene.tasks
    hatched = set(b.rows[b.actual].tolist()) if len(b) else set()
    inks = _inks_inside(scene)
    for label in scene.labels:
        font = style.bold_font if label.bold else style.label_font
        p.setFont(font)
        rect = QRectF(label.x, label.y + dy - scene.row_height / 2, scene.width, scene.row_height)
        on_hatching = (label.inside or label.over_bar) and label.row in hatched
        if not label.inside or on_hatching:
            w = style.text_width(font)(label.text)
            h = style.font_px * 1.25
            light = label.over_bar and not on_hatching
            p.fillRect(QRectF(label.x - 2, label.y + dy - h / 2, w + 4, h), OVER_BAR_HALO if light else HALO)
        inside = label.inside and not on_hatching and label.row in inks
        p.setPen(QColor(inks[label.row]) if inside else LABEL_TEXT)
        p.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, label.text)
        if label.badge:
            x = label.x + style.text_width(font)(label.text) + GAP_PX
            slip_badge(p, label.badge, SLIP_COLORS[label.badge_step], QPointF(x, label.y + dy), style)


def _inks_inside(scene: Scene) -> dict[int, str]:
    """Row -> the text colour of a name inside its task's bar: the one that reads on the bar's
    colour, washed as the bar is for an inference or an assumption (_wash)."""
    b = scene.tasks
    rows = {label.row for label in scene.labels if label.inside}
    if not rows or not len(b):
        return {}
    inks = {}
    for i in np.flatnonzero(np.isin(b.rows, list(rows))).tolist():
        fill = QColor(scene.colors[int(b.color[i])]).name()
        wash = WASH_ALPHA.get(int(b.confidence[i]), 0) / 255 if len(b.confidence) == len(b) else 0.0
        inks[int(b.rows[i])] = ink_on(over_white(fill, wash))
    return inks


def slip_badge(p: QPainter, text: str, color: str, left_centre: QPointF, style: ChartStyle) -> float:
    """A slip ('+7 y') as bold text on a pill of its variance colour, white where that reads on the
    pill, else dark (the on-time grey, the months' lighter blue and red); returns its width."""
    p.setFont(style.bold_font)
    w = style.text_width(style.bold_font)(text) + 2 * BADGE_PAD_PX
    h = style.font_px * 1.35
    box = QRectF(left_centre.x(), left_centre.y() - h / 2, w, h)
    p.setPen(Qt.NoPen)
    p.setBrush(qcolor(color))
    p.drawRoundedRect(box, h / 2.5, h / 2.5)
    p.setPen(QColor(ink_on(QColor(color).name())))
    p.drawText(box, Qt.AlignCenter, text)
    return w
