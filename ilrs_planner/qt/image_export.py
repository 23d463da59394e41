"""Timeline images for briefings: PNG at any pixel size or DPI, vector SVG, PDF on A4/A3 landscape.

The same scene builder and painters as the on-screen chart draw the picture at the target
resolution (QPainter scaled, so text is rendered for the final pixels, never an enlarged
screenshot). Works headless: a QGuiApplication is created if none exists.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..chart import PROGRAMME_END, PROGRAMME_START
from ..domain import PlannerError, Project

PAGE_SIZES = ("A4", "A3")


def _ensure_app():
    """The running Qt application, or a new headless one (fonts need an application)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def _schedule(project: Project):
    from ..engine.cpm import schedule

    try:
        return schedule(project)
    except PlannerError:
        return None  # an unschedulable plan still exports, at its entered dates


def export_image(project: Project, path, *, width: int | None = None, dpi: int | None = None,
                 date_from: date | None = None, date_to: date | None = None, milestones_only: bool = False,
                 title: str | None = None, baseline: str | None = None, height: int | None = None,
                 page_size: str = "A3") -> Path:
    """Write the plan's timeline to `path` (.png, .svg or .pdf); returns the path written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise PlannerError("export.failed", f"'{path.name}': choose a .png, .svg or .pdf file name", [str(path)])
    if page_size not in PAGE_SIZES:
        raise PlannerError("export.failed", f"page size '{page_size}' is not one of {', '.join(PAGE_SIZES)}")
    if baseline is not None:
        project.baseline(baseline)  # raises baseline.unknown naming the choices
    start, end = date_from or PROGRAMME_START, date_to or PROGRAMME_END
    if end <= start:
        raise PlannerError("export.failed", f"the range {start} – {end} is empty; 'to' must come after 'from'")
    _ensure_app()
    from .gantt.export_layout import TimelinePicture

    picture = TimelinePicture(project, _schedule(project), start, end, milestones_only=milestones_only,
                              title=title, baseline=baseline)
    try:
        if suffix == ".png":
            picture.write_png(path, width, dpi, height)
        elif suffix == ".svg":
            picture.write_svg(path, width)
        else:
            picture.write_pdf(path, page_size, dpi)
    except OSError as error:
        raise PlannerError("export.failed", f"'{path}' could not be written: {error.strerror or error}",
                           [str(path)]) from None
    return path
