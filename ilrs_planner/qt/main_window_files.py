"""The File menu: new, open (also by drag and drop), recent files, save, save as, export, close."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..domain import PlannerError, Project
from .dialogs.messages import show_error
from .dialogs.plan_files import PlanFiles
from .keys import StandardKey

if TYPE_CHECKING:
    from .main_window import MainWindow

PLAN_FILTER = "ILRS plans (*.db);;All files (*)"
MAX_RECENT = 8


class FileActions:
    """File actions on `window`; the file work itself (locks, recovery, disk checks) is in PlanFiles."""

    def __init__(self, window: "MainWindow"):
        self.window = window
        self.document = window.document
        self.plan_files = PlanFiles(window)
        add = window.add_action
        self.new = add("new", "&New plan", StandardKey.New, self.new_plan, "Start an empty plan")
        self.open = add("open", "&Open…", StandardKey.Open, self.open_dialog, "Open a plan file (.db)")
        self.save = add("save", "&Save", StandardKey.Save, self.save_plan, "Save the plan")
        self.save_as = add("save", "Save &as…", StandardKey.SaveAs, self.save_plan_as,
                           "Save the plan to another file")
        self.export_image = add("export", "&Export image…", "Ctrl+E", self.export_dialog,
                                "Export the timeline as PNG, SVG or PDF")
        # Ctrl+W closes the plan and keeps the window, as in MS Project; Ctrl+Q leaves the application.
        self.close = add("", "&Close plan", StandardKey.Close, self.close_plan,
                         "Close the plan (asks to save changes) and leave an empty one open")
        self.quit = add("", "&Quit", ("Ctrl+Q", StandardKey.Quit), window.close, "Close the window")
        self.recent_menu = window.menus["file"].addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def file_actions(self) -> list[QAction | None]:
        """The File menu in order (None = separator); Open recent is placed after Open."""
        return [self.new, self.open, self.recent_menu.menuAction(), None, self.save, self.save_as, None,
                self.export_image, None, self.close, self.quit]

    # -- opening ---------------------------------------------------------------------------------
    def new_plan(self) -> None:
        """An empty plan starting this year."""
        if self.may_discard_changes():
            self._show_empty_plan()

    def close_plan(self) -> None:
        """File → Close plan: after the usual question about changes, an empty untitled plan."""
        if self.may_discard_changes():
            self._show_empty_plan()
            self.window.statusBar().showMessage("Plan closed", 5000)

    def _show_empty_plan(self) -> None:
        project = Project(name="New plan", start=date(date.today().year, 1, 1))
        self.plan_files.start_untitled(project)
        self.document.replace_project(project, None)

    def open_dialog(self) -> None:
        """Choose a plan file and open it."""
        path, _ = QFileDialog.getOpenFileName(self.window, "Open plan", self._folder(), PLAN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open `path`; a damaged, foreign or busy file is explained and the current plan stays."""
        if not self.may_discard_changes():
            return False
        try:
            project = self.plan_files.open(path)
        except PlannerError as error:
            show_error(self.window, "Could not open the plan", error)
            return False
        if project is None:  # the user chose not to open a file someone else has open
            return False
        opened = self.plan_files.opened_path()  # None when only a copy was opened
        self.document.replace_project(project, opened)
        self._add_recent(os.path.abspath(path))
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_paths()
        for path in paths:
            self.recent_menu.addAction(path, lambda p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction("No recent plans").setEnabled(False)

    def recent_paths(self) -> list[str]:
        """Recently opened or saved plans, newest first."""
        value = QSettings().value("files/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _add_recent(self, path: str) -> None:
        paths = [path] + [p for p in self.recent_paths() if p != path]
        QSettings().setValue("files/recent", paths[:MAX_RECENT])

    def _folder(self) -> str:
        return os.path.dirname(self.document.path) if self.document.path else os.path.expanduser("~")

    # -- saving ----------------------------------------------------------------------------------
    def save_plan(self) -> bool:
        """Save to the plan's file (asks for one the first time). True when the plan is on disk."""
        if self.document.path is None:
            return self.save_plan_as()
        return self._save_to(self.document.path)

    def save_plan_as(self) -> bool:
        """Save to a file the user chooses."""
        suggestion = os.path.join(self._folder(), f"{self.document.project.name}.db")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save plan as", suggestion, PLAN_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".db"):
            path += ".db"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            saved = self.plan_files.save(self.document.project, path)
        except PlannerError as error:
            show_error(self.window, "Could not save the plan", error)
            return False
        if saved is None:
            return False
        self.document.set_path(os.path.abspath(saved))
        self.document.mark_saved()
        self._add_recent(os.path.abspath(saved))
        self.window.statusBar().showMessage(f"Saved {saved}", 5000)
        return True

    def may_discard_changes(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            f"Save the changes to “{self.document.project.name}” before closing it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_plan()
        return answer == QMessageBox.StandardButton.Discard

    def offer_recovery(self) -> None:
        """At start: offer to restore unsaved work a crash left in a recovery file."""
        restored = self.plan_files.offer_recovery()
        if restored is not None:
            project, path = restored
            self.document.replace_project(project, path)
            # The restored edits are not on disk yet: mark the plan modified so closing asks to save.
            self.document.undo_stack.resetClean()

    def shutdown(self) -> None:
        """A clean exit: stop autosaving, remove the recovery file, release the in-use marker."""
        self.plan_files.release()

    # -- drag and drop, export, about ----------------------------------------------------------
    def drag_enter(self, event) -> None:
        """Accept a drag that carries a .db file."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.toLocalFile().lower().endswith(".db") for url in urls):
            event.acceptProposedAction()

    def drop(self, event) -> None:
        """Open the first dropped .db file."""
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(".db"):
                event.acceptProposedAction()
                self.open_path(url.toLocalFile())
                return

    def export_dialog(self) -> None:
        """File → Export image…"""
        from .dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.document, self.window)
        dialog.accepted.connect(lambda: self._exported(dialog))
        dialog.open()

    def _exported(self, dialog) -> None:
        """Say where the image went, and what had to be folded to fit its size."""
        note = f": {'; '.join(dialog.warnings)}" if dialog.warnings else ""
        self.window.statusBar().showMessage(f"Exported {dialog.written}{note}", 20000)

    def about(self) -> None:
        """Help → About."""
        QMessageBox.about(self.window, "About ILRS Planner",
                          "ILRS Planner — plan, schedule and analyse the International Lunar Research "
                          "Station roadmap.\n\nDates are shown at the precision they were announced.")
