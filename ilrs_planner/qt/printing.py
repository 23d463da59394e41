"""File → Print: the timeline the chart shows, through a preview (see print_preview) that paints a
page when it comes into view, and the printer's dialog, whose page range is printed.

By default the rows go over as few pages as hold them at the size MS Project prints them (names
in 8 pt type, rows of 12 pt: up to 33 rows on an A4 landscape page under the marks' names, 38 on a
Letter page without them), the rows shared evenly between the pages as the PDF export shares them
(67 rows on A4 print 23 + 22 + 22, not 33 + 33 + 1: a last page of one row reads as a leftover),
under the plan's name and one line of small print (the status date, "page n of m" and, when a
page opens inside a branch begun before it, that branch: 'continuing “Crewed programme”'); beside
its rows the columns the task table shows, as many as fit (see printed_columns), then the time axis,
the legend and the date it was printed; the preview's toolbar offers everything on one page instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from .gantt.export_layout import PHASE_STRIP_ROWS, TimelinePicture
from .gantt.export_pdf import even_pages
from .gantt.page_furniture import PRINTED, SCREEN
from .gantt.style import ChartStyle
from .models.row_context import RowNumbers
from .models.task_columns import Column
from .printed_columns import PrintedTimeline

LOGICAL_WIDTH = 1500.0  # one page: laid out this many units across, like a PDF export
POINTS = 72.0  # paged, a logical unit is a typographic point: the sizes below are what the paper shows
ROW_FONT_PT, ROW_PT = 8.0, 12.0  # MS Project prints its rows' 8 pt names about this far apart
PAGED, ONE_PAGE = "Rows at readable size (pages as needed)", "Everything on one page"


def timeline_picture(document, start, end, rows: list[str] | None = None, numbers: RowNumbers | None = None,
                     columns: list[Column] | None = None) -> PrintedTimeline:
    """[start, end) of the document's plan (only `rows`, when given; IDs as `numbers` gives them; the
    table's `columns` as shown, a new window's when not given), ready to be laid out on pages."""
    return PrintedTimeline(document.project, document.schedule, start, end, milestones_only=False, title=None,
                           baseline=document.baseline_name, rows=rows, numbers=numbers, columns=columns,
                           document=document)


@dataclass(frozen=True)
class PrintedPages:
    """A picture laid out on a printer's pages: each page `width` x `height` logical units (points when
    paged), its rows, and the style they are painted in. Each page is painted only when asked for."""

    picture: TimelinePicture
    width: float
    height: float
    style: ChartStyle
    rows: list[tuple[int, int]]  # each page's rows [first, last)
    one_page: bool

    def __len__(self) -> int:
        return len(self.rows)

    def paint(self, painter: QPainter, index: int) -> None:
        """Page `index` (from 0), the painter scaled to the logical units."""
        picture = self.picture
        picture.furniture = SCREEN if self.one_page else PRINTED
        picture.page_note = picture.page_of(index + 1, len(self.rows), self.rows[index][0])
        picture.paint(painter, self.width, self.height, self.style, self.rows[index])


def laid_out(picture: TimelinePicture, page: QRect, resolution: int, one_page: bool) -> PrintedPages:
    """The picture on pages whose printable rectangle is `page` device pixels at `resolution` dots
    per inch, over as many as the rows need at the printed size, or on one."""
    picture.furniture = SCREEN if one_page else PRINTED
    width = LOGICAL_WIDTH if one_page else page.width() / resolution * POINTS
    height = page.height() / (page.width() / width)
    rows = [(0, len(picture.data))] if one_page else page_rows(picture, width, height)
    style = picture.fitted_style(width, height) if one_page else printed_style(picture, width)
    return PrintedPages(picture, width, height, style, rows, one_page)


def pages_for(printer: QPrinter, picture: TimelinePicture, one_page: bool) -> PrintedPages:
    """The picture laid out on the printer's paper as it is set up now."""
    return laid_out(picture, printer.pageLayout().paintRectPixels(printer.resolution()), printer.resolution(),
                    one_page)


def print_pages(printer: QPrinter, pages: PrintedPages) -> bool:
    """Paint the pages on `printer` (those of its page range, when one is chosen); False if it could not start."""
    painter = QPainter(printer)
    if not painter.isActive():
        return False
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    zoom = page.width() / pages.width
    painter.scale(zoom, zoom)
    first, last = printer.fromPage(), printer.toPage()
    ranged = printer.printRange() == QPrinter.PrintRange.PageRange and first > 0 and last > 0
    chosen = range(first - 1, min(last, len(pages))) if ranged else range(len(pages))
    for number, index in enumerate(chosen):
        if number:
            printer.newPage()
        pages.paint(painter, index)
    painter.end()
    return True


def paint_timeline(printer: QPrinter, document, start, end, rows: list[str] | None = None,
                   one_page: bool = False, numbers: RowNumbers | None = None,
                   columns: list[Column] | None = None) -> bool:
    """Paint [start, end) of the document's plan (only `rows`, when given; IDs as `numbers` gives
    them; the table's `columns` as shown, a new window's when not given) on `printer`, over pages at
    a readable size or on one page; False if it could not start."""
    picture = timeline_picture(document, start, end, rows, numbers, columns)
    return print_pages(printer, pages_for(printer, picture, one_page))


def printed_style(picture: TimelinePicture, width: float) -> ChartStyle:
    """The rows as they print on every page: 8 pt names in rows of 12 pt (the ID and Name
    columns, the bars and their labels share the row)."""
    return picture._style(ROW_PT, width, font_px=ROW_FONT_PT)


def page_rows(picture: TimelinePicture, width: float, height: float) -> list[tuple[int, int]]:
    """Row ranges, one a page of `height` points, at the printed row height: as few pages as hold
    the rows above their legend and footer, the rows shared evenly between them."""
    rows, style = len(picture.data), printed_style(picture, width)
    per_page = max(int((height - picture._fixed_height(width, style)) / style.row_height - PHASE_STRIP_ROWS), 1)
    return even_pages(rows, per_page) if rows else [(0, 0)]
