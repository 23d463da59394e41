"""The printed timeline with the task table's columns at the left of its rows, on every page, as MS
Project prints its Gantt table beside the chart and repeats its row headers: a bar whose name sits
out at its dates, or on the next page's rows, is still read across from its ID and name, in the
outline as the table shows it, with its dates, duration and the other columns the table shows (as
many as fit: see printed_cells)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from ..chart.data import KIND_SUMMARY
from .gantt.export_layout import TimelinePicture
from .gantt.style import GRID, GRID_MAJOR, HEADER_BG, HEADER_TEXT, LABEL_TEXT, ROW_STRIPE, ChartStyle
from .models.row_context import RowNumbers
from .models.task_columns import NUMERIC_COLUMNS, Column
from .printed_cells import COLUMN_MOST, TABLE_MOST, column_texts, header_text, left_out_note, printed_columns

NAME_MOST = 0.24  # the most of the chart's width the Name column takes (a longer name is cut with "…")
INDENT = 0.9  # each outline level indents a name by this many of the font's pixel size
PAD = 4.0  # room either side of a cell's text


Extra = list[tuple[Column, float, str]]  # a column after Name as printed: its width and header


class PrintedTimeline(TimelinePicture):
    """The timeline of TimelinePicture, its chart narrowed by the table's columns beside the rows."""

    def __init__(self, *args, numbers: RowNumbers | None = None, columns: list[Column] | None = None,
                 document=None, **kwargs):
        """`numbers`: the IDs the task table shows (its own, kept while the outline holds); counted
        afresh from the plan's outline when not given. `columns`: the table's columns as shown (a
        new window's when not given); their cells are written from `document` (ID and Name alone
        without one)."""
        super().__init__(*args, **kwargs)
        numbers = numbers if numbers is not None and numbers.project is self.project else RowNumbers(self.project)
        tasks = self.project.tasks
        self.outline = [(numbers.of(tid), _depth(tasks, tid)) for tid in self.data.task_ids]  # (ID, level)
        self.names = [tasks[tid].name if tid in tasks else label
                      for tid, label in zip(self.data.task_ids, self.data.labels)]
        wanted = printed_columns(columns) if document is not None else []
        self.cells = column_texts(document, list(self.data.task_ids), wanted, numbers)
        self._widths: dict[float, tuple[float, float]] = {}  # font size: (ID, Name) column widths
        self._extra_widths: dict[float, list[tuple[Column, float, str]]] = {}  # font size: the others'
        self.left_out: list[Column] = []  # the columns the last page painted had no room for

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

    def extra_columns(self, chart_width: float, style: ChartStyle) -> tuple[Extra, list[Column]]:
        """The columns after Name that fit beside a chart `chart_width` wide (with their widths and
        headers), in the table's order, and those left out: the first that does not fit and the rest."""
        room = chart_width * TABLE_MOST - sum(self.columns(chart_width, style))
        fitted: Extra = []
        for place, (column, width, header) in enumerate(self._natural_widths(style)):
            width = min(width, chart_width * COLUMN_MOST)
            if width > room:
                return fitted, [column for column, *_rest in self._natural_widths(style)[place:]]
            fitted.append((column, width, header))
            room -= width
        return fitted, []

    def _natural_widths(self, style: ChartStyle) -> Extra:
        """Each column after Name as wide as its widest text (a summary's in bold) and its header."""
        if style.font_px not in self._extra_widths:
            plain, bold = QFontMetricsF(style.label_font), QFontMetricsF(style.bold_font)
            summary = [kind == KIND_SUMMARY for kind in self.data.kind]
            found = []
            for column, texts in self.cells.items():
                # Each text measured once in each weight: a column of 100,000 cells holds far fewer texts.
                values = max(((bold if heavy else plain).horizontalAdvance(text)
                              for text, heavy in set(zip(texts, summary))), default=0.0)
                header = header_text(column, values, bold.horizontalAdvance)
                heading = max(map(bold.horizontalAdvance, header.split("\n")))
                found.append((column, max(values, heading) + 2 * PAD, header))
            self._extra_widths[style.font_px] = found
        return self._extra_widths[style.font_px]

    def table_width(self, chart_width: float, style: ChartStyle) -> float:
        """How much of a chart `chart_width` wide the printed columns take."""
        extra, _left_out = self.extra_columns(chart_width, style)
        return sum(self.columns(chart_width, style)) + sum(width for _column, width, _header in extra)

    def paint(self, p: QPainter, width: float, height: float, style: ChartStyle,
              rows: tuple[int, int] | None = None) -> None:
        self.left_out = self.extra_columns(width - 2 * self.furniture.margin, style)[1]  # said in the small print
        super().paint(p, width, height, style, rows)

    def _subtitle(self) -> str:
        note = left_out_note(self.left_out)
        return f"{super()._subtitle()}  ·  {note}" if note else super()._subtitle()

    def _tag_rows(self, chart_w: float, style: ChartStyle) -> int:
        return super()._tag_rows(chart_w - self.table_width(chart_w, style), style)  # the tags go over the bars

    def _paint_chart(self, p: QPainter, rect: QRectF, style: ChartStyle, first: int, last: int) -> float:
        id_width, name_width = self.columns(rect.width(), style)
        extra, _left_out = self.extra_columns(rect.width(), style)
        self._paint_columns(p, QRectF(rect.left(), rect.top(), id_width + name_width, rect.height()),
                            id_width, style, first, last)
        left = rect.left() + id_width + name_width
        for column, width, header in extra:
            self._paint_cells(p, QRectF(left, rect.top(), width, rect.height()), column, header, style, first, last)
            left += width
        return super()._paint_chart(p, rect.adjusted(left - rect.left(), 0, 0, 0), style, first, last)

    def _paint_cells(self, p: QPainter, rect: QRectF, column: Column, header: str, style: ChartStyle,
                     first: int, last: int) -> None:
        """The header and the rows [first, last) of one column after Name in `rect`, a summary's in
        bold and numbers to the right, as the table writes them."""
        p.save()
        p.translate(rect.topLeft())
        head, row_h, width = style.header_height, style.row_height, rect.width()
        align = (Qt.AlignRight if column in NUMERIC_COLUMNS else Qt.AlignLeft) | Qt.AlignVCenter
        p.fillRect(QRectF(0, 0, width, head), HEADER_BG)
        p.setPen(HEADER_TEXT)
        p.setFont(style.bold_font)
        lines = header.count("\n") + 1
        p.drawText(QRectF(PAD, head - lines * row_h, width - 2 * PAD, lines * row_h), align, header)
        texts = self.cells[column]
        for row in range(first, last):
            top = head + (row - first) * row_h
            if row % 2:
                p.fillRect(QRectF(0, top, width, row_h), ROW_STRIPE)
            font = style.bold_font if self.data.kind[row] == KIND_SUMMARY else style.label_font
            p.setFont(font)
            p.setPen(LABEL_TEXT)
            text = QFontMetricsF(font).elidedText(texts[row], Qt.TextElideMode.ElideRight, width - 2 * PAD)
            p.drawText(QRectF(PAD, top, width - 2 * PAD, row_h), align, text)
        p.setPen(QPen(GRID_MAJOR, 1))
        p.drawLine(QRectF(0, head, width, 0).topLeft(), QRectF(0, head, width, 0).topRight())
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(0, 0, width, rect.height()))
        p.restore()

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
