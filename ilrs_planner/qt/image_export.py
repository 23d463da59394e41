"""Timeline images for briefings: PNG at any pixel size or DPI, vector SVG, PDF on A4/A3 landscape.

The same scene builder and painters as the on-screen chart draw the picture at the target
resolution (QPainter scaled, so text is rendered for the final pixels, never an enlarged
screenshot). Works headless: a QGuiApplication is created if none exists.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..domain import PlannerError, Project
from .gantt.zoom import plan_dates, whole_plan_range

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
                 page_size: str = "A3", one_page: bool = False, rows: list[str] | None = None,
                 warnings: list[str] | None = None) -> Path:
    """Write the plan's timeline to `path` (.png, .svg or .pdf); returns the path written.

    `rows` limits the picture to those tasks (the window's expanded rows); what had to be folded
    to fit a fixed size is appended to `warnings`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise PlannerError("export.failed", f"'{path.name}': choose a .png, .svg or .pdf file name", [str(path)])
    if page_size not in PAGE_SIZES:
        raise PlannerError("export.failed", f"page size '{page_size}' is not one of {', '.join(PAGE_SIZES)}")
    if baseline is not None:
        project.baseline(baseline)  # raises baseline.unknown naming the choices
    scheduled = _schedule(project)
    start, end = _shown_range(project, scheduled, date_from, date_to)
    _ensure_app()
    from .gantt import export_pdf, export_writers
    from .gantt.export_layout import TimelinePicture

    picture = TimelinePicture(project, scheduled, start, end, milestones_only=milestones_only,
                              title=title, baseline=baseline, rows=rows)
    try:
        if suffix == ".png":
            export_writers.write_png(picture, path, width, dpi, height)
        elif suffix == ".svg":
            export_writers.write_svg(picture, path, width, height)
        else:
            export_pdf.write_pdf(picture, path, page_size, dpi, one_page)
    except OSError as error:
        raise PlannerError("export.failed", f"'{path}' could not be written: {error.strerror or error}",
                           [str(path)]) from None
    if warnings is not None:
        warnings.extend(picture.warnings)
    return path


def _shown_range(project: Project, scheduled, date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """[start, end) of a picture: the dates given, else the whole plan as "Whole programme" shows it
    (its own dates with a margin; the ILRS roadmap over 2018–2052)."""
    start, end = whole_plan_range(*plan_dates(project, scheduled))
    # One end given: the other is the plan's, or, when that would leave nothing, the plan's length away.
    if date_from and not date_to and end <= date_from:
        end = date_from + (end - start)
    if date_to and not date_from and start >= date_to:
        start = date_to - (end - start)
    start, end = date_from or start, date_to or end
    if end <= start:
        raise PlannerError("export.failed", f"the range {start} – {end} is empty; 'to' must come after 'from'")
    return start, end


def timeline_image(project: Project, *, rows: list[str], date_from: date, date_to: date, baseline: str | None,
                   width: int = 1920, height: int = 1080, warnings: list[str] | None = None):
    """The chart as shown (its rows, its dates, its baseline) as a QImage of exactly width × height,
    for the clipboard: what a person pastes into a slide."""
    _ensure_app()
    from .gantt.export_layout import TimelinePicture
    from .gantt.export_writers import render_image

    picture = TimelinePicture(project, _schedule(project), date_from, date_to, milestones_only=False, title=None,
                              baseline=baseline, rows=rows)
    image = render_image(picture, width, height)
    if warnings is not None:
        warnings.extend(picture.warnings)
    return image


def export_history(project: Project, path, *, size: tuple[int, int] | None = None, milestones_only: bool = False,
                   date_from: date | None = None, date_to: date | None = None, title: str | None = None,
                   warnings: list[str] | None = None) -> int:
    """The roadmap's history: a .gif (or full-colour .apng) with one frame per baseline plus the
    current plan, or a .png sheet of all of them (small multiples). Returns the number of frames."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".gif", ".apng", ".png"):
        raise PlannerError("export.failed", f"'{path.name}': a history is a .gif or .apng (animation) or .png "
                           "(one sheet)", [str(path)])
    if not project.baselines:
        raise PlannerError("export.failed", "the plan has no baselines, so it has no history to draw")
    scheduled = _schedule(project)
    start, end = _shown_range(project, scheduled, date_from, date_to)
    _ensure_app()
    from .gantt import history_export

    width, height = size or history_export.FRAME_SIZE
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise PlannerError("export.failed", "choose a frame size between 200 and 8,000 pixels a side")
    pictures = history_export.history_pictures(project, scheduled, start, end,
                                               milestones_only=milestones_only, title=title)
    frames = history_export.render_frames(pictures, (width, height))
    try:
        if suffix == ".gif":
            history_export.write_gif(frames, path)
        elif suffix == ".apng":
            history_export.write_apng(frames, path)
        else:
            steps = history_export.moments(project)
            span = f"{steps[0].as_of.year}–{steps[-1].as_of.year}" if steps[-1].as_of else ""
            history_export.write_sheet(frames, steps, path, f"{title or project.name}: the roadmap as announced {span}")
    except OSError as error:
        raise PlannerError("export.failed", f"'{path}' could not be written: {error.strerror or error}",
                           [str(path)]) from None
    if warnings is not None:
        warnings.extend(dict.fromkeys(w for picture in pictures for w in picture.warnings))
    return len(frames)
