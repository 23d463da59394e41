"""The File menu: new, open (also by drag and drop), recent files, save, save as, export, close.

The actions only ask the plan-file controller (`window.plan_file`), which does the work."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from ..exchange.formats import supported_extensions
from .dialogs.export_dialog import ExportDialog
from .keys import StandardKey
from .sharing.prompts import EXCHANGE_FILTERS

if TYPE_CHECKING:
    from .main_window import MainWindow


class FileActions:
    """File actions on `window`; what they do is the plan-file controller's work."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        self.plan_file = plan_file = window.plan_file
        add = window.add_action
        self.new = add("new", "&New plan", StandardKey.New, plan_file.new_plan, "Start an empty plan")
        self.open = add("open", "&Open…", StandardKey.Open, self.open_dialog,
                        "Open a plan file (.db), or an MS Project, P6 or spreadsheet file as a new plan")
        self.save = add("save", "&Save", StandardKey.Save, plan_file.save, "Save the plan")
        self.save_as = add("save", "Save &as…", (StandardKey.SaveAs, "F12"), plan_file.save_as,  # F12: Office's
                           "Save the plan to another file")
        self.export_image = add("export", "&Export image…", "Ctrl+E", self.export_dialog,
                                "Export the timeline as PNG, SVG or PDF")
        # Ctrl+W closes the plan and keeps the window, as in MS Project; Ctrl+Q leaves the application.
        self.close = add("", "&Close plan", StandardKey.Close, plan_file.close_plan,
                         "Close the plan (asks to save changes) and leave an empty one open")
        self.quit = add("", "&Quit", ("Ctrl+Q", StandardKey.Quit), window.close, "Close the window")
        self._print: list[QAction] = []
        self.recent_menu = window.menus["file"].addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def file_actions(self) -> list[QAction | None]:
        """The File menu in order (None = separator); Open recent is placed after Open."""
        return [self.new, self.open, self.recent_menu.menuAction(), None, self.save, self.save_as, None,
                self.export_image, *self._print, None, self.close, self.quit]

    def add_print(self, action: QAction) -> None:
        """Show File → Print after Export image."""
        self._print = [action]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.plan_file.recent_paths()
        for path in paths:
            self.recent_menu.addAction(path, lambda p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction("No recent plans").setEnabled(False)

    # -- opening: plan files, and other tools' files as new plans ------------------------------
    def open_dialog(self) -> bool:
        """File → Open: a plan file, or an MS Project, P6 or spreadsheet file, shown together first."""
        return bool(path := self.plan_file.choose_to_open(_open_filter())) and self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a plan file; a file another tool wrote is imported as a new, unsaved plan, as MS
        Project's Open reads an XML file (it was refused as "not a plan file")."""
        if _extension(path) in _imported():
            return self.window.sharing.import_path(path)
        return self.plan_file.open_path(path)

    # -- drag and drop, export, about ----------------------------------------------------------
    def drag_enter(self, event: QDragEnterEvent) -> None:
        """Accept a drag that carries a file File → Open would open."""
        if _first_openable(event):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """Open the first dropped file File → Open would open."""
        if path := _first_openable(event):
            event.acceptProposedAction()
            if self.window.tree.commit_open_editor():  # the typing first, as a command applies it
                self.open_path(path)

    def export_dialog(self) -> None:
        """File → Export image…"""
        dialog = ExportDialog(self.document, self.window, self.window.filters.filtered_rows())
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


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _imported() -> list[str]:
    """The extensions of other tools' files a plan is read from (MS Project, P6, spreadsheets)."""
    return [extension for extension in supported_extensions("read") if extension in EXCHANGE_FILTERS]


def _open_filter() -> str:
    """Plan files and every file imported, together first; then each kind; then any file."""
    kinds = [".db", *_imported()]
    together = f"Plans and project files ({' '.join('*' + kind for kind in kinds)})"
    return ";;".join([together, "ILRS plans (*.db)", *(EXCHANGE_FILTERS[kind] for kind in kinds[1:]),
                      "All files (*)"])


def _first_openable(event: QDragEnterEvent | QDropEvent) -> str:
    """The first dragged file File → Open would open ('' for none)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = (url.toLocalFile() for url in urls)
    return next((path for path in paths if _extension(path) in (".db", *_imported())), "")
