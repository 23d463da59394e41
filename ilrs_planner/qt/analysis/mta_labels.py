"""The milestone trend chart's words: each line's name at its end and the legend.

Names at the lines' ends are nudged apart a little; a name that would have to move far from its
line, or out of the plot, is left to the legend, which names every line. Names are cut short with
an ellipsis rather than run out of the plot, and a legend taller than the plot takes more columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from .mta_style import GRID_MAJOR, LEGEND_ROW, LEGEND_TOP, MUTED, TEXT, font, slip_text

END_FONT_PX = 12.0
MAX_NUDGE_ROWS = 1.5  # a name further than this many rows from its line's end is left to the legend
MIN_NAME_PX = 70.0  # narrower than this, a name says too little to be worth drawing
HALO = QColor(255, 255, 255, 210)


@dataclass(frozen=True)
class EndLabel:
    """A line's name as placed: its box, the text (elided to fit), where its line ends and the
    line's whole name (the text cut short may begin two names: "Chang'e…")."""

    box: QRectF
    text: str
    end: QPointF
    color: QColor
    name: str


def place_end_labels(ends: list[tuple[QPointF, str, QColor]], plot: QRectF, right: float,
                     legend: QRectF) -> list[EndLabel]:
    """Names right of their lines' ends, top to bottom, none overlapping, within the plot's height,
    left of `right` (the plot's right edge, or further where the picture has room beside it) and
    clear of the legend."""
    metrics = QFontMetricsF(font(END_FONT_PX, True))
    gap = metrics.height() * 1.2 + 2  # a line of air between two names
    placed: list[EndLabel] = []
    for end, name, color in sorted(ends, key=lambda e: e[0].y()):
        y = max(end.y(), placed[-1].box.center().y() + gap if placed else plot.top() + gap / 2)
        level_with_legend = legend.top() - gap / 2 < y < legend.bottom() + gap / 2
        stop = legend.left() - 8 if level_with_legend and end.x() + 14 < legend.right() else right
        width = min(right, stop) - end.x() - 16  # the legend's left edge stops a name level with it
        if y - end.y() > MAX_NUDGE_ROWS * gap or y + gap / 2 > plot.bottom() or width < MIN_NAME_PX:
            continue
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
        box = QRectF(end.x() + 14, y - gap / 2, metrics.horizontalAdvance(text) + 2, gap)
        placed.append(EndLabel(box, text, end, color, name))
    return placed


def paint_end_labels(p: QPainter, labels: list[EndLabel]) -> None:
    p.setFont(font(END_FONT_PX, True))
    for label in labels:
        y = label.box.center().y()
        if abs(y - label.end.y()) > 2:  # a nudged name keeps a leader to its line's end
            p.setPen(QPen(label.color, 1))
            p.drawLine(QPointF(label.end.x() + 5, label.end.y()), QPointF(label.end.x() + 12, y))
        p.fillRect(label.box.adjusted(-2, 2, 2, -2), HALO)  # the grid and other lines stay behind the name
        p.setPen(label.color)
        p.drawText(label.box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label.text)


def legend_columns(count: int, height: float, row: float = LEGEND_ROW) -> int:
    """Columns the legend needs so that `count` entries of `row` pixels fit in `height`."""
    rows = max(int((height - LEGEND_TOP - 8) // row), 1)
    return max(-(-count // rows), 1)


def legend_height(count: int, columns: int, row: float = LEGEND_ROW) -> float:
    return LEGEND_TOP + 8 + row * -(-count // columns)


def paint_legend(p: QPainter, box: QRectF, lines, colors: list[QColor], columns: int,
                 row: float = LEGEND_ROW) -> None:
    """Every line's colour, name and first → last forecast with its slip, in `columns` filling `box`."""
    p.setPen(QPen(GRID_MAJOR, 1))
    p.setBrush(QColor(255, 255, 255, 235))
    p.drawRoundedRect(box, 6, 6)
    p.setPen(TEXT)
    p.setFont(font(14, True))
    p.drawText(QRectF(box.left() + 12, box.top() + 8, box.width() - 24, 22),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "Milestones")
    for index, (line, entry) in enumerate(zip(lines, legend_entries(box, len(lines), columns, row))):
        if row < LEGEND_ROW:
            _one_line_entry(p, entry, line, colors[index])
        else:
            _legend_entry(p, entry.topLeft(), entry.width(), line, colors[index])


def legend_entries(box: QRectF, count: int, columns: int, row: float = LEGEND_ROW) -> list[QRectF]:
    """Where each of `count` entries sits in the legend `box` of `columns`, filled column by column."""
    rows = -(-count // columns)
    column_w = (box.width() - 12) / columns
    return [QRectF(box.left() + 12 + (index // rows) * column_w, box.top() + LEGEND_TOP + (index % rows) * row,
                   column_w - 12, row) for index in range(count)]


def _one_line_entry(p: QPainter, entry: QRectF, line, color: QColor) -> None:
    """A short picture's entry: the name, cut short where it must, and the slip at the right; the
    forecasts are in its tooltip (MtaChartWidget)."""
    middle = entry.center().y()
    p.setPen(QPen(color, 3))
    p.drawLine(QPointF(entry.left(), middle), QPointF(entry.left() + 22, middle))
    p.setFont(font(12))
    slip = slip_text(line) if line.points else ""
    slip_w = QFontMetricsF(p.font()).horizontalAdvance(slip) + 8
    p.setPen(MUTED)
    p.drawText(entry, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, slip)
    p.setPen(TEXT)
    p.setFont(font(13, True))
    room = QRectF(entry.left() + 30, entry.top(), entry.width() - 30 - slip_w, entry.height())
    shown = QFontMetricsF(p.font()).elidedText(line.name, Qt.TextElideMode.ElideRight, room.width())
    p.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


def _legend_entry(p: QPainter, at: QPointF, width: float, line, color: QColor) -> None:
    p.setPen(QPen(color, 3))
    p.drawLine(QPointF(at.x(), at.y() + 9), QPointF(at.x() + 22, at.y() + 9))
    for text, px, bold, pen, top, height in ((line.name, 13, True, TEXT, 0, 18),
                                             (_detail(line), 12, False, MUTED, 17, 17)):
        p.setPen(pen)
        p.setFont(font(px, bold))
        shown = QFontMetricsF(p.font()).elidedText(text, Qt.TextElideMode.ElideRight, width - 30)
        p.drawText(QRectF(at.x() + 30, at.y() + top, width - 30, height),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


def _detail(line) -> str:
    if not line.points:
        return "not in any report"
    moves = line.moves()
    if len(moves) < 2:
        return f"{line.point_text(0)} → {line.point_text(-1)}  ({slip_text(line)})"
    # A forecast that moved and moved back is not "no change": every forecast it passed through is named.
    path = [line.point_text(0), *(m.now for m in moves)]
    shown = path if len(path) <= 4 else [path[0], "…", path[-1]]
    # Short enough for a legend column: "(+4 y net, 3 moves)" was cut to "(+4 y net, 3 m…".
    return f"{' → '.join(shown)}  ({slip_text(line)}, {len(moves)} moves)"
