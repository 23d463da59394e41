"""File → Print: the timeline the chart shows, through Qt's print preview (page set-up included).

By default the rows go over as many pages as they need at the size MS Project prints them (names
in 8 pt type, rows of 12 pt: 33 rows on an A4 landscape page under the marks' names, 38 on a
Letter page without them), each page as full as it holds, under the plan's name and one line of
small print (the status date, "page n of m"); beside its rows the columns the task table shows, as
many as fit (see printed_columns), then the time axis, the legend and the date it was printed; the preview's
toolbar offers everything on one page instead.
"""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from .gantt.export_layout import PHASE_STRIP_ROWS, TimelinePicture
from .gantt.page_furniture import PRINTED
from .gantt.style import ChartStyle
from .models.task_columns import Column, RowNumbers
from .printed_cells import shown_columns
from .printed_columns import PrintedTimeline

LOGICAL_WIDTH = 1500.0  # one page: laid out this many units across, like a PDF export
POINTS = 72.0  # paged, a logical unit is a typographic point: the sizes below are what the paper shows
ROW_FONT_PT, ROW_PT = 8.0, 12.0  # MS Project prints its rows' 8 pt names about this far apart
PAGED, ONE_PAGE = "Rows at readable size (pages as needed)", "Everything on one page"


def paint_timeline(printer: QPrinter, document, start, end, rows: list[str] | None = None,
                   one_page: bool = False, numbers: RowNumbers | None = None,
                   columns: list[Column] | None = None) -> bool:
    """Paint [start, end) of the document's plan (only `rows`, when given; IDs as `numbers` gives
    them; the table's `columns` as shown, a new window's when not given) on `printer`, over pages at
    a readable size or on one page; False if it could not start."""
    picture = PrintedTimeline(document.project, document.schedule, start, end, milestones_only=False,
                              title=None, baseline=document.baseline_name, rows=rows, numbers=numbers,
                              columns=columns, document=document)
    painter = QPainter(printer)
    if not painter.isActive():
        return False
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    if not one_page:
        picture.furniture = PRINTED
    width = LOGICAL_WIDTH if one_page else page.width() / printer.resolution() * POINTS
    zoom = page.width() / width
    height = page.height() / zoom
    painter.scale(zoom, zoom)
    pages = [(0, len(picture.data))] if one_page else page_rows(picture, width, height)
    style = picture.fitted_style(width, height) if one_page else printed_style(picture, width)
    for number, (first, last) in enumerate(pages, 1):
        if number > 1:
            printer.newPage()
        picture.page_note = f"page {number} of {len(pages)}" if len(pages) > 1 else ""
        picture.paint(painter, width, height, style, (first, last))
    painter.end()
    return True


def printed_style(picture: TimelinePicture, width: float) -> ChartStyle:
    """The rows as they print on every page: 8 pt names in rows of 12 pt (the ID and Name
    columns, the bars and their labels share the row)."""
    return picture._style(ROW_PT, width, font_px=ROW_FONT_PT)


def page_rows(picture: TimelinePicture, width: float, height: float) -> list[tuple[int, int]]:
    """Row ranges, one a page of `height` points, at the printed row height: as many rows on each
    page as fit above its legend and footer."""
    rows, style = len(picture.data), printed_style(picture, width)
    per_page = max(int((height - picture._fixed_height(width, style)) / style.row_height - PHASE_STRIP_ROWS), 1)
    return [(first, min(first + per_page, rows)) for first in range(0, rows, per_page)] or [(0, 0)]


def preview_dialog(window) -> QPrintPreviewDialog:
    """A print preview of the dates the chart shows now and the tasks the filter shows, landscape,
    with the choice of pages at a readable size or one page; the caller opens it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(window.document.project.name)
    start, end = window.gantt.visible_range()
    filtered = window.filters.filtered_rows()
    rows = filtered.rows if filtered is not None else None
    dialog = QPrintPreviewDialog(printer, window)
    dialog.printer = printer  # the dialog does not own the printer: keep it alive as long as the dialog
    dialog.setWindowTitle(f"Print preview — {window.document.project.name}")
    dialog.scale_combo = scale = QComboBox(dialog)
    scale.addItems([PAGED, ONE_PAGE])
    scale.setToolTip("Rows at a size a reader can read over as many pages as they need, or all on one page")
    row = QHBoxLayout()  # its own row: at the end of the toolbar a narrow window hides it in an overflow menu
    row.setContentsMargins(8, 4, 8, 0)
    row.addWidget(QLabel("Scale:"))
    row.addWidget(scale)
    row.addStretch(1)
    dialog.layout().insertLayout(0, row)
    numbers = window.tree.source_model.row_numbers()  # the IDs the table shows, sorted or filtered
    columns = shown_columns(window.tree.header())
    dialog.paintRequested.connect(lambda device: paint_timeline(device, window.document, start, end, rows,
                                                                scale.currentText() == ONE_PAGE, numbers, columns))
    scale.currentIndexChanged.connect(lambda _index: _refresh(dialog))
    return dialog


def _refresh(dialog: QPrintPreviewDialog) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.updatePreview()
