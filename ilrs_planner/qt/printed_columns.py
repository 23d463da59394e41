"""The printed timeline with the task table's ID and Name columns at the left of its rows, on every
page, as MS Project repeats its row headers: a bar whose name sits out at its dates, or on the next
page's rows, is still read across from its ID and name, in the outline as the table shows it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from ..chart.data import KIND_SUMMARY
from .gantt.export_layout import TimelinePicture
from .gantt.style import GRID, GRID_MAJOR, HEADER_BG, HEADER_TEXT, LABEL_TEXT, ROW_STRIPE, ChartStyle
from .models.task_columns import RowNumbers

NAME_MOST = 0.24  # the most of the chart's width the Name column takes (a longer name is cut with "…")
INDENT = 0.9  # each outline level indents a name by this many of the font's pixel size
PAD = 4.0  # room either side of a cell's text


class PrintedTimeline(TimelinePicture):
    """The timeline of TimelinePicture, its chart narrowed by an ID and a Name column beside the rows."""

    def __init__(self, *args, numbers: RowNumbers | None = None, **kwargs):
        """`numbers`: the IDs the task table shows (its own, kept while the outline holds); counted
        afresh from the plan's outline when not given."""
        super().__init__(*args, **kwargs)
        numbers = numbers if numbers is not None and numbers.project is self.project else RowNumbers(self.project)
        tasks = self.project.tasks
        self.outline = [(numbers.of(tid), _depth(tasks, tid)) for tid in self.data.task_ids]  # (ID, level)
        self.names = [tasks[tid].name if tid in tasks else label
                      for tid, label in zip(self.data.task_ids, self.data.labels)]
        self._widths: dict[float, tuple[float, float]] = {}  # font size: (ID, Name) column widths

    def columns(self, chart_width: float, style: ChartStyle) -> tuple[float, float]:
        """The widths of the ID and Name columns beside a chart `chart_width` wide."""
        if style.font_px not in self._widths:
            plain, bold = QFontMetricsF(style.label_font), QFontMetricsF(style.bold_font)
            last = max((number for number, _depth in self.outline), default=0)
            names = [(bold if kind == KIND_SUMMARY else plain).horizontalAdvance(label) + depth * INDENT * style.font_px
                     for label, kind, (_number, depth) in zip(self.names, self.data.kind, self.outline)]
            self._widths[style.font_px] = (plain.horizontalAdvance(f"{max(last, 10)}") + 3 * PAD,
                                           max(names, default=0.0) + 2 * PAD)
        id_width, name_width = self._widths[style.font_px]
        return id_width, min(max(name_width, plain_width(style, "Name") + 2 * PAD), chart_width * NAME_MOST)

    def _tag_rows(self, chart_w: float, style: ChartStyle) -> int:
        return super()._tag_rows(chart_w - sum(self.columns(chart_w, style)), style)  # the tags go over the bars

    def _paint_chart(self, p: QPainter, rect: QRectF, style: ChartStyle, first: int, last: int) -> float:
        id_width, name_width = self.columns(rect.width(), style)
        self._paint_columns(p, QRectF(rect.left(), rect.top(), id_width + name_width, rect.height()),
                            id_width, style, first, last)
        return super()._paint_chart(p, rect.adjusted(id_width + name_width, 0, 0, 0), style, first, last)

    def _paint_columns(self, p: QPainter, rect: QRectF, id_width: float, style: ChartStyle, first: int,
                       last: int) -> None:
        """The header and the rows [first, last) of the ID and Name columns in `rect`."""
        p.save()
        p.translate(rect.topLeft())
        head, row_h, width = style.header_height, style.row_height, rect.width()
        p.fillRect(QRectF(0, 0, width, head), HEADER_BG)
        p.setPen(HEADER_TEXT)
        p.setFont(style.bold_font)
        label_top = head - row_h
        p.drawText(QRectF(0, label_top, id_width - PAD, row_h), Qt.AlignRight | Qt.AlignVCenter, "ID")
        p.drawText(QRectF(id_width + PAD, label_top, width - id_width, row_h), Qt.AlignLeft | Qt.AlignVCenter, "Name")
        for row in range(first, last):
            self._paint_row(p, row, head + (row - first) * row_h, id_width, width, style)
        rows_bottom = head + (last - first) * row_h
        p.setPen(QPen(GRID, 0))
        p.drawLine(QRectF(id_width, 0, 0, rows_bottom).topLeft(), QRectF(id_width, 0, 0, rows_bottom).bottomLeft())
        p.setPen(QPen(GRID_MAJOR, 1))
        p.drawLine(QRectF(0, head, width, 0).topLeft(), QRectF(0, head, width, 0).topRight())
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(0, 0, width, rect.height()))
        p.restore()

    def _paint_row(self, p: QPainter, row: int, top: float, id_width: float, width: float, style: ChartStyle) -> None:
        row_h = style.row_height
        if row % 2:  # striped as the chart's rows are
            p.fillRect(QRectF(0, top, width, row_h), ROW_STRIPE)
        number, depth = self.outline[row]
        summary = self.data.kind[row] == KIND_SUMMARY
        p.setPen(LABEL_TEXT)
        p.setFont(style.label_font)
        p.drawText(QRectF(0, top, id_width - PAD, row_h), Qt.AlignRight | Qt.AlignVCenter, str(number))
        font = style.bold_font if summary else style.label_font
        p.setFont(font)
        indent = id_width + PAD + depth * INDENT * style.font_px
        room = width - indent - PAD
        name = QFontMetricsF(font).elidedText(self.names[row], Qt.TextElideMode.ElideRight, room)
        p.drawText(QRectF(indent, top, room, row_h), Qt.AlignLeft | Qt.AlignVCenter, name)


def plain_width(style: ChartStyle, text: str) -> float:
    """The width of `text` in the rows' font."""
    return QFontMetricsF(style.bold_font).horizontalAdvance(text)


def _depth(tasks: dict, task_id: str) -> int:
    """How many summaries hold the task (0 at the top of the outline)."""
    depth, task = 0, tasks.get(task_id)
    while task is not None and task.parent_id is not None:
        depth, task = depth + 1, tasks.get(task.parent_id)
    return depth
