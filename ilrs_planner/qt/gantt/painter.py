"""QPainter drawing of a chart Scene: one batched call per layer and colour, never one item per bar.

Why QPainter rather than pyqtgraph items: the same functions draw the widget, the PNG (QImage),
the SVG (QSvgGenerator) and the PDF (QPdfWriter), so the exported picture is the chart itself at
the target resolution, and a repaint of the visible rows is a handful of drawRects/drawPath calls.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...chart.axis import AxisHeader
from ...chart.labels import shorten_by_words
from ...chart.layer import SceneOptions
from ...chart.scene import Scene
from ...chart.tags import TagLayout
from . import bar_labels, connectors, deadline_arrows, diamonds, layers, marks
from .style import (
    GRID,
    GRID_MAJOR,
    HEADER_BG,
    HEADER_TEXT,
    MUTED_TEXT,
    NONWORKING_DAY,
    PHASE_TINTS,
    ROW_STRIPE,
    SELECTED_ROW,
    ChartStyle,
)


def paint_background(p: QPainter, scene: Scene, header: AxisHeader, dy: float, height: float,
                     style: ChartStyle, top: float) -> None:
    """Row stripes, phase bands, days off, grid lines and selected rows, behind everything else."""
    rh = scene.row_height
    for i, (x0, x1, _name) in enumerate(scene.phases):  # the i-th phase's tint, seen or not
        if x1 > max(x0, 0.0) and x0 < scene.width:
            p.fillRect(QRectF(x0, top, x1 - x0, height), QColor(PHASE_TINTS[i % len(PHASE_TINTS)]))
    odd = [QRectF(0, r * rh + dy, scene.width, rh) for r in range(scene.first_row, scene.last_row + 1) if r % 2]
    p.setPen(Qt.NoPen)
    p.setBrush(ROW_STRIPE)
    p.drawRects(odd)
    p.setBrush(NONWORKING_DAY)
    p.drawRects([QRectF(x0, top, x1 - x0, height) for x0, x1 in scene.nonworking.tolist()])
    selected = set()
    for layer in (scene.tasks, scene.summaries, scene.milestones):
        selected.update(layer.rows[layer.selected].tolist())
    p.setBrush(SELECTED_ROW)
    p.drawRects([QRectF(0, r * rh + dy, scene.width, rh) for r in sorted(selected)])
    p.setPen(QPen(GRID, 0))
    p.drawLines([_vline(x, top, top + height) for x in header.grid_x])
    p.setPen(QPen(GRID_MAJOR, 0))
    p.drawLines([_vline(x, top, top + height) for x in header.major_x])


def _vline(x: float, y0: float, y1: float) -> QLineF:
    return QLineF(x, y0, x, y1)


def paint_phase_names(p: QPainter, phases: list[tuple[float, float, str]], rect: QRectF, style: ChartStyle) -> None:
    """The phase bands continued into a strip under the rows, each with its name (kept out of
    the rows themselves, where it would cover bars and labels)."""
    p.setFont(style.phase_font)
    width = style.text_width(style.phase_font)
    p.fillRect(rect, QColor("white"))
    for i, (x0, x1, name) in enumerate(phases):
        band = QRectF(max(x0, rect.left()), rect.top(), min(x1, rect.right()) - max(x0, rect.left()), rect.height())
        if band.width() <= 0:
            continue
        p.fillRect(band, QColor(PHASE_TINTS[i % len(PHASE_TINTS)]).darker(104))
        text = shorten_by_words(name.upper(), band.width() - 8, width)  # "CONSTRUCTION", never "CBS"
        if text:
            p.setPen(MUTED_TEXT)
            p.drawText(band.adjusted(4, 0, -4, 0), Qt.AlignLeft | Qt.AlignVCenter, text)
    p.setPen(QPen(GRID_MAJOR, 0))
    p.drawLine(QLineF(rect.left(), rect.top(), rect.right(), rect.top()))


def axis_label_rects(header: AxisHeader, width: float, style: ChartStyle) -> list[tuple[QRectF, str, bool]]:
    """Each axis label's rectangle in header coordinates, its text and whether it is upper-level."""
    metrics_w = style.text_width(style.header_font)
    half = style.axis_height / 2
    out = []
    for cells, y0, major in ((header.upper, 0.0, True), (header.lower, half if header.upper else 0.0, False)):
        cell_h = half if header.upper else style.axis_height
        for c in cells:
            if c.label:
                x = c.label_x if major else (max(c.x0, 0) + min(c.x1, width)) / 2 - metrics_w(c.label) / 2
                out.append((QRectF(x, style.axis_top + y0, metrics_w(c.label) + 2, cell_h), c.label, major))
    return out


def paint_header(p: QPainter, header: AxisHeader, width: float, style: ChartStyle, scene: Scene,
                 opts: SceneOptions) -> TagLayout:
    """The tag band over the two-level time axis, and the marks' lines through both; returns
    where the tags went (for their tooltips)."""
    h, top = style.header_height, style.axis_top
    half = style.axis_height / 2
    p.fillRect(QRectF(0, 0, width, h), HEADER_BG)
    for cells, y0, major in ((header.upper, top, True), (header.lower, top + half if header.upper else top, False)):
        p.setPen(QPen(GRID_MAJOR if major else GRID, 0))
        p.drawLines([_vline(c.x0, y0, y0 + (half if header.upper else style.axis_height))
                     for c in cells if 0 <= c.x0 <= width])
    p.setRenderHint(QPainter.Antialiasing, True)
    marks.axis_lines(p, scene, opts, style)
    p.setRenderHint(QPainter.Antialiasing, False)
    p.setFont(style.header_font)
    text_h = QFontMetricsF(style.header_font).height()
    for rect, label, major in axis_label_rects(header, width, style):
        # A backing in the header's colour: a mark's line passing under a label never cuts it.
        p.fillRect(QRectF(rect.left() - 1, rect.center().y() - text_h / 2, rect.width() + 1, text_h), HEADER_BG)
        p.setPen(HEADER_TEXT if major else MUTED_TEXT)
        p.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, label)
    p.setPen(QPen(GRID_MAJOR, 0))
    if header.upper:
        p.drawLine(QLineF(0, top + half, width, top + half))
    if top > 0:
        p.drawLine(QLineF(0, top, width, top))
    p.drawLine(QPointF(0, h - 0.5), QPointF(width, h - 0.5))
    p.setRenderHint(QPainter.Antialiasing, True)
    layout = marks.tag_layout(scene, opts, style)
    marks.header_tags(p, scene, layout, style)
    return layout


def paint_scene(p: QPainter, scene: Scene, dy: float, style: ChartStyle, top: float, height: float) -> None:
    """Every layer of the scene, bottom to top; `dy` maps content y to painter y."""
    links = connectors.routed(scene, dy, top, height)
    connectors.passing(p, scene, links, top, height)  # behind the rows' drawing, which it would hide
    marks.key_date_lines(p, scene, top, height)
    layers.ghosts(p, scene, dy)
    layers.slips(p, scene, dy)
    layers.whiskers(p, scene, dy)
    layers.summaries(p, scene, dy)
    layers.bars(p, scene, dy)
    connectors.ending(p, scene, links, dy)
    diamonds.rollups(p, scene, dy, style)
    diamonds.milestones(p, scene, dy)
    deadline_arrows.deadlines(p, scene, dy)
    marks.date_lines(p, scene, top, height)
    bar_labels.labels(p, scene, dy, style)
