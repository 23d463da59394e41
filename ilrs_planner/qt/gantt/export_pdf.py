"""Writing a TimelinePicture as a vector PDF on an A4 or A3 landscape page, or on as many as it needs.

A plan whose rows stay readable on one page (see export_writers.printed_row: the 65-row roadmap on
A3) gets one page. A longer plan gets as few pages as hold its rows at a comfortable size, the rows
shared evenly between them (32 + 32 + 1 left a page of one row), each page's rows as tall as the
fullest page allows, so no page is a band of rows over an empty half.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ..file_output import buffered_file
from .export_layout import PHASE_STRIP_ROWS, READABLE_ROW_HEIGHT, TimelinePicture
from .export_writers import printed_row

PAPER_MM = {"A3": (420.0, 297.0), "A4": (297.0, 210.0)}  # landscape: width, height
LOGICAL_WIDTHS = {"A3": 1600.0, "A4": 1280.0}  # the layout's units across each page
PAGED_ROW = READABLE_ROW_HEIGHT * 0.9  # logical units; how many rows a page holds when paged


def write_pdf(picture: TimelinePicture, path: Path, page_size: str, dpi: int | None, one_page: bool = False) -> None:
    """A vector PDF on A4 or A3 landscape: pages with the title, axis and legend repeated when the
    rows would be too small on one page, or everything on one page when asked."""
    with buffered_file(path) as out:
        _paint_pdf(picture, QPdfWriter(out), path, page_size, dpi, one_page)


def _paint_pdf(picture: TimelinePicture, writer: QPdfWriter, path: Path, page_size: str, dpi: int | None,
               one_page: bool) -> None:
    size = QPageSize(QPageSize.A3 if page_size == "A3" else QPageSize.A4)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Landscape, QMarginsF(0, 0, 0, 0)))
    writer.setResolution(int(dpi or 300))
    writer.setTitle(picture.title)
    writer.setCreator("ILRS Planner")
    p = QPainter(writer)
    if not p.isActive():
        raise OSError(f"the PDF writer could not open {path}")
    logical_w = LOGICAL_WIDTHS[page_size]
    zoom = writer.width() / logical_w
    logical_h = writer.height() / zoom
    p.scale(zoom, zoom)
    readable = printed_row(PAPER_MM[page_size][0] / logical_w)
    pages = [(0, len(picture.data))] if one_page else pdf_pages(picture, logical_w, logical_h, readable)
    fullest = max(last - first for first, last in pages)
    style = picture.fitted_style(logical_w, logical_h, fullest)
    for number, rows in enumerate(pages, 1):
        if number > 1:
            writer.newPage()
        picture.page_note = picture.page_of(number, len(pages), rows[0])
        picture.paint(p, logical_w, logical_h, style, rows)
    picture.page_note = ""
    p.end()


def pdf_pages(picture: TimelinePicture, width: float, height: float, readable: float) -> list[tuple[int, int]]:
    """Row ranges, one a page: all on one page when its rows stay `readable` tall there, else as
    few pages as hold them at PAGED_ROW, shared evenly."""
    rows = len(picture.data)
    if picture.fitted_style(width, height).row_height >= readable or rows <= 1:
        return [(0, rows)]
    style = picture._style(PAGED_ROW, width)
    per_page = max(int((height - picture._fixed_height(width, style)) // style.row_height - PHASE_STRIP_ROWS), 1)
    return even_pages(rows, per_page)


def even_pages(rows: int, per_page: int) -> list[tuple[int, int]]:
    """[first, last) of each of as few pages as hold `rows` at `per_page` each, their rows shared
    evenly (65 rows of at most 32 a page: 22 + 22 + 21, not 32 + 32 + 1)."""
    count = max(-(-rows // per_page), 1)
    base, fuller = divmod(rows, count)  # the first `fuller` pages take a row more
    bounds = [i * base + min(i, fuller) for i in range(count + 1)]
    return list(zip(bounds, bounds[1:], strict=False))
