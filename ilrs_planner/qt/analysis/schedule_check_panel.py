"""The schedule check in a dock: every DCMA check with its threshold, count and verdict; a check
opens onto the tasks failing it, and double-click or Enter on one selects it in the table and
brings its bar into the chart."""

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
from ...engine.schedule_check import ScheduleCheck, check_schedule, latest_baseline
from ...engine.schedule_check_result import CheckResult
from ..document import Document
from ..plain_text import plain_label, tooltip
from .common import MessageLine, WhenShown, fill_baseline_combo

HEADERS = ("Check", "Threshold", "Failing", "Share", "Result")
TASK_ID_ROLE = Qt.ItemDataRole.UserRole
PREFERRED_HEIGHT = 200
SHOWN_TASKS = 500  # a check's tasks listed in the dock; `ilrs-planner check` lists every one
VERDICT_COLOURS = {"pass": "#188038", "fail": "#c5221f", "n/a": "#5f6368", "info": "#5f6368"}


class ScheduleCheckPanel(QWidget):
    """The checks of the document's plan, run again after every change while the dock is shown."""

    def __init__(self, document: Document, parent=None, defer_while_hidden: bool = False,
                 show_task: Callable[[], None] | None = None):
        super().__init__(parent)
        self.document, self.show_task = document, show_task
        self.result: ScheduleCheck | None = None
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
        """Run the checks on the plan as scheduled now, keeping the checks that were open open."""
        project, schedule = self.document.project, self.document.schedule
        self.message.clear_message()
        if schedule is None:
            self._show(None)
            error = self.document.schedule_error
            self.message.show_error(error or PlannerError("task.unscheduled", "the plan cannot be scheduled now"))
            return
        try:
            name = self.baseline_combo.currentData()
            self._show(check_schedule(project, schedule, project.baseline(name) if name else None))
        except PlannerError as error:
            self._show(None)
            self.message.show_error(error)

    def _show(self, result: ScheduleCheck | None) -> None:
        opened = {self.tree.topLevelItem(i).data(0, TASK_ID_ROLE) for i in range(self.tree.topLevelItemCount())
                  if self.tree.topLevelItem(i).isExpanded()}
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
        for flagged in check.tasks[:SHOWN_TASKS]:
            child = QTreeWidgetItem(item, [f"{flagged.key}  {flagged.name}: {flagged.value}"])
            child.setData(0, TASK_ID_ROLE, flagged.task_id)
            child.setToolTip(0, tooltip(f"{flagged.key}\n{flagged.name}\n{flagged.value}"))
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
