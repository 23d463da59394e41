"""Vertical date marks: key-date lines, today and the status date, each named in the header.

The lines run through the rows; their names sit in a band of tags above the time axis (a tag
over the rows would cover the first task, one over the axis would hide its years). Today and the
status date are often days apart, so they differ in style (solid teal, dashed purple). Where the
tags do not all fit, `chart.tags` shortens or drops some; a dropped mark keeps a pin at the top
of the band, and every tag and pin names its mark in full in a tooltip.
"""

from __future__ import annotations

import functools
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from ...chart import palette
from ...chart.ink import ink_on
from ...chart.layer import SceneOptions
from ...chart.scene import Scene
from ...chart.tags import TAG_PAD_PX, TagLayout, TagSpec, layout_tags, rows_needed
from ...chart.tracking import KeyLine
from ...chart.variance import SLIP_COLORS
from .style import ChartStyle, qcolor

PIN_HIT_PX = 5.0  # how near a pin the pointer must be for its tooltip


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


def tag_specs(scene: Scene, opts: SceneOptions) -> list[TagSpec]:
    """The marks of a scene that want a name in the header."""
    return tag_specs_for(scene.key_lines, scene.today_x, scene.status_x, opts.today, opts.status_date)


def tag_specs_for(lines: list[KeyLine], today_x: float | None, status_x: float | None,
                  today: date | None, status_date: date | None) -> list[TagSpec]:
    """Key dates, then the status date and today (x None: off the chart)."""
    specs = [TagSpec(line.x, line.text, "key", f"  {line.slip}" if line.slip else "",
                     line.detail + (f"  ({line.slip} against the baseline)" if line.slip else ""))
             for line in lines]
    if status_x is not None and status_date is not None:
        specs.append(TagSpec(status_x, "Status", "status", detail=f"Status date {status_date.isoformat()}"))
    if today_x is not None and today is not None:
        specs.append(TagSpec(today_x, "Today", "today", detail=f"Today {today.isoformat()}"))
    return specs


def tag_layout(scene: Scene, opts: SceneOptions, style: ChartStyle) -> TagLayout:
    """Where each tag goes in the style's tag band (all dropped to pins when it has no rows)."""
    return _layout(tuple(tag_specs(scene, opts)), scene.width, style.tag_rows, style.text_width(style.bold_font))


@functools.lru_cache(maxsize=32)
def _layout(specs: tuple[TagSpec, ...], width: float, rows: int, measure) -> TagLayout:
    """Cached: a repaint for a hover or a selection finds the tags where they were."""
    return layout_tags(specs, width, rows, measure)


def tag_rows_needed(scene: Scene, opts: SceneOptions, style: ChartStyle) -> int:
    """The fewest rows (one at least, the style's at most) that name the marks in view as fully as
    the style's band does."""
    return max(_needed(tuple(tag_specs(scene, opts)), scene.width, style.tag_rows,
                       style.text_width(style.bold_font)), 1)


@functools.lru_cache(maxsize=32)
def _needed(specs: tuple[TagSpec, ...], width: float, rows: int, measure) -> int:
    return rows_needed(specs, width, measure, rows)


def tag_rect(tag, style: ChartStyle) -> QRectF:
    """The rectangle a placed tag covers in header coordinates."""
    h = style.tag_row_height
    return QRectF(tag.x0, tag.row * h + 1, tag.x1 - tag.x0, h - 2)


def tag_tooltip(layout: TagLayout, style: ChartStyle, x: float, y: float) -> str:
    """The full names of the marks whose pin (drawn on top) or tag lies under a header point."""
    pins = [s.detail for s in layout.dropped if abs(s.x - x) <= PIN_HIT_PX
            and pin_top(s, layout, style) - 2 <= y <= pin_top(s, layout, style) + _pin_height(style) + 2]
    if pins:
        return "\n".join(pins)
    if y >= max(style.axis_top, 12):
        return ""
    return next((t.spec.detail for t in layout.placed if tag_rect(t, style).contains(QPointF(x, y))), "")


def _pin_height(style: ChartStyle) -> float:
    return style.font_px * 0.4 * 1.6


def pin_top(spec: TagSpec, layout: TagLayout, style: ChartStyle) -> float:
    """Where a dropped mark's pin hangs: at the foot of the tag band, pointing at the axis, with no
    line up through the band (it would run through the tags there); where a tag in the band's
    bottom row covers its line, in the axis's top instead, so it never sits on a tag's text."""
    foot = style.axis_top - _pin_height(style) - 0.5
    covered = any(t.row == style.tag_rows - 1 and t.x0 - PIN_HIT_PX <= spec.x <= t.x1 + PIN_HIT_PX
                  for t in layout.placed)
    return style.axis_top + 0.5 if covered or foot < 0.5 else foot


def _color(spec: TagSpec, scene: Scene) -> QColor:
    if spec.kind == "today":
        return QColor(palette.TODAY)
    if spec.kind == "status":
        return QColor(palette.STATUS_DATE)
    line = next((k for k in scene.key_lines if k.x == spec.x and k.text == spec.text), None)
    return qcolor(SLIP_COLORS[line.step]) if line is not None and line.slip else qcolor(palette.KEY_DATE)


def _pen(spec: TagSpec, color: QColor) -> QPen:
    return QPen(color, 1.4, Qt.DashLine if spec.kind == "status" else Qt.SolidLine)


def axis_lines(p: QPainter, scene: Scene, opts: SceneOptions, style: ChartStyle) -> None:
    """Each mark's line down through the time axis (the axis labels, painted next, sit over it)."""
    top, bottom = style.axis_top, style.header_height
    for spec in tag_specs(scene, opts):
        color = _color(spec, scene)
        p.setPen(_pen(spec, color))
        p.drawLine(QPointF(spec.x, top), QPointF(spec.x, bottom))
        if spec.kind != "key":  # today and status point into the rows
            half = style.font_px * 0.4
            p.setPen(Qt.NoPen)
            p.setBrush(color)
            p.drawPolygon(QPolygonF([QPointF(spec.x - half, bottom - half), QPointF(spec.x + half, bottom - half),
                                     QPointF(spec.x, bottom)]))


def header_tags(p: QPainter, scene: Scene, layout: TagLayout, style: ChartStyle) -> None:
    """The tag band: each tag joined to its line, each dropped mark a pin on its line."""
    top = style.axis_top
    for tag in layout.placed:
        rect = tag_rect(tag, style)
        p.setPen(_pen(tag.spec, _color(tag.spec, scene)))
        p.drawLine(QPointF(tag.spec.x, rect.bottom()), QPointF(tag.spec.x, top))
    p.setFont(style.bold_font)
    for tag in layout.placed:
        rect = tag_rect(tag, style)
        p.setPen(Qt.NoPen)
        fill = _color(tag.spec, scene)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 3, 3)
        p.setPen(QColor(ink_on(fill.name())))  # white on the dark tags; dark on Today's teal and a light slip
        p.drawText(rect.adjusted(TAG_PAD_PX, 0, -TAG_PAD_PX, 0), Qt.AlignLeft | Qt.AlignVCenter, tag.text)
    for spec in layout.dropped:  # over the tags: a pin says a mark is here, its tooltip names it
        half = style.font_px * 0.4
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(_color(spec, scene))
        y = pin_top(spec, layout, style)
        p.drawPolygon(QPolygonF([QPointF(spec.x - half, y), QPointF(spec.x + half, y),
                                 QPointF(spec.x, y + _pin_height(style))]))
