"""Slip attribution for a chosen milestone: its driving chains and the changes that moved it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...chart import palette
from ...domain import PlannerError
from ...domain.durations import format_days
from ...engine.attribution import Attribution, attribute_projects, attribute_versions
from ...engine.slippage import baseline_version, schedule_version
from ..document import Document
from ..plain_text import tooltip
from .common import MessageLine, WhenShown, fill_baseline_combo, fill_task_combo
from .defaults import baseline_for_milestone

DEFAULT_KEY = "ilrs-basic"


class WhyPanel(QWidget):
    """Pick a milestone and two versions; read why it moved, change by change."""

    def __init__(self, document: Document, parent=None, defer_while_hidden: bool = False):
        super().__init__(parent)
        self.document = document
        self.result: Attribution | None = None
        self.task_combo, self.baseline_combo, self.against_combo = QComboBox(), QComboBox(), QComboBox()
        self.plan_button = QPushButton("Against a plan file…")
        self.plan_button.setToolTip("Exact: compare with an earlier plan file, change by change")
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Days", "What"])
        self.tree.headerItem().setToolTip(0, "Working days of the milestone's calendar that each change moved it: "
                                             "they add up to its slip")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # "+4383" whole
        self.message = MessageLine()
        top = QHBoxLayout()
        for label, combo in (("Milestone", self.task_combo), ("from", self.baseline_combo),
                             ("to", self.against_combo)):
            top.addWidget(QLabel(label))
            top.addWidget(combo, 1)
        top.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        self._baseline_chosen = False  # until the user picks one, the baseline follows the milestone
        self.baseline_combo.activated.connect(self._baseline_picked)
        self.task_combo.currentIndexChanged.connect(self._milestone_changed)
        for combo in (self.baseline_combo, self.against_combo):
            combo.currentIndexChanged.connect(self.explain)
        self.plan_button.clicked.connect(self._ask_plan)
        self._reload_when_shown = WhenShown(self, self.reload, defer_while_hidden)
        document.changed.connect(self._plan_changed)
        document.selectionChanged.connect(self._follow_selection)
        self._reload_when_shown.request()

    def _plan_changed(self, _changes, _initiator) -> None:
        self._reload_when_shown.request()

    def reload(self) -> None:
        """Refill the choices and explain again."""
        project = self.document.project
        fresh = self.task_combo.count() == 0
        fill_task_combo(self.task_combo, project)
        if fresh and sum(t.key == DEFAULT_KEY for t in project.tasks.values()) == 1:
            self.task_combo.setCurrentIndex(self.task_combo.findData(project.task_by_key(DEFAULT_KEY).id))
        fill_baseline_combo(self.baseline_combo, project)
        fill_baseline_combo(self.against_combo, project, with_current=True)
        self._milestone_changed()

    def _baseline_picked(self, _index: int) -> None:
        self._baseline_chosen = True

    def _milestone_changed(self, *_args) -> None:
        """A new milestone: unless the user picked a baseline, take one that holds it and shows a move."""
        if not self._baseline_chosen:
            doc = self.document
            name = baseline_for_milestone(doc.project, doc.schedule, self.task_combo.currentData())
            if name is not None:
                self.baseline_combo.blockSignals(True)
                self.baseline_combo.setCurrentIndex(self.baseline_combo.findData(name))
                self.baseline_combo.blockSignals(False)
        self.explain()

    def _follow_selection(self, ids: list) -> None:
        if len(ids) == 1 and self.task_combo.findData(ids[0]) >= 0:
            self.task_combo.setCurrentIndex(self.task_combo.findData(ids[0]))

    def explain(self) -> None:
        """Explain the chosen milestone between the chosen versions."""
        task_id, name = self.task_combo.currentData(), self.baseline_combo.currentData()
        if task_id is None or name is None:
            self.show_result(None)
            self.message.show_hint("Choose a milestone and a baseline (capture one first if there are none).")
            return
        project, schedule = self.document.project, self.document.schedule
        try:
            before = baseline_version(project.baseline(name))
            against = self.against_combo.currentData()
            if against is None and schedule is None:
                raise PlannerError("baseline.unknown", "the current plan cannot be scheduled right now")
            after = schedule_version(project, schedule) if against is None else \
                baseline_version(project.baseline(against))
            result = attribute_versions(project, schedule, before, after, project.tasks[task_id].key)
        except PlannerError as error:
            self.show_result(None)
            self.message.show_error(error)
            return
        self.message.clear_message()
        self.show_result(result)

    def explain_against_plan(self, path: str) -> None:
        """Exact attribution against an earlier plan file."""
        from ...store import open_project

        try:
            older = open_project(path)
            key = self.document.project.tasks[self.task_combo.currentData()].key
            result = attribute_projects(older, self.document.project, key, Path(path).name, "this plan")
        except PlannerError as error:
            self.message.show_error(error)
            return
        self.message.clear_message()
        self.show_result(result)

    def _ask_plan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Earlier version of the plan", "", "Plan files (*.db)")
        if path:
            self.explain_against_plan(path)

    # -- showing ---------------------------------------------------------------------------
    def show_result(self, result: Attribution | None) -> None:
        """Fill the headline and the tree from an attribution."""
        self.result = result
        self.tree.clear()
        if result is None:
            self.headline.setText("")
            return
        if not (result.old_date and result.new_date):
            self.headline.setText(f"<b>{escape(result.key)}</b>: "
                                  + escape("; ".join(result.notes[1:] or result.notes)))
            return
        kind = "exact, change by change" if result.exact else "from baseline dates along the driving chain"
        self.headline.setText(f"<b>{escape(result.name)}</b> moved <b>{escape(result.slip_text)}</b> "
                              f"({result.old_text} → {result.new_text}), {kind}.")
        changes = self._section("Changes", format_days(sum(c.days for c in result.contributions), signed=True))
        for change in result.contributions:
            text = change.description + (" (joint effect)" if change.joint else "")
            self._row(changes, format_days(change.days, signed=True), text, change.days)
        if result.unexplained_days:
            unexplained = result.unexplained_days
            self._row(changes, format_days(unexplained, signed=True), "unexplained", unexplained)
        for title, chain in (("Driving chain now", result.new_chain), ("Driving chain then", result.old_chain)):
            section = self._section(title, "")
            for step in chain:
                self._row(section, "", f"{step.label} — {step.span_text}   [{step.driver}]", 0)
        notes = self._section("Notes", "")
        for note in result.notes:
            self._row(notes, "", note, 0)
        self.tree.expandAll()

    def _section(self, title: str, days: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([days, title])
        font = QFont()
        font.setBold(True)
        item.setFont(0, font)
        item.setFont(1, font)
        self.tree.addTopLevelItem(item)
        return item

    @staticmethod
    def _row(parent: QTreeWidgetItem, days: str, text: str, value: int) -> None:
        item = QTreeWidgetItem([days, text])
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight)
        if value:
            item.setForeground(0, QColor(palette.LATER_TEXT if value > 0 else palette.EARLIER_TEXT))
        item.setToolTip(1, tooltip(text))
        parent.addChild(item)
