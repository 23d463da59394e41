"""GanttView: the chart beside the task tree, reading the Document and pushing commands.

Its dates (zoom, pan, scroll) are view_zoom's; the arrays it draws and what keeps them current
after an edit are view_data's; here are the widgets, the rows the tree gives and the tool bar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QScrollBar, QToolBar, QVBoxLayout, QWidget

from ...chart import ChartData, TimeScale
from ...chart.history import Moment
from ...chart.nonworking import WorkingDays
from ...chart.refresh import Edits
from ...engine.shown_confidence import ShownConfidence
from ..document import Document
from .canvas import GanttCanvas
from .legend_strip import LegendStrip
from .strips import PhaseStrip
from .style import ChartStyle
from .view_data import ViewData
from .view_zoom import ViewZoom
from .zoom import PRESETS

AXIS_HEIGHT = 44  # the two-level time axis; the rows of date tags sit above it
# The roadmap's key dates, today and the status date whole over the whole programme in a chart 800
# to 1000 px wide (a 1920 window whose table reads to Total float): in two rows "Chang'e 6 samples…"
# and "First Chinese crewed…" were cut there, while the exports, with three, named them in full.
TAG_ROWS = 3
# A chart left fewer rows than this under its header by the legend strip (the smallest window the
# app allows kept the legend and no row at all) drops the strip until it has room again.
ROWS_BEFORE_LEGEND = 3


class GanttView(ViewData, ViewZoom, QWidget):
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

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._legend_room()

    def _legend_room(self) -> None:
        """The legend strip shown where it leaves the rows ROWS_BEFORE_LEGEND rows, else hidden (read
        from this widget's height, not the canvas's, which hiding the strip itself changes)."""
        strip = self.phase_strip.height() if self.phase_strip.isVisibleTo(self) else 0
        fixed = self.style.header_height + strip + self.hscroll.sizeHint().height()
        room = self.height() - fixed - self.legend.height()
        self.legend.setVisible(room >= ROWS_BEFORE_LEGEND * self.style.row_height)

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

    def set_show_critical(self, on: bool) -> None:
        """Show or hide the critical-path highlight."""
        self.show_critical = bool(on)
        self.critical_action.setChecked(self.show_critical)
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


