"""The filter of the task table and chart: a tool bar chooser and a name box, the same choices in
View → Filter, and "Filter: Critical — 12 of 103 tasks shown" in the status bar.

A filter is worked out when it is chosen, as in MS Project: editing a task does not make it vanish
under the planner's cursor, and a task added while filtered stays shown until a filter is chosen
again (choosing the same one again applies it afresh). Nothing here changes the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QToolBar

from ..domain import Participant, PlannerError
from .change_effects import effects_of
from .keys import escape_key
from .models.cell_text import owner_label
from .models.task_filters import (
    ALL,
    CRITICAL,
    INCOMPLETE,
    LABELS,
    MILESTONES,
    OWNER,
    SLIPPED,
    FilteredRows,
    TaskFilter,
    matching,
    with_summaries,
)
from .plain_text import plain_label, tooltip
from .plan_view_memory import PlanViewKeeper
from .status_messages import is_find_message

if TYPE_CHECKING:
    from .main_window import MainWindow

_TIPS = {kind: f"Show only the {LABELS[kind].lower().removesuffix(' tasks')} tasks, with the summaries above them"
         for kind in LABELS}
_TIPS[ALL] = "Show every task"
_TIPS[MILESTONES] = "Show only the milestones, with the summaries above them"

KINDS = (ALL, CRITICAL, MILESTONES, INCOMPLETE, SLIPPED)
# View → Filter's entries, each with a letter of its own, as every menu's
MENU_LABELS = {ALL: "&All tasks", CRITICAL: "&Critical", MILESTONES: "&Milestones", INCOMPLETE: "&Incomplete tasks",
               SLIPPED: "&Slipped tasks"}
TYPING_PAUSE_MS = 250  # the name box filters once typing pauses: 100,000 rows are not walked per key


class FilterActions(QObject):
    """The chooser, the name box, the View → Filter menu and the status bar label on `window`."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window, self.document = window, window.document
        self._filled_at = -1  # the plan's revision the chooser's owners were listed at
        self.model = window.tree.source_model
        self.chosen = TaskFilter()
        self.combo = QComboBox()
        self.combo.setObjectName("filter_combo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMaximumWidth(220)
        self.combo.setToolTip("Filter: show only some tasks, with the summaries above them")
        self.combo.activated.connect(lambda index: self.choose(self.combo.itemData(index)))
        self.combo.installEventFilter(self)
        self.name_box = QLineEdit()
        self.name_box.setObjectName("filter_name_box")
        self.name_box.setPlaceholderText("Filter by name")
        self.name_box.setClearButtonEnabled(True)
        self.name_box.setMaximumWidth(220)
        self._typing = QTimer(window, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._name_typed)
        self.name_box.textEdited.connect(lambda _text: self._typing.start())
        self.name_box.returnPressed.connect(self._name_typed)
        escape_key(self.name_box, self._clear_name)
        self.label = plain_label()
        self.label.setObjectName("status_filter")
        window.statusBar().insertPermanentWidget(0, self.label)  # before the finish and critical figures
        window.status_bar_widgets["filter"] = self.label
        self._build_menu()
        self._fill_combo()
        self.document.changed.connect(self._document_changed)
        self.document.baselineChanged.connect(self._baseline_changed)
        self._show()
        self.memory = PlanViewKeeper(self)  # after the handlers above: a plan opened is reset, then recalled

    def _build_menu(self) -> None:
        window = self.window
        self.menu = window.menus["view"].addMenu("&Filter")
        self.group = QActionGroup(window)
        self.kind_actions = {}
        for kind in KINDS:
            action = window.add_action("", MENU_LABELS[kind], None, lambda k=kind: self.choose(k),
                                       _TIPS[kind], checkable=True)
            self.group.addAction(action)
            self.menu.addAction(action)
            self.kind_actions[kind] = action
        self.owner_menu = self.menu.addMenu("By &participant")
        self.owner_menu.aboutToShow.connect(self._fill_owner_menu)
        self.menu.addSeparator()
        self.by_name = window.add_action("", "Filter by &name…", "Ctrl+Shift+F", self.focus_name_box,
                                         "Show the tasks whose name or key holds the text typed")
        self.menu.addAction(self.by_name)

    def toolbar(self, find_box: QLineEdit) -> QToolBar:
        """The filter and find tool bar: the chooser, the name box and the find box (hidden or shown
        from View; Ctrl+F and Ctrl+Shift+F show it again)."""
        self.bar = QToolBar("Filter and find")
        self.bar.setObjectName("filter_toolbar")
        self.bar.setMovable(False)
        label = QLabel("Filter: ")
        label.setBuddy(self.combo)
        for widget in (label, self.combo, self.name_box):
            self.bar.addWidget(widget)
        self.bar.addSeparator()
        self.bar.addWidget(find_box)
        find_box.textChanged.connect(lambda text: text or self._clear_find_message())
        shown = self.bar.toggleViewAction()  # named by Qt after the bar: "Filter and find" said nothing
        shown.setText("Show the filter and find &bar")
        shown.setStatusTip("Show or hide the bar with the filter chooser, the name box and the find box")
        self.menu.addAction(shown)
        return self.bar

    # -- choosing ------------------------------------------------------------------------------
    def choose(self, choice: str) -> None:
        """Apply a filter kind ('critical'...; 'owner:<participant id>'), keeping the name text."""
        kind, _, owner = choice.partition(":")
        self.apply(TaskFilter(kind, owner or None, self.chosen.text))

    def focus_name_box(self) -> None:
        """View → Filter by name: the cursor in the name box, its text selected for typing over."""
        self.bar.show()  # hidden from View, the box would take the keys out of sight
        self.name_box.setFocus()
        self.name_box.selectAll()

    def _name_typed(self) -> None:
        self._typing.stop()
        if self.name_box.text() != self.chosen.text or self.chosen.active:
            self.apply(TaskFilter(self.chosen.kind, self.chosen.owner, self.name_box.text()))

    def _clear_name(self) -> None:
        self.name_box.clear()
        self._name_typed()
        self.window.tree.setFocus()

    def apply(self, chosen: TaskFilter) -> None:
        """Show the tasks `chosen` keeps (and their summaries), or explain why it cannot be applied."""
        project = self.document.project
        try:
            ids = matching(project, self.document.schedule, chosen, self.document.baseline_name)
        except PlannerError as error:
            self.window.statusBar().showMessage(error.message, 10000)
            self._show()
            return
        self.chosen = chosen
        self._clear_find_message()  # "1 of 3 matching …" counted the rows shown before
        self.memory.filter_chosen(chosen)
        with self.window.tree.batch():
            self.model.set_kept(with_summaries(project.tasks, ids) if chosen.active else None)
        self._follow_selection()
        self._show()

    def _clear_find_message(self) -> None:
        """Take the find box's last count off the status bar once the find or filter it counted ends."""
        bar = self.window.statusBar()
        if is_find_message(bar.currentMessage()):
            bar.clearMessage()

    def _follow_selection(self) -> None:
        """The selected task's row in view if the filter kept it; else the top of the list."""
        tree, selected = self.window.tree, self.document.selected_ids
        index = tree.proxy_index(selected[0]) if selected else None
        tree.scrollTo(index) if index is not None and index.isValid() else tree.scrollToTop()

    # -- showing the choice ---------------------------------------------------------------------
    def _fill_combo(self) -> None:
        self.combo.clear()
        for kind in KINDS:
            self.combo.addItem(LABELS[kind], kind)
        owners = self._task_owners()
        if owners:
            self.combo.insertSeparator(self.combo.count())
        for label, part in owners:  # each owner as the Owner column shows it ('CNSA', not its key 'cnsa')
            self.combo.addItem(f"Owner: {label}", f"{OWNER}:{part.id}")
            self.combo.setItemData(self.combo.count() - 1, tooltip(part.name), Qt.ItemDataRole.ToolTipRole)
        self._mark_slipped()

    def _mark_slipped(self) -> None:
        """Slipped tasks can be chosen only while a baseline is compared; until then its entry is
        disabled with the reason on hover, so the arrow keys pass it as Qt's combo passes a disabled
        entry (it refused each Down and snapped back, and the owners below it could not be reached)."""
        item = self.combo.model().item(self.combo.findData(SLIPPED))
        if item is None:
            return
        item.setEnabled(self.document.baseline_name is not None)
        item.setToolTip("" if item.isEnabled() else "Compares with a baseline: choose one in View → Compare with "
                        "baseline first")

    def _task_owners(self) -> list[tuple[str, Participant]]:
        """The chooser's owners: those who own a task (and the one chosen), as the roadmap's 39
        members listed 33 owners of nothing, each leading to an empty table."""
        self._filled_at = self.document.revision
        owning = {task.owner_id for task in self.document.project.tasks.values()} | {self.chosen.owner}
        return [(label, part) for label, part in self._owners() if part.id in owning]

    def eventFilter(self, watched, event) -> bool:
        """The chooser's owners brought up to date as it is reached (a task's owner may have changed)."""
        if event.type() == QEvent.Type.FocusIn and self._filled_at != self.document.revision:
            self._fill_combo()
            self._show()
        return False

    def _owners(self) -> list[tuple[str, Participant]]:
        """(label, participant) in label order, each labelled as the Owner column and legend name it."""
        labelled = [(owner_label(p.name, p.key), p) for p in self.document.project.participants.values()]
        twice = {label for label, _ in labelled if sum(other == label for other, _ in labelled) > 1}
        labelled = [(f"{label} ({p.key})" if label in twice else label, p) for label, p in labelled]  # 'UAE' twice
        return sorted(labelled, key=lambda pair: pair[0].casefold())

    def _fill_owner_menu(self) -> None:
        self.owner_menu.clear()
        for label, part in self._owners():
            action = self.owner_menu.addAction(f"{label} — {part.name}" if label != part.name else label)
            action.setCheckable(True)
            action.setChecked(self.chosen.kind == OWNER and self.chosen.owner == part.id)
            action.triggered.connect(lambda _=False, pid=part.id: self.choose(f"{OWNER}:{pid}"))
        if self.owner_menu.isEmpty():
            self.owner_menu.addAction("No participants in the plan").setEnabled(False)

    def _show(self) -> None:
        """The chooser, the menu's check mark, the name box and the status bar say what is shown."""
        chosen = self.chosen
        choice = f"{OWNER}:{chosen.owner}" if chosen.kind == OWNER else chosen.kind
        self.combo.setCurrentIndex(max(self.combo.findData(choice), 0))
        for kind, action in self.kind_actions.items():
            action.setChecked(kind == chosen.kind)
        if self.name_box.text() != chosen.text and not self._typing.isActive():
            self.name_box.setText(chosen.text)
        self.label.setText(self.status_text())
        self.label.setVisible(chosen.active)

    def status_text(self) -> str:
        """'Filter: Critical — 12 of 103 tasks shown' (empty with no filter)."""
        kept, tasks = self.model.kept, self.document.project.tasks
        if kept is None or not self.chosen.active:
            return ""
        shown = sum(1 for tid in kept if tid in tasks)
        return f"Filter: {self.chosen.label(self.document.project)} — {shown:,} of {len(tasks):,} tasks shown"

    def shown_ids(self) -> set[str] | None:
        """The tasks the filter shows, their summaries too (None when it shows every task)."""
        return self.model.kept if self.chosen.active else None

    def filtered_rows(self) -> FilteredRows | None:
        """The tasks the filter shows, in outline order, for Export and Print; None when all are shown."""
        kept, project = self.model.kept, self.document.project
        if kept is None or not self.chosen.active:
            return None
        rows = [task.id for task, _depth in project.walk() if task.id in kept]
        return FilteredRows(self.chosen.label(project), rows, len(project.tasks))

    # -- the plan changing under the filter -----------------------------------------------------
    def _document_changed(self, changes, _initiator) -> None:
        effects = effects_of(changes)
        if effects.replaced:  # another plan: shown whole, as the table shows it (then as it was left)
            self.chosen = TaskFilter()
            self._typing.stop()
        if effects.participants or effects.replaced:
            self._fill_combo()
        if effects.rows or effects.replaced or effects.participants:
            self._show()

    def _baseline_changed(self, _name) -> None:
        """Slipped tasks compares with the baseline chosen: another one applies it afresh."""
        self._mark_slipped()
        if self.chosen.kind == SLIPPED:
            self.apply(self.chosen if self.document.baseline_name else TaskFilter(ALL, None, self.chosen.text))
