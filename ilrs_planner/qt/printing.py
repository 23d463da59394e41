"""File → Print: the timeline the chart shows, through Qt's print preview (page set-up included)."""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from .gantt.export_layout import TimelinePicture

LOGICAL_WIDTH = 1500.0  # the page is laid out at this many units across, like a PDF export


def paint_timeline(printer: QPrinter, document, start, end, rows: list[str] | None = None) -> bool:
    """Paint [start, end) of the document's plan (only `rows`, when given) on one page of `printer`;
    False if it could not start."""
    picture = TimelinePicture(document.project, document.schedule, start, end, milestones_only=False,
                              title=None, baseline=document.baseline_name, rows=rows)
    painter = QPainter(printer)
    if not painter.isActive():
        return False
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    zoom = page.width() / LOGICAL_WIDTH
    height = page.height() / zoom
    painter.scale(zoom, zoom)
    picture.paint(painter, LOGICAL_WIDTH, height, picture.fitted_style(LOGICAL_WIDTH, height))
    painter.end()
    return True


def preview_dialog(window) -> QPrintPreviewDialog:
    """A print preview of the dates the chart shows now and the tasks the filter shows, landscape;
    the caller opens it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(window.document.project.name)
    start, end = window.gantt.visible_range()
    filtered = window.filters.filtered_rows()
    rows = filtered.rows if filtered is not None else None
    dialog = QPrintPreviewDialog(printer, window)
    dialog.printer = printer  # the dialog does not own the printer: keep it alive as long as the dialog
    dialog.setWindowTitle(f"Print preview — {window.document.project.name}")
    dialog.paintRequested.connect(lambda device: paint_timeline(device, window.document, start, end, rows))
    return dialog
