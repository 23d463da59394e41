"""MainWindow: task tree and Gantt side by side, menus, toolbar, docks, status bar, analysis and sharing tools."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QToolBar, QUndoView

from .analysis.installer import AnalysisTools
from ..domain import PlannerError
from .dialogs.messages import show_refusal
from .document import Document
from .gantt.view import GanttView
from .keys import KeySpec, first_key_text, key_list
from .main_window_edit import EditActions
from .main_window_files import FileActions
from .main_window_sync import RowSync
from .main_window_view import ViewActions
from .screen_fit import fit_to_screen
from .models.task_tree_view import TaskTreeView
from .participants.panel import ParticipantsPanel
from .plan_file import PlanFileController
from .resources import icon
from .sharing.actions import SharingActions
from .sharing.signature_label import SignatureStatus


class MainWindow(QMainWindow):
    """The planner's window. The analysis and sharing tools add to `menus`, `status_bar_widgets` and docks."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.menus: dict[str, QMenu] = {}
        self.status_bar_widgets: dict = {}
        self._fitted_once = False
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        for key, title in (("file", "&File"), ("edit", "&Edit"), ("view", "&View"),
                           ("analysis", "&Analysis"), ("help", "&Help")):
            self.menus[key] = self.menuBar().addMenu(title)
        self.tree = TaskTreeView(document)
        self.gantt = GanttView(document)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.gantt)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([810, 1110])
        self.setCentralWidget(self.splitter)
        self.row_sync = RowSync(self.tree, self.gantt)
        self.edit = EditActions(self)
        self.view = ViewActions(self)
        self.plan_file = PlanFileController(document, self)
        self.plan_file.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.files = FileActions(self)
        self._build_menus_and_toolbar()
        self._build_docks()
        self.tree.doubleClickedTask.connect(lambda _tid: self.edit.open_details())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        document.refused.connect(self._show_refusal)
        document.pathChanged.connect(self.update_title)
        document.undo_stack.cleanChanged.connect(self.update_title)
        document.changed.connect(self.update_title)
        self.update_title()
        self.restore_settings()
        self.analysis = AnalysisTools(self)
        self.sharing = SharingActions(self)
        self._add_signature_label()

    # -- building ------------------------------------------------------------------------------
    def add_action(self, icon_name: str, text: str, shortcut: KeySpec | tuple, slot: Callable | None,
                   tip: str = "", checkable: bool = False) -> QAction:
        """An action with icon, shortcuts and status tip, owned by the window.

        `shortcut` is a key, a standard key, or a tuple of them (the first is the one shown)."""
        action = QAction(icon(icon_name), text, self)
        specs = shortcut if isinstance(shortcut, tuple) else (shortcut,)
        action.setShortcuts(key_list(*specs))
        shown = first_key_text(*specs)
        action.setStatusTip(tip)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')}" + (f" ({shown})" if shown else ""))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus_and_toolbar(self) -> None:
        for key, actions in (("file", self.files.file_actions()), ("edit", self.edit.edit_actions()),
                             ("view", self.view.view_actions())):
            for action in actions:
                self.menus[key].addSeparator() if action is None else self.menus[key].addAction(action)
        self.menus["help"].addAction("&About ILRS Planner", self.files.about)
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(22, 22))
        groups = [[self.files.new, self.files.open, self.files.save],
                  [self.edit.undo, self.edit.redo],
                  [self.edit.add_task, self.edit.add_milestone, self.edit.delete, self.edit.link, self.edit.details],
                  [self.edit.outdent, self.edit.indent, self.edit.move_up, self.edit.move_down],
                  [*self.view.zoom.values(), self.view.critical],
                  [self.files.export_image]]
        for index, group in enumerate(groups):
            if index:
                toolbar.addSeparator()
            toolbar.addActions(group)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_docks(self) -> None:
        history = QUndoView(self.document.undo_stack)
        history.setEmptyLabel("Plan as opened")
        self.history_dock = self._dock("Undo history", "undo_history_dock", history, Qt.DockWidgetArea.RightDockWidgetArea)
        self.participants = ParticipantsPanel(self.document)
        self.participants_dock = self._dock("Participants", "participants_dock", self.participants,
                                            Qt.DockWidgetArea.BottomDockWidgetArea)
        for dock in (self.history_dock, self.participants_dock):
            dock.hide()
            self.menus["view"].addAction(dock.toggleViewAction())

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _tree_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in self.edit.edit_actions()[3:]:
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _show_refusal(self, error: PlannerError, _initiator: object) -> None:
        """The one way a refused edit is shown, whichever view asked for it: the status bar and a
        warning naming the problem (not blocking, so the planner can look at what is wrong)."""
        self.statusBar().showMessage(error.message, 10000)
        show_refusal(self, error)

    def _add_signature_label(self) -> None:
        label = SignatureStatus(self.document)
        self.statusBar().addPermanentWidget(label)
        self.status_bar_widgets["signature"] = label

    # -- title, settings, closing --------------------------------------------------------------
    def update_title(self, *_args) -> None:
        """'<plan name> — <file>[*] — ILRS Planner', with the modified marker."""
        try:
            where = self.document.path or "not saved to a file"
            self.setWindowTitle(f"{self.document.project.name} — {where}[*] — ILRS Planner")
            self.setWindowModified(self.document.modified)
        except RuntimeError:  # the undo stack announces its clean state while being destroyed at exit
            pass

    def restore_settings(self) -> None:
        """Window geometry, docks, splitter, columns and zoom as the user left them."""
        settings = QSettings()
        if (geometry := settings.value("window/geometry")) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 950)
        if (state := settings.value("window/state")) is not None:
            self.restoreState(state)
        fit_to_screen(self)
        if (splitter := settings.value("window/splitter")) is not None:
            self.splitter.restoreState(splitter)
        self.tree.restore_state(settings)
        self.view.restore_state(settings)

    def save_settings(self) -> None:
        """Remember what restore_settings brings back."""
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        self.tree.save_state(settings)
        self.view.save_state(settings)

    def showEvent(self, event) -> None:
        """On first show the frame's size is known: fit the whole window, frame included, on screen."""
        super().showEvent(event)
        if not self._fitted_once:
            self._fitted_once = True
            fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes; remember the layout; remove the recovery file on a clean exit."""
        if not self.plan_file.may_discard_changes():
            event.ignore()
            return
        self.save_settings()
        self.plan_file.shutdown()
        event.accept()

    def dragEnterEvent(self, event) -> None:
        """Accept a dragged plan file."""
        self.files.drag_enter(event)

    def dropEvent(self, event) -> None:
        """Open a dropped plan file."""
        self.files.drop(event)
