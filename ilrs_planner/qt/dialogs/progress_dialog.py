"""ProgressDialog: move the status date and record what was done by it; OK pushes one undo step.

The table lists the tasks that should have started or finished by the chosen date (read off the
schedule as it stands). Each row can be marked Started (with its start and % complete) or Done
(with its last day of work), or left: a task left is forecast from the status date.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...commands.progress import Progress, update_progress
from ...domain import PlannerError
from ...engine.progress import DueTask, done_defaults, due_tasks
from ...engine.shown_precision import ShownPrecision
from ..analysis.common import date_edit, from_qdate
from ..document import Document
from ..models.row_context import RowNumbers
from ..plain_text import plain_label
from ..screen_fit import fit_to_screen
from ..table_tab_out import TabOutAtTheEnds
from .messages import sentence
from .progress_dates import DateCellDelegate
from .progress_rows import COLUMNS, DONE, ID, LAST, PERCENT, SHOWN, START, STARTED, TASK, read_row, row_items

_TYPED_TICKS = {START: STARTED, PERCENT: STARTED, LAST: DONE}  # typing in a cell ticks its box
# The text a cell was filled with: a date suggested for one status date is made afresh for another,
# where only what the planner typed is kept (a suggestion kept from the date half typed was wrong).
SUGGESTED = Qt.ItemDataRole.UserRole + 1
_KEY_SHARE = 6  # the key takes at most a sixth of the table: a longer one is cut (whole in its tooltip)


class ProgressDialog(QDialog):
    """Update progress: a status date and a row per task behind it; nothing changes until OK."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Update progress")
        self.due: list[DueTask] = []
        self.due_date: date | None = None  # the date the rows are listed for
        self.as_of_edit = date_edit(_default_date(document.project.status_date))
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Every column as wide as what it holds but the key (see _fit_key) and the task's name,
        # which takes the room left: an 800-pixel window shows every column, no sideways scrolling,
        # and a name cut short is whole in its tooltip.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ID, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.viewport().installEventFilter(self)
        self.tab_out = TabOutAtTheEnds(self.table)  # Tab from the last cell on to OK, not round again
        self.date_cells = DateCellDelegate(self.as_of, self.table)  # Start and Last day: typed or picked
        for column in (START, LAST):
            self.table.setItemDelegateForColumn(column, self.date_cells)
        self.error_label = plain_label()
        self.error_label.setObjectName("progress_error")
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._lay_out()
        self.as_of_edit.dateChanged.connect(lambda _day: self._fill())
        self.table.itemChanged.connect(self._tick_when_typed)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self._fill()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Status date:", self.as_of_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # Wide enough for the task names and every column at once (ten columns), within the screen.
        self.resize(1240, 460)
        fit_to_screen(self)

    # -- reading ---------------------------------------------------------------------------------
    def as_of(self) -> date:
        """The status date chosen."""
        return from_qdate(self.as_of_edit.date())

    def records(self) -> list[Progress]:
        """What the rows record (rows left as they were record nothing); raises PlannerError on a typo."""
        tasks = self.document.project.tasks
        found = (read_row(self.table, row, tasks[due.task_id]) for row, due in enumerate(self.due))
        return [record for record in found if record is not None]

    # -- filling ---------------------------------------------------------------------------------
    def _fill(self) -> None:
        """The rows for the chosen date, keeping what was typed for tasks still listed."""
        if self.due_date == self.as_of():
            return  # the same date again (the field re-announces it when it loses focus)
        self.due_date = self.as_of()
        typed = {due.task_id: [self._cell(row, col) for col in range(len(COLUMNS))]
                 for row, due in enumerate(self.due)}
        schedule, as_of, project = self.document.schedule, self.as_of(), self.document.project
        self.due = due_tasks(project, schedule, as_of) if schedule is not None else []
        defaults = done_defaults(schedule, as_of) if schedule is not None else {}
        shown, numbers = ShownPrecision(project, schedule), RowNumbers(project)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.due))
        for row, due in enumerate(self.due):
            task = project.tasks[due.task_id]
            last = _worked_on_or_before(project, task, defaults.get(due.task_id, as_of), due.start)
            items = row_items(due, task, last, as_of, shown.of(due.task_id), numbers.of(due.task_id))
            for col, item in enumerate(items):
                item.setData(SUGGESTED, item.text())
                if due.task_id in typed and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                    _restore(item, typed[due.task_id][col])
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self._fit_key()
        self.note.setText(self._note(as_of, schedule is None))

    def _fit_key(self) -> None:
        """The key column as wide as its keys, up to its share of the table, so the name has room."""
        self.table.resizeColumnToContents(ID)
        share = self.table.viewport().width() // _KEY_SHARE
        self.table.setColumnWidth(ID, min(self.table.columnWidth(ID), share))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_key()  # the table's room changed: so did the key's share of it
        return super().eventFilter(watched, event)

    def _cell(self, row: int, col: int) -> tuple[str | None, Qt.CheckState]:
        """A cell's text if the planner changed it (None: the suggestion, made afresh for another
        status date), and its box."""
        item = self.table.item(row, col)
        if item is None:
            return None, Qt.CheckState.Unchecked
        changed = item.text() != item.data(SUGGESTED)
        return (item.text() if changed else None), item.checkState()

    def _note(self, as_of: date, unscheduled: bool) -> str:
        if unscheduled:
            return "The plan cannot be scheduled, so nothing can be listed as behind; the status date can still move."
        if not self.due:
            return f"No task should have started or finished by {as_of}."
        count = "1 task" if len(self.due) == 1 else f"{len(self.due)} tasks"
        return (f"{count} should have started or finished by {as_of} (dates as forecast now; a finish is the "
                "last day of work). Tick Started or Done and give the dates; a task left as it is will be "
                "forecast from the status date.")

    def _tick_when_typed(self, item: QTableWidgetItem) -> None:
        if item.text() == item.data(SHOWN):
            return  # its box was ticked or cleared: nothing was typed
        item.setData(SHOWN, item.text())
        box = _TYPED_TICKS.get(item.column())
        target = self.table.item(item.row(), box) if box is not None else None
        if target is not None and target.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            target.setCheckState(Qt.CheckState.Checked)

    # -- applying --------------------------------------------------------------------------------
    def try_accept(self) -> None:
        """Push the update as one command, or say in the dialog what is wrong and stay open."""
        project, schedule = self.document.project, self.document.schedule
        try:
            records = self.records()
            if records or self.as_of() != project.status_date:
                starts = {tid: d.early_start for tid, d in schedule.tasks.items()} if schedule else {}
                self.document.push(update_progress(project, self.as_of(), records, starts), self)
        except PlannerError as error:
            self.error_label.setText(sentence(error))
            self.error_label.show()
            return
        self.accept()


def _default_date(status: date | None) -> date:
    """Today, or the plan's status date when that is later (a plan being updated ahead of time)."""
    return max(date.today(), status) if status else date.today()


def _worked_on_or_before(project, task, day: date, start: date) -> date:
    """The last working day of the task's calendar on or before `day` (the eve of the status date,
    a Sunday perhaps), not before its start: a last day offered on a day off would be recorded as
    work done that day. A task whose every day since its start is off keeps `day`."""
    calendar, found = project.task_calendar(task), day
    while found >= start and not calendar.is_working(found):
        found -= timedelta(days=1)
    return found if found >= start else day


def _restore(item: QTableWidgetItem, typed: tuple[str | None, Qt.CheckState]) -> None:
    text, state = typed
    if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
        item.setCheckState(state)
    if text is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
        item.setText(text)
        item.setData(SHOWN, text)

