"""What-if: preview what moves if a task slips or finishes on a date; apply it as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...chart import palette
from ...commands.whatif import ApplyWhatIf
from ...domain import PlannerError
from ...domain.durations import format_days
from ...engine.whatif import WhatIf, what_if
from ...engine.working_variance import calendar_variance
from ..document import Document
from ..plain_text import plain_label
from ..readable_column import ReadableColumn
from ..table_tab_out import TabOutAtTheEnds
from .common import MessageLine, WhenShown, date_edit, fill_task_combo, from_qdate

# The chart's variance hues (chart/palette.py), never an owner's: the task changed in the step's
# darker shade, those it moves in the lighter (its amber read as Roscosmos's bars, its green as CMSA's).
MOVED_LATER, MOVED_EARLIER = palette.LATE_BY_MONTHS, palette.EARLY_BY_MONTHS
CHANGED_LATER, CHANGED_EARLIER = palette.LATE_BY_MORE_YEARS, palette.EARLY_BY_YEARS
HEADERS = ("Key", "Name", "Start Δ", "Finish Δ", "New finish")  # the last day of work


class WhatIfPanel(QWidget):
    """Scenario controls, the list of what moves, Preview/Apply/Clear."""

    def __init__(self, document: Document, highlight: Callable[[dict], None] | None = None, parent=None,
                 defer_while_hidden: bool = False):
        super().__init__(parent)
        self.document = document
        self.highlight = highlight or (lambda colors: None)
        self.preview: WhatIf | None = None
        self._preview_revision = -1
        self._colors: dict[str, str] = {}  # the preview's colours on the chart while the panel is in sight
        self.task_combo = QComboBox()
        self.slip_radio, self.finish_radio = QRadioButton("slips by"), QRadioButton("finishes on")
        self.slip_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.slip_radio)
        group.addButton(self.finish_radio)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(-36500, 36500)
        self.days_spin.setSuffix(" d")
        self.days_spin.setToolTip("Working days of the task's calendar, as its duration counts them "
                                  "(calendar days for an elapsed task)")
        self._proposed_days: int | None = None  # the slip last proposed, kept until the planner types another
        self.finish_edit = date_edit(date.today())
        self.preview_button, self.apply_button, self.clear_button = (
            QPushButton("Preview"), QPushButton("Apply to plan"), QPushButton("Clear"))
        self.apply_button.setEnabled(False)
        self.headline = plain_label()  # names the plan's tasks
        self.headline.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.tab_out = TabOutAtTheEnds(self.table)  # Tab from its last cell leaves the dock's table
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.name_column = ReadableColumn(self.table, 1)
        self.message = MessageLine()
        self._build_layout()
        self.preview_button.clicked.connect(self.run_preview)
        for typed in (self.days_spin, self.finish_edit):  # Enter after typing the days or the date previews
            typed.lineEdit().returnPressed.connect(self.run_preview)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        document.changed.connect(self._plan_changed)
        document.selectionChanged.connect(self._follow_selection)
        self._refill_when_shown = WhenShown(self, self._refill, defer_while_hidden)
        self._refill_when_shown.request()

    def _build_layout(self) -> None:
        # The task on a row of its own: on one row with the scenario and the buttons the panel was
        # wider than the dock of an 800-pixel window, "Apply to plan" and the headline cut at its edge.
        which, scenario = QHBoxLayout(), QHBoxLayout()
        which.addWidget(QLabel("What if"))
        which.addWidget(self.task_combo, 1)
        for widget in (self.slip_radio, self.days_spin, self.finish_radio, self.finish_edit, self.preview_button,
                       self.apply_button, self.clear_button):
            scenario.addWidget(widget)
        scenario.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(which)
        layout.addLayout(scenario)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _refill(self) -> None:
        fill_task_combo(self.task_combo, self.document.project)
        self._propose_slip()

    def _propose_slip(self) -> None:
        """Start the slip at a tenth of the plan's length in working days of its calendar (at least 1):
        a year was most of a six-week plan. A slip the planner typed is kept."""
        schedule = self.document.schedule
        if schedule is None or (self._proposed_days is not None and self.days_spin.value() != self._proposed_days):
            return
        length = calendar_variance(self.document.project.default_calendar(), schedule.project_start,
                                   schedule.project_finish)
        self._proposed_days = max(1, round(length / 10))
        self.days_spin.setValue(self._proposed_days)

    def _follow_selection(self, ids: list) -> None:
        if len(ids) == 1 and self.task_combo.findData(ids[0]) >= 0:
            self.task_combo.setCurrentIndex(self.task_combo.findData(ids[0]))

    def _plan_changed(self, *_args) -> None:
        self._refill_when_shown.request()
        if self.preview is not None and self.document.revision != self._preview_revision:
            self.clear()
            self.message.show_hint("The plan changed; preview again.")

    # -- actions ---------------------------------------------------------------------------
    def run_preview(self) -> None:
        """Schedule the scenario on a copy and show what moves, highlighted on the Gantt."""
        task_id = self.task_combo.currentData()
        if task_id is None:
            return
        change = {"slip_days": self.days_spin.value()} if self.slip_radio.isChecked() else \
            {"finish_on": from_qdate(self.finish_edit.date())}
        try:
            result = what_if(self.document.project, task_id, schedule=self.document.schedule, **change)
        except PlannerError as error:
            self.clear()
            self.message.show_error(error)
            return
        self.message.clear_message()
        self.preview, self._preview_revision = result, self.document.revision
        self._show(result)
        self.apply_button.setEnabled(True)

    def _show(self, result: WhatIf) -> None:
        # Moves in working days of each task's calendar (engine.working_variance), as its Duration reads.
        moved = [f"{m.key} {format_days(m.finish_delta, m.elapsed, signed=True)}" for m in result.key_milestones()[:6]]
        self.headline.setText(f"{result.description}: {len(result.moves)} tasks move; plan finish "
                              f"{format_days(result.project_finish_delta, signed=True)}. "
                              f"Key milestones: {', '.join(moved) or 'none'}.")
        moves = sorted(result.moves, key=lambda m: (not m.is_key_milestone, -abs(m.finish_delta)))
        self.table.setRowCount(len(moves))
        bold = QFont()
        bold.setBold(True)
        for row, move in enumerate(moves):
            cells = (move.key, move.name, format_days(move.start_delta, move.elapsed, signed=True),
                     format_days(move.finish_delta, move.elapsed, signed=True), str(move.new_last_day))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if move.is_key_milestone:
                    item.setFont(bold)
                self.table.setItem(row, col, item)
        colors = {m.task_id: (MOVED_LATER if m.new_finish > m.old_finish else MOVED_EARLIER) for m in result.moves}
        colors[result.task_id] = CHANGED_EARLIER if colors.get(result.task_id) == MOVED_EARLIER else CHANGED_LATER
        self._colors = colors
        self.highlight(colors)

    def in_sight(self, shown: bool) -> None:
        """The panel's dock came into sight or left it (its tab chosen or another, opened or closed):
        the chart wears the preview's colours only while the panel is in sight (left, the what-if
        colours stayed on the bars, read as the plan's own); back, they return with the preview."""
        if not shown and self._colors:
            self.highlight({})
        elif shown and self._colors and self.preview is not None and self.document.revision == self._preview_revision:
            self.highlight(self._colors)

    def apply(self) -> None:
        """Make the previewed scenario real, as one undoable step."""
        if self.preview is None or self.document.revision != self._preview_revision:
            self.message.show_hint("Preview the scenario on the current plan first.")
            return
        try:
            self.document.push(ApplyWhatIf(self.preview))
        except PlannerError as error:
            self.message.show_error(error)
            return
        self.clear()
        self.message.show_hint("Applied. Edit → Undo takes it back.")

    def clear(self) -> None:
        """Forget the preview and remove the highlight."""
        self.preview = None
        self.apply_button.setEnabled(False)
        self.table.setRowCount(0)
        self.headline.setText("")
        self._colors = {}
        self.highlight({})
