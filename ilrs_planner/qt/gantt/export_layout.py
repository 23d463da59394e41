"""A whole timeline laid out for a page or an image: title, axis, rows, legend, footer."""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ...chart import SceneOptions, TimeScale, axis_header, build_chart_data, build_scene
from ...chart.data import ChartData, symbols_in
from ...chart.fold import fold_to_fit, folding_note
from ...chart.history import Moment, history_chart_data
from ...chart.nonworking import WorkingDays
from ...chart.tags import TagLayout, rows_needed
from ...chart.tracking import key_lines
from ...domain import Project
from .legend import legend_height, legend_items, paint_legend, symbols_used
from .marks import tag_specs_for
from .page_furniture import SCREEN, Furniture
from .page_texts import PageTexts
from .painter import axis_label_rects, paint_background, paint_header, paint_phase_names, paint_scene
from .style import GRID_MAJOR, MUTED_TEXT, ChartStyle

MAX_TAG_ROWS = 3
HISTORY_TAG_ROWS = 1
ROW_HEIGHT = 22.0
MIN_ROW_HEIGHT = 9.0
MAX_FIT_ROW_HEIGHT = 48.0  # a short plan on a tall page stops here rather than draw giant rows
FONT_PX = (8.0, 13.0, 16.0)  # smallest, usual and largest text of the rows; past the usual only on tall rows
TALL_ROW = 30.0  # rows taller than this (a short plan on a slide) get larger text, up to FONT_PX[2]
READABLE_ROW_HEIGHT = 20.0  # logical px; a slide folds branches rather than go below this
PHASE_STRIP_ROWS = 1.2  # room under the last row for the phase names


class TimelinePicture(PageTexts):
    """The timeline of one plan over [start, end), ready to paint at any size."""

    furniture: Furniture = SCREEN  # the title, margins and footer around the rows (a page sets PRINTED)

    def __init__(self, project: Project, schedule, start: date, end: date, *, milestones_only: bool,
                 title: str | None, baseline: str | None, rows: list[str] | None = None,
                 moment: Moment | None = None):
        self.project, self.schedule, self.start, self.end = project, schedule, start, end
        self.title = title or project.name
        self.baseline = baseline
        # A step of the roadmap's history: that baseline's dates, with the same rows in every step.
        self.moment = moment if moment is not None and moment.baseline is not None else None
        self.in_history = moment is not None  # a frame of the history (its last is the current plan)
        self.warnings: list[str] = []
        self.page_note = ""  # "page 2 of 3" on a paged PDF
        self.tags = TagLayout([], [])  # where the header's tags went in the last painting
        self.label_rects: list[QRectF] = []  # the time axis labels' rectangles then (chart coordinates)
        self.painted_style: ChartStyle | None = None  # the style of the last painting
        self.painted_scene = None  # the rows' scene of the last painting (where each bar's name went)
        self.drawn: set[str] = set()  # the legend's symbol keys the bars are drawn with
        self.legend_symbols: set[str] | None = None  # those the legend names instead (share_legend)
        self.painted_texts: dict[str, str] = {}  # the title, subtitle and footer as painted (cut to fit)
        self._figures: tuple[object, list[str]] | None = None  # the rows' data and the subtitle's plan figures
        rows = [t.id for t, _ in project.walk()] if rows is None else list(rows)
        summaries = project.summary_ids()
        if milestones_only:
            rows = [tid for tid in rows if project.tasks[tid].duration == 0 and tid not in summaries]
        if moment is not None:
            self._set_rows(rows)
        else:
            every = build_chart_data(project, schedule, rows, baseline=baseline)
            shown = self._in_range(every, rows)
            # Every row inside the dates (a whole plan printed): the rows' data is the one just built.
            self._set_rows(shown, every if len(shown) == len(rows) else None)

    def _set_rows(self, rows: list[str], data: ChartData | None = None) -> None:
        if data is not None:
            self.data = data
        elif self.moment is not None:
            self.data = history_chart_data(self.project, self.moment, rows, self.schedule)
        else:
            self.data = build_chart_data(self.project, self.schedule, rows, baseline=self.baseline)
        # The symbols the bars were drawn with (a pushed task's bar is drawn as its confidence shown), as the
        # window's legend reads them; rolled-up milestones' own. A history frame's too: its bars are drawn
        # as that moment's dates push them (a task stating nothing drawn inferred had no "Inferred" entry).
        rolled = [task for task in map(self.project.tasks.get, self.data.rollups.task_ids) if task is not None]
        self.drawn = symbols_in(self.data) | symbols_used(rolled)
        self._make_legend()

    def _make_legend(self) -> None:
        shown = self.data.task_ids + self.data.rollups.task_ids  # rolled-up milestones show their owners too
        drawn = self.drawn if self.legend_symbols is None else self.legend_symbols
        # Today and the status date are named only when their lines fall inside the image's dates (a
        # work package's six weeks printed in 2026 has no today line to explain).
        self.legend = legend_items(self.project, shown, baseline=self.baseline is not None,
                                   today=self._drawn_day(self._today()), status=self._drawn_day(self._status_date()),
                                   drawn=drawn, slip_scale=self.data.slip_scale)

    def share_legend(self, symbols: set[str]) -> None:
        """Name `symbols` in the legend, now and after any folding: the frames of a history share the
        symbols any of them draws, so every frame has the same legend, the same room for its rows and
        so the same rows."""
        self.legend_symbols = symbols
        self._make_legend()

    def _in_range(self, data, rows) -> list[str]:
        """The rows that have something to draw inside the chosen dates."""
        far = np.fmax(data.finish, np.nan_to_num(data.soft1, nan=-np.inf))
        keep = (far >= self.start.toordinal()) & (data.start <= self.end.toordinal())
        if len(data.rollups):  # a rolled-up summary shows its milestones even if its bar is out of range
            keep[np.unique(data.rollups.row)] = True
        return [rows[i] for i in np.nonzero(keep)[0].tolist()]

    def fold_to(self, width: float, height: float, size_text: str, readable: float = READABLE_ROW_HEIGHT) -> None:
        """Fold the biggest branches until the rows fit `height` at the `readable` row height (a
        slide's, unless a page says its own), and record a warning naming what was folded."""
        style = self._style(readable, width)
        room = int((height - self._fixed_height(width, style)) // readable - PHASE_STRIP_ROWS)
        if len(self.data) <= max(room, 1):
            return
        ids = self.data.task_ids
        critical = frozenset(ids[i] for i in np.nonzero(self.data.critical)[0].tolist())
        rows, folded = fold_to_fit(self.project, ids, max(room, 1), critical)
        if folded:
            self._set_rows(rows)
            self.warnings.append(folding_note(folded, size_text))

    # -- geometry ---------------------------------------------------------------------------
    def _style(self, row_height: float = ROW_HEIGHT, width: float | None = None,
               font_px: float | None = None) -> ChartStyle:
        """The style at a row height (its text sized from it, unless `font_px` says); the header gets
        as many tag rows as the marks' names need at `width` (the page's width: the chart is that
        less the margins)."""
        if font_px is None:
            small, usual, large = FONT_PX
            # A short plan fills a slide with taller rows and text a room can read, not a band of
            # small print over an empty lower half.
            font_px = min(usual, max(row_height * 0.58, small))
            font_px += min(max((row_height - TALL_ROW) * 0.2, 0.0), large - usual)
        axis = self.furniture.axis_height
        base = ChartStyle(row_height=row_height, header_height=axis, font_px=font_px)
        if self.in_history:  # the frames of an animation keep one header, so their rows never jump
            rows = HISTORY_TAG_ROWS
        else:
            rows = MAX_TAG_ROWS if width is None else self._tag_rows(width - 2 * self.furniture.margin, base)
        return ChartStyle(row_height=row_height, header_height=axis + rows * base.tag_row_height,
                          font_px=font_px, tag_rows=rows)

    def _tag_rows(self, chart_w: float, style: ChartStyle) -> int:
        """Rows of tags the header needs for every mark's whole name (0 without marks)."""
        scale = TimeScale.fit(self.start, self.end, chart_w)
        specs = tag_specs_for(key_lines(self.data, scale, chart_w), _x_in(scale, self._today(), chart_w),
                              _x_in(scale, self._status_date(), chart_w), self._today(), self._status_date())
        return rows_needed(specs, chart_w, style.text_width(style.bold_font), MAX_TAG_ROWS) if specs else 0

    def _today(self) -> date | None:
        return None if self.moment is not None else date.today()  # a past announcement has no "today"

    def _status_date(self) -> date | None:
        return self.moment.as_of if self.moment is not None else self.project.status_date

    def _drawn_day(self, day: date | None) -> bool:
        """Is `day`'s line drawn: a day of the image's dates, outside a past announcement's frame?"""
        return self.moment is None and day is not None and self.start <= day <= self.end

    def _fixed_height(self, width: float, style: ChartStyle) -> float:
        """Everything except the rows: title, header, legend, footer and margins."""
        f = self.furniture
        return (f.top + style.header_height + f.legend_gap + legend_height(self.legend, width - 2 * f.margin, style)
                + f.bottom)

    def natural_height(self, width: float) -> float:
        """Height at the normal row height."""
        style = self._style(width=width)
        return self._fixed_height(width, style) + (max(len(self.data), 1) + PHASE_STRIP_ROWS) * ROW_HEIGHT

    def fitted_style(self, width: float, height: float, rows: int | None = None) -> ChartStyle:
        """The style with the tallest rows (up to MAX_FIT_ROW_HEIGHT) that fit the given height: all
        the rows, or a page's `rows`."""
        count = max(len(self.data) if rows is None else rows, 1) + PHASE_STRIP_ROWS

        def fits(row_h: float) -> bool:
            return self._fixed_height(width, self._style(row_h, width)) + count * row_h <= height + 1

        # The legend and the tag band grow with the font the row height sets, so taller rows never
        # fit where shorter ones do not: halving the interval finds the tallest that fits. (Shrinking
        # from one guess, as before, kept the room a first too-tall legend took: a gap above the footer.)
        low, high = MIN_ROW_HEIGHT, MAX_FIT_ROW_HEIGHT
        if fits(high):
            return self._style(high, width)
        for _ in range(16):
            middle = (low + high) / 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        return self._style(low, width)

    # -- painting ---------------------------------------------------------------------------
    def paint(self, p: QPainter, width: float, height: float, style: ChartStyle,
              rows: tuple[int, int] | None = None) -> None:
        """Paint the picture into a logical width x height: all rows, or rows [first, last) (a page)."""
        first, last = rows or (0, len(self.data))
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setRenderHint(QPainter.TextAntialiasing, True)
        y = self._paint_title(p, width)
        margin = self.furniture.margin
        chart_w = width - 2 * margin
        rows_h = (max(last - first, 1) + PHASE_STRIP_ROWS) * style.row_height
        y = self._paint_chart(p, QRectF(margin, y, chart_w, style.header_height + rows_h), style, first, last)
        paint_legend(p, self.legend, QPointF(margin, y + self.furniture.legend_gap), chart_w, style)
        self._paint_footer(p, width, height)

    def _paint_chart(self, p: QPainter, rect: QRectF, style: ChartStyle, first: int, last: int) -> float:
        scale = TimeScale.fit(self.start, self.end, rect.width())
        history = self.moment is not None
        opts = SceneOptions(row_height=style.row_height, today=self._today(), status_date=self._status_date(),
                            text_width=style.text_width(), bold_text_width=style.text_width(style.bold_font),
                            working_days=None if history else WorkingDays(self.project.default_calendar()))
        self.painted_scene = scene = build_scene(self.data, scale, rect.width(), first, last - 1, opts)
        header = axis_header(scale, rect.width(), style.text_width(style.header_font))
        p.save()
        p.translate(rect.topLeft())
        rows_h = rect.height() - style.header_height
        dy = style.header_height - first * style.row_height  # row `first` is the top row of this page
        p.setClipRect(QRectF(0, 0, rect.width(), style.header_height + (last - first) * style.row_height))
        paint_background(p, scene, header, dy, rows_h, style, style.header_height)
        paint_scene(p, scene, dy, style, style.header_height, (last - first) * style.row_height)
        p.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        strip = style.row_height * PHASE_STRIP_ROWS
        if not len(self.data):  # centred in the rows' room, above the phase strip that would cover it
            p.setPen(MUTED_TEXT)
            p.drawText(QRectF(0, style.header_height, rect.width(), rows_h - strip), Qt.AlignCenter,
                       "No tasks in this range")
        paint_phase_names(p, scene.phases, QRectF(0, rect.height() - strip, rect.width(), strip), style)
        p.setClipping(False)
        self.tags, self.painted_style = paint_header(p, header, rect.width(), style, scene, opts), style
        self.label_rects = [r for r, _text, _major in axis_label_rects(header, rect.width(), style)]
        p.setPen(QPen(GRID_MAJOR, 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(0, 0, rect.width(), rect.height()))
        p.restore()
        return rect.bottom()


def _x_in(scale: TimeScale, day: date | None, width: float) -> float | None:
    """Where a date's line falls, or None off the chart."""
    x = scale.x_of(day) if day is not None else -1.0
    return x if 0 <= x <= width else None

