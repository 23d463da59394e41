"""The milestone trend chart as a file: PNG at any width, vector SVG, PDF on A4 landscape; headless."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from ...domain import PlannerError
from ...engine.mta import MilestoneTrend
from ..file_output import buffered_file, buffered_svg
from .mta_chart import LOGICAL_SIZE, MtaPicture


def write_picture(picture: MtaPicture, path: Path, width: int | None = None) -> None:
    """PNG (at `width` pixels), SVG or PDF by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".png":
        _write_png(picture, path, width or 2 * int(LOGICAL_SIZE[0]))
    elif suffix == ".svg":
        _write_svg(picture, path)
    elif suffix == ".pdf":
        _write_pdf(picture, path)
    else:
        raise PlannerError("export.failed", f"'{path.name}': choose a .png, .svg or .pdf file name", [str(path)])


def _write_png(picture: MtaPicture, path: Path, px_w: int) -> None:
    if not 400 <= px_w <= 20000:
        raise PlannerError("export.failed", "choose an image width between 400 and 20,000 pixels")
    zoom = px_w / LOGICAL_SIZE[0]
    image = QImage(px_w, int(round(LOGICAL_SIZE[1] * zoom)), QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.scale(zoom, zoom)
    picture.paint(p, *LOGICAL_SIZE)
    p.end()
    with buffered_file(path) as out:
        if not image.save(out, "PNG"):
            raise OSError(f"the PNG writer failed for {path}")


def _write_svg(picture: MtaPicture, path: Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    with buffered_svg(path) as out:
        generator = QSvgGenerator()
        generator.setOutputDevice(out)
        generator.setSize(QSize(int(LOGICAL_SIZE[0]), int(LOGICAL_SIZE[1])))
        generator.setViewBox(QRectF(0, 0, *LOGICAL_SIZE))
        generator.setTitle(picture.title)
        p = QPainter(generator)
        picture.paint(p, *LOGICAL_SIZE)
        p.end()


def _write_pdf(picture: MtaPicture, path: Path) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    with buffered_file(path) as out:
        writer = QPdfWriter(out)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape, QMarginsF(0, 0, 0, 0)))
        writer.setResolution(300)
        writer.setTitle(picture.title)
        p = QPainter(writer)
        if not p.isActive():
            raise OSError(f"the PDF writer could not open {path}")
        zoom = writer.width() / LOGICAL_SIZE[0]
        p.scale(zoom, zoom)
        picture.paint(p, LOGICAL_SIZE[0], writer.height() / zoom)
        p.end()


def export_mta(trend: MilestoneTrend, path, *, width: int | None = None, title: str | None = None) -> Path:
    """Write the MTA chart to a .png/.svg/.pdf file (headless-capable); returns the path."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need an application
    path = Path(path)
    try:
        write_picture(MtaPicture(trend, title or "Milestone trend analysis"), path, width)
    except OSError as error:
        raise PlannerError("export.failed", f"'{path}' could not be written: {error}", [str(path)]) from None
    return path
