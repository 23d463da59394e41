"""What the chart draws: the per-row arrays of the plan as it is now, brought up to date row by
row after an edit (or built afresh after a plan-wide change), and the options its scene is drawn with.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...chart import ChartData, SceneOptions, build_chart_data
from ...chart.history import Moment, history_chart_data
from ...chart.nonworking import WorkingDays
from ...chart.refresh import Edits, refresh_chart_data
from ...commands.base import ChangeSet
from ...engine.shown_confidence import ShownConfidence
from ..change_effects import effects_of
from ..document import Document
from .canvas import today
from .legend_strip import LegendStrip
from .style import ChartStyle


class ViewData:
    """Mixed into GanttView: the chart's arrays and what keeps them current."""

    document: Document
    style: ChartStyle
    legend: LegendStrip
    show_critical: bool
    whiskers: dict
    history: Moment | None
    _highlight: dict[str, str]
    _data: ChartData | None
    _outdated: ChartData | None
    _edits: Edits
    _working_days: WorkingDays | None
    _confidence: ShownConfidence | None

    if TYPE_CHECKING:  # GanttView's own and ViewZoom's
        def rows(self) -> list[str]: ...

        def zoom_preset(self, name: str) -> None: ...

        def _follow_whole_plan(self) -> None: ...

        def _sync_scrollbar(self) -> None: ...

        def _repaint(self, *_args) -> None: ...

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
