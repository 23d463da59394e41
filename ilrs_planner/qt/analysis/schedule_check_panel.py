"""The schedule check in a dock: every DCMA check with its threshold, count and verdict; a check
opens onto the tasks failing it, and double-click or Enter on one selects it in the table and
brings its bar into the chart.

The check runs in a worker (schedule_check_worker) after every edit while the dock is shown: the
table takes the next keystroke while it runs. From the edit until the plan's new result arrives the
dock says it is checking and lists no check, so no verdict of an older plan is read as this one's;
a result asked for before a later edit is dropped, and the check runs again on the plan as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import PlannerError
from ...engine.schedule_check import ScheduleCheck, latest_baseline
from ...engine.schedule_check_result import CheckResult
from ..document import Document
from ..models.row_context import RowNumbers
from ..plain_text import plain_label, tooltip
from .common import MessageLine, WhenShown, fill_baseline_combo
from .schedule_check_worker import CheckWorker

HEADERS = ("Check", "Threshold", "Failing", "Share", "Result")
TASK_ID_ROLE = Qt.ItemDataRole.UserRole
PREFERRED_HEIGHT = 200
SHOWN_TASKS = 500  # a check's tasks listed in the dock; `ilrs-planner check` lists every one
VERDICT_COLOURS = {"pass": "#188038", "fail": "#c5221f", "n/a": "#5f6368", "info": "#5f6368"}
CHECKING = "Checking the plan…"


class ScheduleCheckPanel(QWidget):
    """The checks of the document's plan, run again after every change while the dock is shown."""

    def __init__(self, document: Document, parent=None, defer_while_hidden: bool = False,
                 show_task: Callable[[], None] | None = None):
        super().__init__(parent)
        self.document, self.show_task = document, show_task
        self.result: ScheduleCheck | None = None
        self.worker: CheckWorker | None = None
        self._asked = 0  # the check last asked for: a result of an earlier one is dropped
        self._opened: set[str] = set()  # the checks open before the tree was emptied for a new run
        self.baseline_combo = QComboBox()
        self.headline = plain_label()
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = MessageLine()
        self._build_layout()
        self.baseline_combo.currentIndexChanged.connect(self.refresh)
        self.tree.itemExpanded.connect(self._list_tasks)
        self.tree.itemActivated.connect(self._go_to_task)  # double-click, and Enter
        self._reload_when_shown = WhenShown(self, self.reload, defer_while_hidden)
        # Edits that arrive together (an undo of several steps, a paste) are checked once, after
        # them: at 100,000 tasks a check is about one schedule's time.
        self._after_edits = QTimer(self, singleShot=True, interval=0)
        self._after_edits.timeout.connect(self._reload_when_shown.request)
        document.changed.connect(self._plan_changed)
        self._reload_when_shown.request()

    def sizeHint(self) -> QSize:
        """Short, as the other analysis docks: the tree scrolls, and on an 800 × 600 window its
        own height left the task table two rows."""
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), PREFERRED_HEIGHT))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Against"))
        top.addWidget(self.baseline_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)

    def _plan_changed(self, _changes, _initiator) -> None:
        self._show_checking()  # at once: what is listed belongs to the plan before the edit
        self._after_edits.start()

    def reload(self) -> None:
        """Refill the baselines (the latest first) and check again."""
        combo, project = self.baseline_combo, self.document.project
        chosen = combo.currentData()
        fill_baseline_combo(combo, project)
        latest = latest_baseline(project)
        combo.blockSignals(True)
        combo.insertItem(0, f"Latest ({latest.name})" if latest else "No baseline", None)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Check the plan as scheduled now, in the worker, keeping the checks that were open open."""
        self._asked += 1
        self._show_checking()
        if self.worker is not None:
            return  # the running check's result will be dropped, and this one asked for then
        schedule = self.document.schedule
        if schedule is None:
            self._show(None)
            error = self.document.schedule_error
            self.message.show_error(error or PlannerError("task.unscheduled", "the plan cannot be scheduled now"))
            return
        worker = CheckWorker(self.document.project, schedule, self.baseline_combo.currentData(),
                             self.document.revision, self._asked)
        worker.succeeded.connect(self._checked)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_done)
        self.worker = worker
        worker.start()

    def _current(self, worker: CheckWorker) -> bool:
        """Was `worker` asked for the plan as it is and the baseline chosen now?"""
        return worker.asked == self._asked and worker.revision == self.document.revision

    def _checked(self, result: ScheduleCheck) -> None:
        if self.worker is not None and self._current(self.worker):
            self._show(result)

    def _failed(self, error: Exception) -> None:
        if self.worker is None or not self._current(self.worker):
            return  # an edit came while it ran: the check runs again on the plan as it is
        self._show(None)  # never left saying "Checking the plan…" over an empty list
        if not isinstance(error, PlannerError):
            self.message.show_error(PlannerError("check.failed", f"the schedule check stopped: {error!r}"[:300]))
            raise error  # a fault of the check itself, not of the plan: reported as such too
        self.message.show_error(error)

    def _worker_done(self) -> None:
        worker, self.worker = self.worker, None  # the worker's own registry lets it go once finished
        if worker is not None and not self._current(worker):
            self._reload_when_shown.request(self.refresh)

    def _show_checking(self) -> None:
        """Empty the list (remembering which checks were open) and say a check is under way."""
        if self.result is not None:
            self._opened = self._opened_checks()
            self.result = None
        self.tree.clear()
        self.message.clear_message()
        self.headline.setText(CHECKING)

    def _opened_checks(self) -> set[str]:
        tree = self.tree
        return {tree.topLevelItem(i).data(0, TASK_ID_ROLE) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).isExpanded()}

    def _show(self, result: ScheduleCheck | None) -> None:
        opened = self._opened_checks() if self.result is not None else self._opened
        self.result = result
        self.tree.clear()
        self.headline.setText(_headline(result) if result else "")
        for check in result.results if result else ():
            item = QTreeWidgetItem(self.tree, [_title(check), check.threshold, _failing(check), check.share_text(),
                                               check.status.upper()])
            item.setData(0, TASK_ID_ROLE, check.key)
            item.setToolTip(0, tooltip(check.note))
            item.setForeground(4, QBrush(QColor(VERDICT_COLOURS[check.status])))
            if check.tasks:
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            if check.key in opened:
                item.setExpanded(True)

    def _list_tasks(self, item: QTreeWidgetItem) -> None:
        """A check opened: its tasks, listed when first opened (a check can name 90,000 tasks)."""
        if item.parent() is not None or item.childCount() or self.result is None:
            return
        check = self.result.result(item.data(0, TASK_ID_ROLE))
        numbers = RowNumbers(self.document.project)  # a task named as the table shows it: its ID, then its name
        for flagged in check.tasks[:SHOWN_TASKS]:
            number = numbers.of(flagged.task_id) or flagged.key  # a task deleted since the check ran: its key
            child = QTreeWidgetItem(item, [f"{number}  {flagged.name}: {flagged.value}"])
            child.setData(0, TASK_ID_ROLE, flagged.task_id)
            child.setToolTip(0, tooltip(f"ID {number} (key {flagged.key})\n{flagged.name}\n{flagged.value}"))
            child.setFirstColumnSpanned(True)
        if len(check.tasks) > SHOWN_TASKS:
            more = QTreeWidgetItem(item, [f"… and {len(check.tasks) - SHOWN_TASKS:,} more "
                                          "(the command line's check lists every one)"])
            more.setFirstColumnSpanned(True)

    def _go_to_task(self, item: QTreeWidgetItem, _column: int) -> None:
        """A task of a check chosen: select it in the table and bring its bar into the chart."""
        task_id = item.data(0, TASK_ID_ROLE) if item.parent() is not None else None
        if task_id not in self.document.project.tasks:
            return
        self.document.set_selection([task_id])
        if self.show_task is not None:
            self.show_task()


def _title(check: CheckResult) -> str:
    return f"{check.number}. {check.name}" if check.number else check.name


def _failing(check: CheckResult) -> str:
    return "" if check.failing is None or check.status == "n/a" else f"{check.failing:,} of {check.eligible:,}"


def _headline(result: ScheduleCheck) -> str:
    scored = [r for r in result.results if r.status in ("pass", "fail")]
    failed = sum(r.status == "fail" for r in scored)
    verdict = f"{failed} of {len(scored)} checks fail" if failed else "Every check passes" if scored else \
        "No check applies"
    status = f"at the status date {result.status_date}" if result.status_date else "(the plan has no status date)"
    return f"{verdict} {status}. Double-click a task to find it in the plan."
