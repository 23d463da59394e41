"""GanttView: the chart beside the task tree, reading the Document and pushing commands."""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QScrollBar, QToolBar, QVBoxLayout, QWidget

from ...chart import ChartData, SceneOptions, TimeScale, build_chart_data
from ...chart.history import Moment, history_chart_data
from ...chart.nonworking import WorkingDays
from ...chart.refresh import Edits, refresh_chart_data
from ...commands.base import ChangeSet
from ...engine.shown_confidence import ShownConfidence
from ..change_effects import effects_of
from ..document import Document
from .canvas import GanttCanvas, today
from .legend_strip import LegendStrip
from .strips import PhaseStrip
from .style import ChartStyle
from .zoom import PRESETS, plan_dates, preset_range, whole_plan_range

SCROLL_MARGIN_DAYS = 365 * 3  # the scroll bar reaches beyond the plan's span by as much as it lasts, up to this
AXIS_HEIGHT = 44  # the two-level time axis; the rows of date tags sit above it
TAG_ROWS = 2  # enough for the roadmap's key dates, today and the status date at 800 px


class GanttView(QWidget):
    """The Gantt chart: rows given by the tree, time scale zoomed/panned here."""

    ROW_HEIGHT = 24
    rowHeight = ROW_HEIGHT
    verticalOffsetChanged = Signal(int)
    zoomChanged = Signal()
    linkMenuShown = Signal(object)  # the QMenu of a right-clicked link (tests and plug-ins)
    taskMenuRequested = Signal(object, object)  # task id (None: empty chart), global QPoint
    taskActivated = Signal(str)  # a bar was double-clicked: open its task
    dragDates = Signal(str)  # the dates a bar being dragged would get, as text

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.style = _style(self.ROW_HEIGHT, AXIS_HEIGHT + TAG_ROWS * 17)
        self.vertical_offset = 0
        self._rows: list[str] | None = None  # None = every task in WBS order
        self.show_critical = True
        self._highlight: dict[str, str] = {}
        self.whiskers: dict = {}
        self.history: Moment | None = None  # View → History: the roadmap as announced then
        self._data: ChartData | None = None
        # The arrays before the edits since (None: build afresh), brought up to date on the next paint.
        self._outdated: ChartData | None = None
        self._edits = Edits()
        self._working_days: WorkingDays | None = None  # of the plan default calendar, for shading
        self._confidence: ShownConfidence | None = None  # for the tooltips, kept until the plan changes
        self.scale = TimeScale.fit(*self.whole_plan(), 1000)
        self._pending_preset: str | None = "programme"
        self._fitted: tuple[date, date] | None = None  # the range a preset or fit asked for
        self._whole = False  # the fitted range is "Whole programme": it follows the plan's dates
        self.canvas = GanttCanvas(self)
        self.phase_strip = PhaseStrip(self)
        self.legend = LegendStrip(self)
        self.hscroll = QScrollBar(Qt.Horizontal, self)
        self.hscroll.valueChanged.connect(self._scrolled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.canvas, self.phase_strip, self.legend, self.hscroll):
            layout.addWidget(widget)
        self.toolbar = self._make_toolbar()
        document.changed.connect(self._document_changed)
        document.baselineChanged.connect(self._invalidate)
        document.selectionChanged.connect(self._repaint)

    # -- the API the main window uses -----------------------------------------------------------
    def set_header_height(self, px: int) -> None:
        """Match the tree's header so rows line up."""
        self.style = _style(self.style.row_height, max(int(px), 30))
        self._repaint()

    def set_rows(self, task_ids: list[str]) -> None:
        """The visible rows in display order (the tree's expanded rows). The list is kept as it is
        given: the caller hands it over and changes it no more (the tree's own list, replaced after
        each change: copying 100,000 ids cost 1-5 ms per edit)."""
        self._rows = task_ids
        self._outdate(Edits())

    def rows(self) -> list[str]:
        """The task ids shown, in order."""
        if self._rows is None:
            return [task.id for task, _ in self.document.project.walk()]
        return self._rows

    def set_vertical_offset(self, px: int) -> None:
        """Scroll the rows (content pixels from the first row); the tree calls this."""
        # Not clamped to this widget's own height: the tree's viewport may be taller (no legend
        # or scroll bar under it) and rows must stay aligned with it at its last scroll position.
        px = int(max(0, min(px, len(self.rows()) * self.style.row_height)))
        if px != self.vertical_offset:
            self.vertical_offset = px
            self.verticalOffsetChanged.emit(px)
            self._repaint()

    def _toolbar_action(self, action: QAction) -> None:
        if action.data() in PRESETS:
            self.zoom_preset(action.data())

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

    def set_show_critical(self, on: bool) -> None:
        """Show or hide the critical-path highlight."""
        self.show_critical = bool(on)
        self.critical_action.setChecked(self.show_critical)
        self._repaint()

    def set_highlight(self, colors: dict[str, str]) -> None:
        """Recolour tasks (what-if, comparisons): task id -> '#rrggbb'; {} clears."""
        self._highlight = dict(colors)
        self._invalidate()

    def set_history(self, moment: Moment | None) -> None:
        """Draw the roadmap as announced at `moment` (a baseline's date); None = the current plan."""
        self.history = moment if moment is not None and moment.baseline is not None else None
        self._invalidate()

    def set_whiskers(self, ranges: dict) -> None:
        """P50–P80 ranges drawn behind milestones: task id -> (date, date); {} clears."""
        self.whiskers = dict(ranges)
        self._invalidate()

    # -- state used by the canvas ---------------------------------------------------------------
    def shown_confidence(self) -> ShownConfidence:
        """The confidence each task's dates are shown with, for the tooltips: one for every hover
        until the plan changes (made afresh, it read the plan's 100,000 tasks at each hover)."""
        doc, kept = self.document, self._confidence
        if kept is None or kept.project is not doc.project or kept.schedule is not doc.schedule:
            self._confidence = kept = ShownConfidence(doc.project, doc.schedule)
        return kept

    def chart_data(self) -> ChartData:
        """Per-row arrays, rebuilt only after a change."""
        if self._data is None:
            doc = self.document
            if self.history is not None:
                self._data = history_chart_data(doc.project, self.history, self.rows(), doc.schedule)
            else:
                self._data = self._refreshed() or build_chart_data(
                    doc.project, doc.schedule, self.rows(), baseline=doc.baseline_name, whiskers=self.whiskers,
                    highlight=self._highlight, current=True, shown=doc.shown_precision())
            self._outdated, self._edits = None, Edits()
            self.legend.refresh()
            self._sync_scrollbar()  # an edit may have moved the plan's first or last date
        return self._data

    def _refreshed(self) -> ChartData | None:
        """The arrays before the last edits brought up to date row by row, or None (build afresh)."""
        # Taken out first: the refresh uses the old arrays up in place, so a refresh that fails half-way
        # must not be the base of the next one (that is built afresh instead).
        old, self._outdated = self._outdated, None
        if old is None:
            return None
        doc = self.document
        # The document derives its schedule again after every change that may move it (a link
        # added or removed among them) before announcing the change: it is the plan's as it is now.
        return refresh_chart_data(old, doc.project, doc.schedule, self.rows(), self._edits,
                                  baseline=doc.baseline_name, whiskers=self.whiskers, highlight=self._highlight,
                                  current=True, shown=doc.shown_precision())

    def scene_options(self) -> SceneOptions:
        """Options for the scene builder from the current view state."""
        past = self.history.as_of if self.history is not None else None  # a past announcement: no "today"
        return SceneOptions(row_height=self.style.row_height, show_critical=self.show_critical,
                            today=None if past else today(), status_date=past or self.document.project.status_date,
                            selected=frozenset(self.document.selected_ids),
                            text_width=self.style.text_width(),
                            bold_text_width=self.style.text_width(self.style.bold_font),
                            working_days=self.working_days())

    def working_days(self) -> WorkingDays:
        """The plan default calendar's days, as the chart shades them (rebuilt after a change)."""
        if self._working_days is None:
            self._working_days = WorkingDays(self.document.project.default_calendar())
        return self._working_days

    def shown_dates(self, task_id: str, row: int | None = None) -> tuple[date, date]:
        """The (start, exclusive finish) the chart shows for a task (`row`: its row, when known;
        the index of every row is made only without it, as it cost 10 ms after each edit)."""
        data = self.chart_data()
        if row is None or not 0 <= row < len(data) or data.task_ids[row] != task_id:
            row = data.row_of[task_id]
        return date.fromordinal(int(data.start[row])), date.fromordinal(int(data.finish[row]))

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

    # -- internals ------------------------------------------------------------------------------
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

    def _document_changed(self, changes: ChangeSet, _initiator: object) -> None:
        """Refresh by what changed: an edit of tasks, rows or links has the rows it moved read again
        (on the next paint); a plan-wide setting, a baseline or a participant rebuilds the arrays."""
        self._confidence = None
        effects = effects_of(changes)
        if changes.replaced:  # a new or opened plan is first shown whole, as MS Project opens a file
            self._invalidate()
            self.zoom_preset("programme")
            return
        if effects.by_task:
            self._outdate(Edits(effects.task_ids, links=effects.links))
        else:
            self._invalidate()
        if effects.reschedule:
            self._follow_whole_plan()

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

    def _outdate(self, edits: Edits) -> None:
        """The arrays no longer match the plan or the rows: keep them to bring up to date, with what moved."""
        if self._data is not None:
            self._outdated, self._edits = self._data, Edits()
        if self._outdated is not None:
            self._edits = self._edits | edits
        self._data = None
        self._repaint()

    def _invalidate(self, *_args) -> None:
        self._data = self._outdated = None
        self._edits = Edits()
        self._working_days = None
        self._repaint()

    def _repaint(self, *_args) -> None:
        self.canvas.scene = None
        self.canvas.update()
        self.phase_strip.update()
        self.legend.update()

    def _make_toolbar(self) -> QToolBar:
        bar = QToolBar("Timeline")  # no parent: the main window adds it to its own tool bars
        bar.setObjectName("ganttToolbar")
        self.preset_actions: dict[str, QAction] = {}
        for name, text in PRESETS.items():
            action = bar.addAction(text)
            action.setData(name)
            self.preset_actions[name] = action
        bar.actionTriggered.connect(self._toolbar_action)  # bound: a closure would keep the view alive
        bar.addSeparator()
        self.critical_action = bar.addAction("Critical path")
        self.critical_action.setCheckable(True)
        self.critical_action.setChecked(True)
        self.critical_action.toggled.connect(self.set_show_critical)
        return bar


def _style(row_height: float, header_height: int) -> ChartStyle:
    """The chart's style for a header height: as many tag rows (up to TAG_ROWS) as fit over the axis."""
    tag_h = ChartStyle(font_px=12).tag_row_height
    rows = int(max(0, min(TAG_ROWS, (header_height - AXIS_HEIGHT) // tag_h)))
    return ChartStyle(row_height=row_height, header_height=header_height, font_px=12, tag_rows=rows)
