"""MainWindow: task tree and Gantt side by side, menus, toolbar, docks, status bar, analysis and sharing tools."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMainWindow, QMenu, QSplitter, QUndoView

from ..domain import PlannerError
from .analysis.installer import AnalysisTools
from .dialogs.messages import show_refusal
from .document import Document
from .empty_hint import EmptyPlanHint, UnscheduledBanner
from .gantt.view import GanttView
from .keys import KeySpec, StandardKey, first_key_text, key_list
from .main_window_clip import ClipActions
from .main_window_edit import EditActions
from .main_window_files import FileActions
from .main_window_filter import FilterActions
from .main_window_menus import build_menus, build_toolbar, chart_menu, task_menu
from .main_window_navigate import NavigateActions
from .main_window_plan import PlanActions
from .main_window_sync import RowSync
from .main_window_view import ViewActions
from .models.task_tree_model import TASK_ID_ROLE
from .models.task_tree_view import TaskTreeView
from .outline_showing import OutlineShowing
from .participants.panel import ParticipantsPanel
from .plan_file import PlanFileController
from .plan_view_place import PlanPlaceKeeper
from .print_preview import preview_dialog
from .private_settings import keep_settings_private
from .resources import icon
from .screen_fit import fit_to_screen
from .sharing.actions import SharingActions
from .sharing.signature_label import SignatureStatus
from .status_messages import StatusMessages

# A refused cell stays open on what was typed, as in MS Project; the box says how to get out of it.
TYPED_CELL_KEPT = "The cell keeps what you typed: mend it and press Enter, or press Esc to cancel the typing."


class MainWindow(QMainWindow):
    """The planner's window. The analysis and sharing tools add to `menus`, `status_bar_widgets` and docks."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.menus: dict[str, QMenu] = {}
        self.status_bar_widgets: dict = {}
        self._fitted_once = False
        self._split_when_shown = False  # no split remembered: the first show makes one for the window's width
        self._remembered_width = 0  # the table and chart's width when the split remembered was made
        self.layout_remembered = False  # docks' places and sizes as the user left them (restore_settings)
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        for key, title in (("file", "&File"), ("edit", "&Edit"), ("plan", "&Plan"), ("view", "&View"),
                           ("analysis", "&Analysis"), ("help", "&Help")):
            self.menus[key] = self.menuBar().addMenu(title)
        self.tree = TaskTreeView(document)
        self.gantt = GanttView(document)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.gantt)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.row_sync = RowSync(self.tree, self.gantt)
        self.status_messages = StatusMessages(self.statusBar(), document)  # before the views' notes and the actions
        self.edit = EditActions(self)
        self.view = ViewActions(self)
        self.plan_file = PlanFileController(document, self)
        self.plan_file.statusMessage.connect(self._say)
        self.files = FileActions(self)
        self.clip = ClipActions(self)
        self.navigate = NavigateActions(self)
        self.outline = OutlineShowing(self)
        self.plan = PlanActions(self)
        self.print_preview = self.add_action("print", "&Print…", StandardKey.Print, self.show_print_preview,
                                             "Print the timeline the chart shows, with a preview")
        self.files.add_print(self.print_preview)
        build_menus(self)
        self.filters = FilterActions(self)  # after the View menu's own entries
        self.place = PlanPlaceKeeper(self)  # after the filter's keeper: a plan's place is recalled last
        self.toolbar = build_toolbar(self)
        self.addToolBarBreak()  # filter and find on a row of their own, so the tools fit an 800-pixel window
        self.addToolBar(self.filters.toolbar(self.navigate.find_box))
        self._build_docks()
        # Bound methods throughout, never closures over the window: a closure connected to the
        # document kept every window closed, and its plan, alive until the program ended.
        self.tree.doubleClickedTask.connect(self._open_details)
        self.tree.typingRefused.connect(self._say)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.gantt.taskMenuRequested.connect(self._chart_menu)
        self.gantt.taskActivated.connect(self._open_details)
        self.gantt.dragDates.connect(self._say_briefly)
        self.empty_hint = EmptyPlanHint(self.gantt.canvas, document)
        self.unscheduled_banner = UnscheduledBanner(self.gantt.canvas, document)
        document.refused.connect(self._show_refusal)
        document.noted.connect(self._note)
        document.pathChanged.connect(self.update_title)
        document.undo_stack.cleanChanged.connect(self.update_title)
        document.changed.connect(self.update_title)
        self.update_title()
        self.analysis = AnalysisTools(self)
        self.sharing = SharingActions(self)
        self._add_signature_label()
        self.restore_settings()  # after every dock exists, so their places and tabs come back too

    # -- building ------------------------------------------------------------------------------
    def add_action(self, icon_name: str, text: str, shortcut: KeySpec | tuple, slot: Callable | None,
                   tip: str = "", checkable: bool = False, on_tasks: bool = False) -> QAction:
        """An action with icon, shortcuts and status tip, owned by the window.

        `shortcut` is a key, a standard key, or a tuple of them (the first is the one shown). An
        action `on_tasks` (Delete, Copy, Indent...) answers its keys only in the task table and the
        chart: pressed in a dock's table, Delete deleted the tasks selected out of sight."""
        action = QAction(icon(icon_name), text, self)
        specs = shortcut if isinstance(shortcut, tuple) else (shortcut,)
        action.setShortcuts(key_list(*specs))
        shown = first_key_text(*specs)
        action.setStatusTip(tip)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')}" + (f" ({shown})" if shown else ""))
        action.setCheckable(checkable)
        # Connected first, so the message goes before the command says its own (a toggle's, after).
        action.toggled.connect(self._command_begins)
        action.triggered.connect(lambda _checked=False: self._command_given(checkable))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: self._after_typing(slot))
        if on_tasks:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        (self.splitter if on_tasks else self).addAction(action)
        return action

    def _after_typing(self, slot: Callable) -> None:
        # A command given while a cell is being typed into acts on the typed value, as in MS Project:
        # typing a name and pressing Insert (or clicking Indent, or Ctrl+S) used to lose the name.
        self.tree.commit_open_editor()
        slot()

    def _command_begins(self, checked: bool) -> None:
        self.status_messages.command_begins(checked)

    def _command_given(self, checkable: bool) -> None:
        self.status_messages.command_given(checkable)

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _say_briefly(self, text: str) -> None:
        self.statusBar().showMessage(text, 3000)

    def _note(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _open_details(self, _task_id) -> None:
        self.edit.open_details()

    def _build_docks(self) -> None:
        history = QUndoView(self.document.undo_stack)
        history.setEmptyLabel("Plan as opened")
        self.history_dock = self._dock("Undo history", "undo_history_dock", history,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.participants = ParticipantsPanel(self.document)
        self.participants_dock = self._dock("Participants", "participants_dock", self.participants,
                                            Qt.DockWidgetArea.BottomDockWidgetArea)
        for dock, text in ((self.history_dock, "&Undo history"), (self.participants_dock, "&Participants")):
            dock.hide()
            dock.toggleViewAction().setText(text)  # a letter of its own, as every other View entry
            self.menus["view"].addAction(dock.toggleViewAction())

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _tree_menu(self, pos) -> None:
        """Right-click on a row: that row joins the selection's place as in MS Project, then the task menu."""
        task_id = self.tree.indexAt(pos).data(TASK_ID_ROLE)
        if task_id is not None and task_id not in self.document.selected_ids:
            self.document.set_selection([task_id])
        menu = task_menu(self) if task_id is not None else chart_menu(self)
        self.context_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _chart_menu(self, task_id, global_pos) -> None:
        """Right-click on a bar (the task menu) or on the empty chart (add, paste, today, zoom)."""
        if task_id is not None and task_id not in self.document.selected_ids:
            self.document.set_selection([task_id])
        menu = task_menu(self) if task_id is not None else chart_menu(self)
        self.context_menu = menu
        menu.popup(global_pos)

    def show_print_preview(self) -> None:
        """File → Print: Qt's preview of the timeline the chart shows, printable from there."""
        self.print_dialog = preview_dialog(self)
        self.print_dialog.open()

    def _show_refusal(self, error: PlannerError, initiator: object) -> None:
        """The one way a refused edit is shown, whichever view asked for it: the status bar and a
        warning naming the problem (not blocking, so the planner can look at what is wrong). A
        move the outline cannot make (Move up on the first task of a group) is said in the status
        bar alone, as MS Project simply does nothing: pressing Alt+Shift+Up once too often to bring
        a task to the top of its group is no mistake to acknowledge in a box."""
        self.statusBar().showMessage(error.message, 10000)
        if error.code != "task.cannot_move":
            if initiator is self.tree.source_model and self.tree.state() == QAbstractItemView.State.EditingState:
                show_refusal(self, error, then=TYPED_CELL_KEPT)
            else:
                show_refusal(self, error)

    def _add_signature_label(self) -> None:
        label = SignatureStatus(self.document)
        self.statusBar().addPermanentWidget(label)
        self.status_bar_widgets["signature"] = label

    # -- title, settings, closing --------------------------------------------------------------
    def update_title(self, *_args) -> None:
        """'<plan name> — <file name>[*] — ILRS Planner' with the modified marker; the folder is in the status bar."""
        try:
            where = os.path.basename(self.document.path) if self.document.path else "not saved to a file"
            self.setWindowTitle(f"{self.document.project.name} — {where}[*] — ILRS Planner")
            self.setWindowFilePath(self.document.path or "")
            self.setWindowModified(self.document.modified)
        except RuntimeError:  # the undo stack announces its clean state while being destroyed at exit
            pass

    def restore_settings(self) -> None:
        """Window geometry, docks, splitter, columns and zoom as the user left them."""
        keep_settings_private()  # before this window writes anything there
        settings = QSettings()
        if (geometry := settings.value("window/geometry")) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 950)
        self.layout_remembered = (state := settings.value("window/state")) is not None
        if state is not None:
            self.restoreState(state)
        fit_to_screen(self)
        self._split_when_shown = (splitter := settings.value("window/splitter")) is None
        if splitter is not None:
            self.splitter.restoreState(splitter)
            # The width it was split at (not remembered before: taken as wider than any window).
            self._remembered_width = int(settings.value("window/splitter_width", 1 << 30) or 0)
        else:  # until the first show, when the width the screen gives is known (view.first_split)
            self.splitter.setSizes([self.width() * 2 // 5, self.width() * 3 // 5])
        self.tree.restore_state(settings)
        self.view.restore_state(settings)

    def save_settings(self) -> None:
        """Remember what restore_settings brings back."""
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/splitter_width", self.splitter.width())
        self.tree.save_state(settings)
        self.view.save_state(settings)
        settings.sync()  # written now, so that its file is made private too (Qt writes it 0644 at first)
        keep_settings_private()

    def showEvent(self, event) -> None:
        """On first show the frame's size is known: fit the whole window, frame included, on screen."""
        super().showEvent(event)
        if not self._fitted_once:
            self._fitted_once = True
            fit_to_screen(self)
            if self._split_when_shown:
                self.view.first_split()
            else:
                self.view.remembered_split(self._remembered_width)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Apply a cell being typed into (as any command does), then ask about unsaved changes;
        remember the layout; remove the recovery file on a clean exit. Typing that is refused keeps
        the window open on it: closing would drop it without a word."""
        if not self.tree.commit_open_editor() or not self.plan_file.may_discard_changes():
            event.ignore()
            return
        self.save_settings()
        self.place.flush()
        self.plan_file.shutdown()
        event.accept()

    def dragEnterEvent(self, event) -> None:
        """Accept a dragged plan file."""
        self.files.drag_enter(event)

    def dropEvent(self, event) -> None:
        """Open a dropped plan file."""
        self.files.drop(event)
