"""Writing a TimelinePicture: PNG of an exact pixel size, SVG sized in pixels (the PDF: export_pdf).

A size given in pixels is exactly the picture's size: a slide is 1920 × 1080, not "about". When
the rows do not fit at a readable height the biggest branches are folded (and the caller is
told); a long plan's PDF gets pages with the title, time axis and legend repeated on each.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ...domain import PlannerError
from ...domain.text import xml_text
from ...files.atomic import write_atomically
from ..file_output import buffered_file
from .export_layout import MIN_ROW_HEIGHT, PHASE_STRIP_ROWS, READABLE_ROW_HEIGHT, TimelinePicture

MM_PER_INCH = 25.4
A3_WIDTH_INCHES = 420 / MM_PER_INCH  # a PNG asked for by DPI alone is an A3-landscape-wide picture
LOGICAL_WIDTH = 1920.0  # layout width in logical pixels; larger outputs scale it up
MAX_PNG_SIDE = 20000  # pixels; a taller raster needs gigabytes and no viewer shows it whole
# A page is read in the hand, a slide across a room: a printed row may be as short as 6-pt names
# with a point of air above and below (3.4 mm, MS Project's rows are 4.2), where a slide's stay
# READABLE_ROW_HEIGHT tall. A page (a PDF's, or a PNG of a paper size at its DPI) folds or pages below this.
PRINTED_ROW_MM = 3.4


def printed_row(mm_per_unit: float) -> float:
    """The shortest readable printed row, in logical units of `mm_per_unit` millimetres each."""
    return PRINTED_ROW_MM / mm_per_unit


def render_image(picture: TimelinePicture, px_w: int, px_h: int | None, dpi: int | None = None) -> QImage:
    """The picture as an image exactly px_w × px_h (px_h None: as tall as the rows need)."""
    # By DPI: text keeps its printed size (12 px at 96 dpi). By width: the layout is 1920
    # logical pixels wide, scaled up for larger images, never down (small images stay legible).
    zoom = max(dpi / 96.0, 1.0) if dpi else max(px_w / LOGICAL_WIDTH, 1.0)
    logical_w = px_w / zoom
    if px_h is not None:
        # Known DPI: the image is a page, read in the hand (an A3 sheet holds the 65-row roadmap).
        readable = printed_row(MM_PER_INCH / dpi * zoom) if dpi else READABLE_ROW_HEIGHT
        picture.fold_to(logical_w, px_h / zoom, f"{px_w}×{px_h}", readable)
    elif picture.natural_height(logical_w) * zoom > MAX_PNG_SIDE:
        px_h = MAX_PNG_SIDE  # a very long plan: shrink the rows rather than fail to allocate
    logical_h = px_h / zoom if px_h else picture.natural_height(logical_w)
    style = picture.fitted_style(logical_w, logical_h) if px_h else picture._style(width=logical_w)
    _check_rows_fit(picture, style, logical_w, logical_h, zoom)
    # Opaque RGB: the PNG encoder then writes 3 bytes a pixel instead of 4 (a third faster).
    image = QImage(px_w, px_h or int(round(logical_h * zoom)), QImage.Format_RGB32)
    if dpi:
        image.setDotsPerMeterX(int(dpi / 0.0254))
        image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(QColor("white"))
    p = QPainter(image)
    p.scale(zoom, zoom)
    picture.paint(p, logical_w, logical_h, style)
    p.end()
    return image


def check_png_size(width: int, height: int | None) -> None:
    """Refuse a PNG size outside 200..MAX_PNG_SIDE pixels a side, in the words the command line uses."""
    if not 200 <= width <= MAX_PNG_SIDE or (height is not None and not 200 <= height <= MAX_PNG_SIDE):
        raise PlannerError("export.failed", "choose an image size between 200 and 20,000 pixels")


def write_png(picture: TimelinePicture, path: Path, width: int | None, dpi: int | None, height: int | None) -> None:
    """A PNG `width` × `height` pixels (or `width` wide, or an A3-landscape width at `dpi`); with a
    `dpi` its text keeps its printed size and a fixed size is a page of paper (see printed_row)."""
    px_w = int(width or (round(A3_WIDTH_INCHES * dpi) if dpi else 3840))
    check_png_size(px_w, height)
    image = render_image(picture, px_w, height, dpi)
    # Quality 70 = a light zlib level: a 4K chart encodes ~2x faster for ~15 % more bytes.
    with buffered_file(path) as out:
        if not image.save(out, "PNG", 70):
            raise OSError(f"the PNG writer failed for {path}")


def _check_rows_fit(picture: TimelinePicture, style, width: float, height: float, zoom: float) -> None:
    """Refuse, before painting, a picture whose rows cannot be drawn legibly in its height, saying
    how many rows that height holds and how tall the image must be for all of them."""
    needed = picture._fixed_height(width, style) + (max(len(picture.data), 1) + PHASE_STRIP_ROWS) * style.row_height
    if needed <= height + 1:
        return
    legible = picture._style(MIN_ROW_HEIGHT, width)
    fixed = picture._fixed_height(width, legible)
    fitting = max(int((height - fixed) // MIN_ROW_HEIGHT - PHASE_STRIP_ROWS), 0)
    tall_enough = math.ceil((fixed + (len(picture.data) + PHASE_STRIP_ROWS) * MIN_ROW_HEIGHT) * zoom)
    raise PlannerError(
        "export.failed",
        f"{len(picture.data):,} rows do not fit legibly in a {round(height * zoom):,}-pixel-tall PNG "
        f"(it holds about {fitting:,}); make the image at least {tall_enough:,} pixels tall, "
        "choose milestones only, or SVG/PDF")


def write_svg(picture: TimelinePicture, path: Path, width: int | None, height: int | None = None) -> None:
    """A vector SVG (text stays text) `width` × `height` pixels, sized in px with a viewBox."""
    logical_w = float(width or LOGICAL_WIDTH)
    if height:
        picture.fold_to(logical_w, height, f"{int(logical_w)}×{height}")
    logical_h = float(height) if height else picture.natural_height(logical_w)
    style = picture.fitted_style(logical_w, logical_h) if height else picture._style(width=logical_w)
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(int(logical_w), int(round(logical_h))))
    generator.setViewBox(QRectF(0, 0, logical_w, logical_h))
    generator.setTitle(picture.title)
    generator.setDescription(f"{picture.project.name} — ILRS Planner")
    p = QPainter(generator)
    if not p.isActive():
        raise OSError(f"the SVG writer could not start for {path}")
    picture.paint(p, logical_w, logical_h, style)
    p.end()
    # Qt copies a label's characters as they are: a U+FFFF in a task's name made a file no browser showed.
    text = xml_text(_size_in_pixels(bytes(buffer.data()).decode("utf-8"), int(logical_w), int(round(logical_h))))
    write_atomically(path, text.encode("utf-8"))


def _size_in_pixels(text: str, width: int, height: int) -> str:
    """Qt writes the size in millimetres (a slide tool then pastes it 68 cm wide); say pixels."""
    head = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{width}px" height="{height}px"', text[:2000],
                  count=1)
    return head + text[2000:]
