"""A whole timeline laid out for a page or an image: title, axis, rows, legend, footer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgGenerator

from ...chart import SceneOptions, TimeScale, axis_header, build_chart_data, build_scene
from ...chart.data import KIND_SUMMARY
from ...domain import PlannerError, Project
from ..file_output import buffered_file
from .legend import legend_height, legend_items, paint_legend
from .painter import paint_background, paint_header, paint_phase_names, paint_scene
from .style import GRID_MAJOR, LABEL_TEXT, MUTED_TEXT, ChartStyle

A3_WIDTH_INCHES = 420 / 25.4  # a PNG asked for by DPI alone is an A3-landscape-wide picture
LOGICAL_WIDTH = 1920.0  # layout width in logical pixels; larger outputs scale it up
MARGIN = 28.0
ROW_HEIGHT = 22.0
MIN_ROW_HEIGHT = 9.0
MAX_PNG_SIDE = 20000  # pixels; a taller raster needs gigabytes and no viewer shows it whole
PHASE_STRIP_ROWS = 1.2  # room under the last row for the phase names
TITLE_PX, SUBTITLE_PX, FOOTER_PX = 26.0, 14.0, 11.0


class TimelinePicture:
    """The timeline of one plan over [start, end), ready to paint at any size."""

    def __init__(self, project: Project, schedule, start: date, end: date, *, milestones_only: bool,
                 title: str | None, baseline: str | None):
        self.project, self.schedule, self.start, self.end = project, schedule, start, end
        self.title = title or project.name
        self.baseline = baseline
        rows = [t.id for t, _ in project.walk()]
        summaries = project.summary_ids()
        if milestones_only:
            rows = [tid for tid in rows if project.tasks[tid].duration == 0 and tid not in summaries]
        self.data = self._in_range(build_chart_data(project, schedule, rows, baseline=baseline), rows)
        self.legend = legend_items(project, self.data.task_ids, baseline=baseline is not None)

    def _in_range(self, data, rows):
        """Keep the rows that have something to draw inside the chosen dates."""
        far = np.fmax(data.finish, np.nan_to_num(data.soft1, nan=-np.inf))
        keep = (far >= self.start.toordinal()) & (data.start <= self.end.toordinal())
        kept = [rows[i] for i in np.nonzero(keep)[0].tolist()]
        if len(kept) == len(rows):
            return data
        return build_chart_data(self.project, self.schedule, kept, baseline=self.baseline)

    # -- geometry ---------------------------------------------------------------------------
    def _style(self, row_height: float = ROW_HEIGHT) -> ChartStyle:
        return ChartStyle(row_height=row_height, header_height=46, font_px=min(13.0, max(row_height * 0.58, 8.0)))

    def _fixed_height(self, width: float, style: ChartStyle) -> float:
        """Everything except the rows: title, header, legend, footer and margins."""
        return (MARGIN + TITLE_PX * 1.3 + SUBTITLE_PX * 1.8 + 10 + style.header_height + 14
                + legend_height(self.legend, width - 2 * MARGIN, style) + 12 + FOOTER_PX * 2 + MARGIN)

    def natural_height(self, width: float) -> float:
        """Height at the normal row height."""
        style = self._style()
        return self._fixed_height(width, style) + (max(len(self.data), 1) + PHASE_STRIP_ROWS) * ROW_HEIGHT

    def fitted_style(self, width: float, height: float) -> ChartStyle:
        """A style whose rows fill (or fit into) the given height."""
        style = self._style()
        for _ in range(2):  # twice: the legend's height depends on the font the row height sets
            avail = height - self._fixed_height(width, style)
            row_h = min(max(avail / (max(len(self.data), 1) + PHASE_STRIP_ROWS), MIN_ROW_HEIGHT), 34.0)
            style = self._style(row_h)
        return style

    # -- painting ---------------------------------------------------------------------------
    def paint(self, p: QPainter, width: float, height: float, style: ChartStyle) -> None:
        """Paint the whole picture into a logical width x height."""
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setRenderHint(QPainter.TextAntialiasing, True)
        y = self._paint_title(p, width)
        chart_w = width - 2 * MARGIN
        rows_h = (max(len(self.data), 1) + PHASE_STRIP_ROWS) * style.row_height
        y = self._paint_chart(p, QRectF(MARGIN, y, chart_w, style.header_height + rows_h), style)
        paint_legend(p, self.legend, QPointF(MARGIN, y + 14), chart_w, style)
        self._paint_footer(p, width, height)

    def _paint_title(self, p: QPainter, width: float) -> float:
        p.setPen(LABEL_TEXT)
        p.setFont(_font(TITLE_PX, bold=True))
        y = MARGIN
        p.drawText(QRectF(MARGIN, y, width - 2 * MARGIN, TITLE_PX * 1.3), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        y += TITLE_PX * 1.3
        p.setPen(MUTED_TEXT)
        p.setFont(_font(SUBTITLE_PX))
        p.drawText(QRectF(MARGIN, y, width - 2 * MARGIN, SUBTITLE_PX * 1.8), Qt.AlignLeft | Qt.AlignVCenter,
                   self._subtitle())
        return y + SUBTITLE_PX * 1.8 + 10

    def _subtitle(self) -> str:
        parts = [f"As of {self.project.status_date.isoformat()}" if self.project.status_date else "No status date set"]
        parts.append(f"{self.start.year}–{self.end.year - (1 if self.end.timetuple().tm_yday == 1 else 0)}")
        if self.schedule is not None:
            parts.append(f"plan finish {self.schedule.project_finish.isoformat()}")
            # Work that is critical, as the window's status bar counts it: phases spanning it are not extra tasks.
            critical = int((self.data.critical & (self.data.kind != KIND_SUMMARY)).sum())
            parts.append(f"{critical} critical tasks of {len(self.data)} rows shown")
        if self.baseline:
            parts.append(f"compared with baseline “{self.baseline}”")
        return "  ·  ".join(parts)

    def _paint_chart(self, p: QPainter, rect: QRectF, style: ChartStyle) -> float:
        scale = TimeScale.fit(self.start, self.end, rect.width())
        opts = SceneOptions(row_height=style.row_height, today=date.today(), status_date=self.project.status_date,
                            text_width=style.text_width(), bold_text_width=style.text_width(style.bold_font))
        scene = build_scene(self.data, scale, rect.width(), 0, len(self.data) - 1, opts)
        header = axis_header(scale, rect.width(), style.text_width(style.header_font))
        p.save()
        p.translate(rect.topLeft())
        p.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        rows_h = rect.height() - style.header_height
        paint_background(p, scene, header, style.header_height, rows_h, style, style.header_height)
        paint_scene(p, scene, style.header_height, style, style.header_height, rows_h)
        if not len(self.data):
            p.setPen(MUTED_TEXT)
            p.drawText(QRectF(0, style.header_height, rect.width(), rows_h), Qt.AlignCenter, "No tasks in this range")
        strip = style.row_height * PHASE_STRIP_ROWS
        paint_phase_names(p, scene.phases, QRectF(0, rect.height() - strip, rect.width(), strip), style)
        p.setClipping(False)
        paint_header(p, header, rect.width(), style)
        p.setPen(QPen(GRID_MAJOR, 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(0, 0, rect.width(), rect.height()))
        p.restore()
        return rect.bottom()

    def _paint_footer(self, p: QPainter, width: float, height: float) -> None:
        y = height - MARGIN - FOOTER_PX * 1.6
        p.setPen(QPen(GRID_MAJOR, 0.8))
        p.drawLine(QPointF(MARGIN, y - 4), QPointF(width - MARGIN, y - 4))
        p.setPen(MUTED_TEXT)
        p.setFont(_font(FOOTER_PX))
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        box = QRectF(MARGIN, y, width - 2 * MARGIN, FOOTER_PX * 1.6)
        p.drawText(box, Qt.AlignLeft | Qt.AlignVCenter, f"{self.project.name}  ·  generated {stamp}")
        p.drawText(box, Qt.AlignRight | Qt.AlignVCenter, "ILRS Planner")

    # -- writers ----------------------------------------------------------------------------
    def write_png(self, path: Path, width: int | None, dpi: int | None, height: int | None) -> None:
        """A PNG `width` pixels wide (or an A3-landscape width at `dpi`), text drawn at that size."""
        px_w = int(width or (round(A3_WIDTH_INCHES * dpi) if dpi else 3840))
        if not 200 <= px_w <= MAX_PNG_SIDE or (height is not None and not 200 <= height <= MAX_PNG_SIDE):
            raise PlannerError("export.failed", "choose an image size between 200 and 20,000 pixels")
        # By DPI: text keeps its printed size (12 px at 96 dpi). By width: the layout is 1920
        # logical pixels wide, scaled up for larger images, never down (small images stay legible).
        zoom = max(dpi / 96.0, 1.0) if dpi and not width else max(px_w / LOGICAL_WIDTH, 1.0)
        logical_w = px_w / zoom
        if height is None and self.natural_height(logical_w) * zoom > MAX_PNG_SIDE:
            height = MAX_PNG_SIDE  # a very long plan: shrink the rows rather than fail to allocate
        logical_h = height / zoom if height else self.natural_height(logical_w)
        style = self.fitted_style(logical_w, logical_h) if height else self._style()
        self._check_rows_fit(style, logical_w, logical_h, zoom)
        # Opaque RGB: the PNG encoder then writes 3 bytes a pixel instead of 4 (a third faster).
        image = QImage(px_w, int(round(logical_h * zoom)), QImage.Format_RGB32)
        if dpi:
            image.setDotsPerMeterX(int(dpi / 0.0254))
            image.setDotsPerMeterY(int(dpi / 0.0254))
        image.fill(QColor("white"))
        p = QPainter(image)
        p.scale(zoom, zoom)
        self.paint(p, logical_w, logical_h, style)
        p.end()
        # Quality 70 = a light zlib level: a 4K chart encodes ~2x faster for ~15 % more bytes.
        with buffered_file(path) as out:
            if not image.save(out, "PNG", 70):
                raise OSError(f"the PNG writer failed for {path}")

    def _check_rows_fit(self, style: ChartStyle, width: float, height: float, zoom: float) -> None:
        """Refuse, before painting, a picture whose rows cannot be drawn legibly in its height."""
        needed = self._fixed_height(width, style) + (max(len(self.data), 1) + PHASE_STRIP_ROWS) * style.row_height
        if needed > height + 1:
            raise PlannerError(
                "export.failed",
                f"{len(self.data):,} rows do not fit legibly in a {round(height * zoom):,}-pixel-tall PNG "
                f"(at most about {int(height // MIN_ROW_HEIGHT):,} rows at this width); choose milestones only, "
                "a narrower image, or SVG/PDF")

    def write_svg(self, path: Path, width: int | None) -> None:
        """A vector SVG (text stays text) at `width` logical pixels."""
        logical_w = float(width or LOGICAL_WIDTH)
        logical_h = self.natural_height(logical_w)
        with buffered_file(path) as out:
            generator = QSvgGenerator()
            generator.setOutputDevice(out)
            generator.setSize(QSize(int(logical_w), int(logical_h)))
            generator.setViewBox(QRectF(0, 0, logical_w, logical_h))
            generator.setTitle(self.title)
            generator.setDescription(f"{self.project.name} — ILRS Planner")
            p = QPainter(generator)
            if not p.isActive():
                raise OSError(f"the SVG writer could not start for {path}")
            self.paint(p, logical_w, logical_h, self._style())
            p.end()

    def write_pdf(self, path: Path, page_size: str, dpi: int | None) -> None:
        """A one-page vector PDF on A4 or A3 landscape; rows shrink to fit the page."""
        with buffered_file(path) as out:
            self._paint_pdf(QPdfWriter(out), path, page_size, dpi)

    def _paint_pdf(self, writer: QPdfWriter, path: Path, page_size: str, dpi: int | None) -> None:
        size = QPageSize(QPageSize.A3 if page_size == "A3" else QPageSize.A4)
        writer.setPageLayout(QPageLayout(size, QPageLayout.Landscape, QMarginsF(0, 0, 0, 0)))
        writer.setResolution(int(dpi or 300))
        writer.setTitle(self.title)
        writer.setCreator("ILRS Planner")
        p = QPainter(writer)
        if not p.isActive():
            raise OSError(f"the PDF writer could not open {path}")
        logical_w = 1600.0 if page_size == "A3" else 1280.0
        zoom = writer.width() / logical_w
        logical_h = writer.height() / zoom
        p.scale(zoom, zoom)
        self.paint(p, logical_w, logical_h, self.fitted_style(logical_w, logical_h))
        p.end()


def _font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(int(round(pixel_size)))
    font.setBold(bold)
    return font
