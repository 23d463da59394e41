"""File → Print's preview: the printed pages one under another, each painted when it comes into view.

Qt's own preview paints every page before it shows the first: a 100,000-task plan prints on about
2,800 pages, most of a minute and more. Here the pages are laid out (which rows each holds) when the
dialog opens, and a page is painted only when it is scrolled into view, then kept while a few others
are; Print paints the pages chosen in the printer's dialog (all, or a range) on the printer. The
toolbar offers the Scale (pages at a readable size, or everything on one page), the page shown,
zoom, the page set-up (paper, orientation, margins) and Print.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .gantt.export_layout import TimelinePicture
from .printed_cells import shown_columns
from .printing import ONE_PAGE, PAGED, POINTS, PrintedPages, pages_for, print_pages, timeline_picture

GAP = 16  # pixels between pages and round them
KEPT_PAGES = 8  # pages kept painted (a screenful and the pages either side)
ZOOM_STEP = 1.25


class PageStrip(QAbstractScrollArea):
    """The pages one under another at a zoom (screen pixels per point); a page is painted when seen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pages: PrintedPages | None = None
        self.paper = QRectF()  # the sheet in points; the printable part of it:
        self.printable = QRectF()
        self.zoom = 1.0
        self.fit_width = True  # the zoom follows the window's width until zoomed by hand
        self._painted: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.viewport().setStyleSheet("background: #8a8d91")
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.viewport().update())

    def show_pages(self, pages: PrintedPages, printer: QPrinter) -> None:
        layout = printer.pageLayout()
        self.pages, self._painted = pages, OrderedDict()
        self.paper, self.printable = layout.fullRect(QPageLayout.Unit.Point), layout.paintRect(QPageLayout.Unit.Point)
        self.fit()

    def pageCount(self) -> int:  # noqa: N802 - as Qt's preview names it
        return len(self.pages) if self.pages is not None else 0

    def page_height(self) -> int:
        return round(self.paper.height() * self.zoom) + GAP

    def current_page(self) -> int:
        """The page at the top of the view (from 1)."""
        return min(self.verticalScrollBar().value() // max(self.page_height(), 1) + 1, max(self.pageCount(), 1))

    def go_to(self, number: int) -> None:
        self.verticalScrollBar().setValue((min(max(number, 1), max(self.pageCount(), 1)) - 1) * self.page_height())

    def zoom_by(self, factor: float) -> None:
        page = self.current_page()
        self.fit_width, self.zoom = False, min(max(self.zoom * factor, 0.1), 8.0)
        self._ranges()
        self.go_to(page)

    def fit(self) -> None:
        if self.fit_width and self.paper.width() > 0:
            self.zoom = max((self.viewport().width() - 2 * GAP) / self.paper.width(), 0.1)
        self._ranges()

    def _ranges(self) -> None:
        height = self.pageCount() * self.page_height() + GAP
        bar = self.verticalScrollBar()
        bar.setRange(0, max(height - self.viewport().height(), 0))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(max(self.page_height() // 20, 1))
        across = round(self.paper.width() * self.zoom) + 2 * GAP
        self.horizontalScrollBar().setRange(0, max(across - self.viewport().width(), 0))
        self.viewport().update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        page = self.current_page()
        self.fit()
        self.go_to(page)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.pages is None:
            return
        p = QPainter(self.viewport())
        top, step = self.verticalScrollBar().value(), self.page_height()
        left = GAP - self.horizontalScrollBar().value()
        first = max(top // step, 0)
        last = min((top + self.viewport().height()) // step, self.pageCount() - 1)
        for index in range(first, last + 1):
            p.drawImage(left, GAP + index * step - top, self.page(index))
        p.end()

    def page(self, index: int) -> QImage:
        """Page `index` (from 0) as seen at the zoom now: painted the first time it is asked for."""
        key = (index, self.zoom)
        if key not in self._painted:
            self._painted[key] = self._paint(index)
            while len(self._painted) > KEPT_PAGES:
                self._painted.popitem(last=False)
        self._painted.move_to_end(key)
        return self._painted[key]

    def _paint(self, index: int) -> QImage:
        """The sheet, white, with the page painted in its printable part. The image's resolution is
        the zoom's, so a point on it is a point on paper (72 of them an inch)."""
        assert self.pages is not None
        zoom = self.zoom
        image = QImage(round(self.paper.width() * zoom), round(self.paper.height() * zoom), QImage.Format.Format_RGB32)
        dots_per_metre = round(zoom * POINTS / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor("white"))
        p = QPainter(image)
        p.scale(zoom, zoom)
        p.translate(self.printable.left(), self.printable.top())
        units = self.printable.width() / self.pages.width  # points per logical unit of the layout
        p.scale(units, units)
        self.pages.paint(p, index)
        p.end()
        return image


class PrintPreview(QDialog):
    """The preview of one printing: `picture` made when the dialog first shows (see the module doc)."""

    def __init__(self, window: QWidget, printer: QPrinter, picture: Callable[[], TimelinePicture]):
        super().__init__(window)
        self.printer, self._make_picture = printer, picture
        self.picture: TimelinePicture | None = None
        self.setWindowTitle(f"Print preview — {printer.docName()}")
        self.scale_combo = QComboBox(self)
        self.scale_combo.addItems([PAGED, ONE_PAGE])
        self.scale_combo.setToolTip("Rows at a size a reader can read over as many pages as they need, "
                                    "or all on one page")
        self.page_box, self.of_pages = QSpinBox(self), QLabel(self)
        self.preview = PageStrip(self)
        self.buttons: dict[str, QPushButton] = {}
        self.resize(1100, 800)
        self._build()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Scale:"))
        bar.addWidget(self.scale_combo)
        bar.addSpacing(16)
        bar.addWidget(QLabel("Page"))
        bar.addWidget(self.page_box)
        bar.addWidget(self.of_pages)
        for text, tip, action in (("−", "Zoom out", lambda: self.preview.zoom_by(1 / ZOOM_STEP)),
                                  ("+", "Zoom in", lambda: self.preview.zoom_by(ZOOM_STEP)),
                                  ("Fit width", "The page as wide as the window", self._fit_width),
                                  ("Page setup…", "Paper, orientation and margins", self.page_setup),
                                  ("Print…", "Choose a printer and the pages to print", self.print_pages)):
            if text == "−":  # named apart from the page box beside it, whose steps they are not
                bar.addSpacing(16)
                bar.addWidget(QLabel("Zoom:"))
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.setAutoDefault(False)  # Enter in the page box goes to the page, not to a button
            button.clicked.connect(action)
            bar.addWidget(button)
            self.buttons[text] = button
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.preview, 1)
        self.scale_combo.currentIndexChanged.connect(lambda _index: self.lay_out())
        self.page_box.valueChanged.connect(self.preview.go_to)
        self.preview.verticalScrollBar().valueChanged.connect(self._follow_page)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.picture is None:
            QTimer.singleShot(0, self.lay_out)  # the dialog shows first, then its pages

    def lay_out(self) -> PrintedPages:
        """The pages for the printer's paper and the Scale chosen, shown from the first."""
        if self.picture is None:
            self.picture = self._make_picture()
        pages = pages_for(self.printer, self.picture, self.scale_combo.currentText() == ONE_PAGE)
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(len(pages), 1))
        self.page_box.blockSignals(False)
        self.of_pages.setText(f"of {len(pages):,}")
        self.preview.show_pages(pages, self.printer)
        self.preview.go_to(1)
        return pages

    def _follow_page(self, _value: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(self.preview.current_page())
        self.page_box.blockSignals(False)

    def _fit_width(self) -> None:
        page = self.preview.current_page()
        self.preview.fit_width = True
        self.preview.fit()
        self.preview.go_to(page)

    def page_setup(self) -> None:
        if QPageSetupDialog(self.printer, self).exec() == QDialog.DialogCode.Accepted:
            self.lay_out()

    def print_pages(self) -> None:
        """The printer's dialog (printer, copies, which pages), then those pages printed."""
        pages = self.lay_out() if self.picture is None else self.preview.pages
        dialog = QPrintDialog(self.printer, self)
        dialog.setMinMax(1, len(pages) if pages is not None else 1)
        if dialog.exec() != QDialog.DialogCode.Accepted or pages is None:
            return
        pages = pages_for(self.printer, pages.picture, pages.one_page)  # the paper may have changed
        if print_pages(self.printer, pages):
            self.accept()


def preview_dialog(window) -> PrintPreview:
    """A print preview of the dates the chart shows now and the tasks the filter shows, landscape,
    with the choice of pages at a readable size or one page; the caller opens it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(window.document.project.name)
    start, end = window.gantt.visible_range()
    filtered = window.filters.filtered_rows()
    rows = filtered.rows if filtered is not None else None
    numbers = window.tree.source_model.row_numbers()  # the IDs the table shows, sorted or filtered
    columns = shown_columns(window.tree.header())
    return PrintPreview(window, printer, lambda: timeline_picture(window.document, start, end, rows, numbers, columns))
