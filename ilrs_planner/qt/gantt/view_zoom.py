"""How the chart's dates are chosen: the zoom presets, a range fitted across the chart and kept
fitted as the window is resized, panning and zooming by hand, and the horizontal scroll bar.

A preset or a fitted range is remembered until the planner pans or zooms by hand: "Whole
programme" chosen in a small window is still the whole programme once the window is maximised, and
follows the plan's dates as edits move them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QScrollBar

from ...chart import ChartData, TimeScale
from ..document import Document
from .canvas import GanttCanvas
from .style import ChartStyle
from .zoom import plan_dates, preset_range, whole_plan_range

SCROLL_MARGIN_DAYS = 365 * 3  # the scroll bar reaches beyond the plan's span by as much as it lasts, up to this


class ViewZoom:
    """Mixed into GanttView: its time scale, zoomed, panned and scrolled."""

    document: Document
    canvas: GanttCanvas
    hscroll: QScrollBar
    style: ChartStyle
    scale: TimeScale
    vertical_offset: int
    _pending_preset: str | None
    _fitted: tuple[date, date] | None
    _whole: bool

    if TYPE_CHECKING:  # GanttView's own, and the QWidget it is
        zoomChanged: SignalInstance

        def isVisible(self) -> bool: ...  # noqa: N802 - QWidget's name

        def rows(self) -> list[str]: ...

        def chart_data(self) -> ChartData: ...

        def set_vertical_offset(self, px: int) -> None: ...

        def _repaint(self, *_args) -> None: ...

    def zoom_preset(self, name: str) -> None:
        """Apply a toolbar preset: 'programme', '10y', '2y', 'quarter' or 'selection'."""
        if self.canvas.width() <= 1 or not self.isVisible():
            self._pending_preset = name  # applied once the widget has a width
        start, end = self._selection_range() if name == "selection" else preset_range(
            name, *self.visible_range(), plan=plan_dates(self.document.project, self.document.schedule))
        self.zoom_to_range(start, end)
        self._whole = name == "programme"

    def whole_plan(self) -> tuple[date, date]:
        """[start, end) of "Whole programme": the plan's own dates with a margin (a roadmap: 2018–2052)."""
        return whole_plan_range(*plan_dates(self.document.project, self.document.schedule))

    def zoom_to_range(self, start: date, end: date) -> None:
        """Show [start, end) across the chart width (kept across resizes until a pan or zoom by hand)."""
        self._fitted, self._whole = (start, end), False
        self.scale = TimeScale.fit(start, end, max(self.canvas.width(), 1))
        self._zoomed()

    def show_range(self, start: date, end: date) -> None:
        """Show [start, end) as a plan was left (kept across resizes, and once the chart has a width,
        instead of the whole plan a plan opens with)."""
        self._pending_preset = None
        self.zoom_to_range(start, end)

    def show_date(self, day: date, at: float = 0.15) -> None:
        """Pan (keeping the zoom) so `day` sits at fraction `at` of the chart's width from the left."""
        width = max(self.canvas.width(), 1)
        origin = day.toordinal() - width * at / self.scale.px_per_day
        self.pan_to(TimeScale(origin, self.scale.px_per_day), self.vertical_offset)

    def zoom_step(self, factor: float) -> None:
        """Zoom in (factor > 1) or out around the middle of the chart (Ctrl+= / Ctrl+-)."""
        self.zoom_by(factor, self.canvas.width() / 2)

    def visible_range(self) -> tuple[date, date]:
        """The dates at the left and right edges of the chart."""
        return self.scale.visible_range(self.canvas.width())

    def pan_to(self, scale: TimeScale, v_offset: float) -> None:
        """Move the view (drag on the background, wheel)."""
        self._fitted = None if scale != self.scale else self._fitted
        self.scale = scale
        self.set_vertical_offset(int(min(v_offset, self._max_offset())))
        self._zoomed()

    def zoom_by(self, factor: float, anchor_x: float) -> None:
        """Magnify around a chart x (Ctrl+wheel keeps the date under the cursor still)."""
        self._fitted = None
        self.scale = self.scale.zoomed(factor, anchor_x)
        self._zoomed()

    def canvas_resized(self, old_width: int, new_width: int) -> None:
        """Apply a pending preset once the canvas has a real width; keep a fitted range fitted.

        "Whole programme" chosen in a small window must still be the whole programme after the
        window is maximised; after a hand zoom or pan the scale is the user's and stays."""
        if self._pending_preset and new_width > 1:
            name, self._pending_preset = self._pending_preset, None
            self.zoom_preset(name)
            self._pending_preset = None
        elif self._fitted is not None and new_width > 1 and new_width != old_width:
            self.zoom_to_range(*self._fitted)

    def _follow_whole_plan(self) -> None:
        """While the chart shows the whole plan (as a plan opens, or after Ctrl+0) and nobody zoomed or
        scrolled since, it keeps showing the whole plan as edits move its first or last date: a plan
        built from scratch grew to 2030 while the chart stayed on the week it was begun in."""
        if not self._whole or self._fitted is None or self._pending_preset:
            return
        whole = self.whole_plan()
        if whole != self._fitted:
            self.zoom_to_range(*whole)
            self._whole = True

    def _selection_range(self) -> tuple[date, date]:
        data = self.chart_data()
        rows = [data.row_of[t] for t in self.document.selected_ids if t in data.row_of] or list(range(len(data)))
        if not rows:
            return self.whole_plan()
        starts, finishes = data.start[rows], data.finish[rows]
        if np.isnan(starts).all():  # a history step before any of them was announced
            return self.whole_plan()
        lo, hi = int(np.nanmin(starts)), int(np.nanmax(finishes))
        pad = max((hi - lo) // 20, 7)
        return date.fromordinal(lo - pad), date.fromordinal(hi + pad)

    def _max_offset(self) -> int:
        chart_h = self.canvas.height() - self.style.header_height
        return max(0, len(self.rows()) * int(self.style.row_height) - chart_h + int(self.style.row_height))

    def _zoomed(self) -> None:
        self._sync_scrollbar()
        self.zoomChanged.emit()
        self._repaint()

    def _sync_scrollbar(self) -> None:
        data = self.chart_data()
        known = data.start[~np.isnan(data.start)]  # a history step leaves tasks announced later undated
        first, end = (day.toordinal() for day in self.whole_plan())
        first, end = min(first, int(known.min()) if len(known) else first), max(
            end, int(np.nanmax(data.finish)) if len(known) else end)
        page = int(self.scale.days_in(max(self.canvas.width(), 1)))
        shown = int(self.scale.origin)  # never outside the bar's range, or the next scroll would jump
        margin = min(max(end - first, page, 30), SCROLL_MARGIN_DAYS)
        lo, hi = min(first, shown) - margin, max(end, shown + page) + margin
        self.hscroll.blockSignals(True)
        self.hscroll.setRange(lo, max(lo, hi - page))
        self.hscroll.setPageStep(max(page, 1))
        self.hscroll.setSingleStep(max(page // 20, 1))
        self.hscroll.setValue(int(self.scale.origin))
        self.hscroll.blockSignals(False)

    def _scrolled(self, value: int) -> None:
        self._fitted = None
        self.scale = TimeScale(float(value), self.scale.px_per_day)
        self.zoomChanged.emit()
        self._repaint()
