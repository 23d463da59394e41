"""PlanFileController: the one owner of the plan file's life (new, open, import, recover, reload, save, close).

Every path by which a different plan reaches the window goes through here, so each one settles
the same three things: which file (if any) the plan now belongs to, whether closing must offer to
save it, and the recent-files list. Menus, drag and drop, the sharing tools and start-up ask this
controller; it never reaches up into the window (it only parents its dialogs on a widget).
"""

from __future__ import annotations

import os
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ...domain import PlannerError, Project
from ...domain.blank_plan import blank_plan
from ...exchange.formats import READ_THROUGH, ImportResult, read_plan
from ...files.names import safe_file_stem
from ...store.repair import is_repairable
from ..dialogs.messages import show_error
from ..document import Document
from ..sharing.signed_edits import signed_edits
from .cleaned_copy import offer_cleaned_copy
from .session import ChangedOnDisk, FileSession
from .stale_signature import StaleChoice, ask_save_over_signature, remove_stale_signature, stale_signer

PLAN_FILTER = "ILRS plans (*.db);;All files (*)"
MAX_RECENT = 8


class PlanFileController(QObject):
    """Owns which plan the Document shows and which file it belongs to."""

    statusMessage = Signal(str)  # a short note for the status bar ("Saved …", "Plan closed")

    def __init__(self, document: Document, dialog_parent: QWidget):
        super().__init__(dialog_parent)
        self.document = document
        self.dialog_parent = dialog_parent
        self.file_session = FileSession(document, dialog_parent)
        self.file_session.autosaveFailed.connect(self.statusMessage)

    # -- a plan with no file ---------------------------------------------------------------------
    def new_plan(self) -> bool:
        """An empty plan as MS Project starts one (after the question about unsaved changes)."""
        if not self.may_discard_changes():
            return False
        self._show_untitled(blank_plan(date.today()))
        return True

    def close_plan(self) -> bool:
        """Close the plan (asking about changes) and leave an empty untitled one open."""
        if self.new_plan():
            self.statusMessage.emit("Plan closed")
            return True
        return False

    def import_file(self, path: str) -> ImportResult | None:
        """Read a foreign file as a new plan that is not a plan file yet: closing offers to save it.

        None when the planner kept the current plan; a PlannerError (the file cannot be read) leaves
        the current plan in place and propagates to the tool that asked, which says why."""
        if not self.may_discard_changes():
            return None
        name = os.path.basename(path)
        result = self._read_busy(path, name)
        self._show_untitled(result.project)
        self.document.mark_unsaved()
        read_through = next((note for note in result.warnings if note.startswith(READ_THROUGH)), "")
        self.statusMessage.emit(f"Imported {name}: {len(result.project.tasks):,} tasks"
                                + (f" ({read_through})" if read_through else ""))
        return result

    def _read_busy(self, path: str, name: str) -> ImportResult:
        """Read the file under a busy cursor, the status bar saying so (a file read through MPXJ takes
        seconds, a Java process starting); a file refused leaves the status bar saying that, not the
        message before it ("Exported ...")."""
        self.statusMessage.emit(f"Importing {name}…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # painted before
        try:
            return read_plan(path)
        except PlannerError:
            self.statusMessage.emit(f"Not imported: {name} could not be read")
            raise
        finally:
            QApplication.restoreOverrideCursor()

    def _show_untitled(self, project: Project) -> None:
        self.file_session.start_untitled(project)  # never autosaved or saved as the file open before
        self.document.replace_project(project, None)

    # -- plan files --------------------------------------------------------------------------------
    def choose_to_open(self, file_filter: str = PLAN_FILTER) -> str:
        """The file chosen in the Open dialog, in the folder of the plan open ('' when cancelled)."""
        return QFileDialog.getOpenFileName(self.dialog_parent, "Open plan", self._folder(), file_filter)[0]

    def open_path(self, path: str) -> bool:
        """Open `path`; a damaged, foreign or busy file is explained and the current plan stays.

        The file is read and checked before the question about unsaved changes: a partner's file
        that will not open must not first cost the planner a decision about their own plan. Only
        reopening our own file asks first. A plan refused only for bidirectional controls in its
        text (saved before they were refused) can be opened as a cleaned copy (see cleaned_copy)."""
        return self._open_checked(path, offer_repair=True)

    def _open_checked(self, path: str, offer_repair: bool) -> bool:
        own = self.file_session.holds(path)
        if own and not self.may_discard_changes():
            return False
        try:
            session = self.file_session.hold(path)
        except PlannerError as error:
            if not (offer_repair and is_repairable(error)):
                show_error(self.dialog_parent, "Could not open the plan", error)
                return False
            cleaned = offer_cleaned_copy(self.dialog_parent, path, error, PLAN_FILTER)
            return cleaned is not None and self._open_checked(cleaned, offer_repair=False)
        if session is None:  # the user chose not to open a file someone else has open
            return False
        if not own and not self.may_discard_changes():
            session.close()  # our marker on the file we did not open released
            return False
        self.file_session.adopt(session)
        self.document.replace_project(session.project, self.file_session.opened_path())  # None for a copy
        self._add_recent(os.path.abspath(path))
        return True

    def recover(self) -> None:
        """At start: offer to restore unsaved work a crash left in a recovery file."""
        restored = self.file_session.offer_recovery()
        if restored is not None:
            project, path, as_saved = restored
            # A signed plan's restored edits no longer match its signature: the window must know.
            signed_edits(self.document).restoring(project, as_saved)
            self.document.replace_project(project, path)
            self.document.mark_unsaved()  # the restored edits are not in the plan file yet

    def reload(self) -> None:
        """Show the plan as saved in its file now, dropping unsaved edits (the planner chose so)."""
        self.document.replace_project(self.file_session.reload(), self.document.path)

    # -- saving ------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the plan's file (asks for one the first time). True when the plan is on disk."""
        if self.document.path is None:
            return self.save_as()
        signer = stale_signer(self.document)
        if signer:
            choice = ask_save_over_signature(self.dialog_parent, signer)
            if choice is StaleChoice.CANCEL:
                return False
            if choice is StaleChoice.SAVE_AS:
                return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Save to a file the user chooses (a signature the edits no longer match stays off the copy)."""
        # The plan's name may hold '/', '..' or ':': the suggestion stays one file in the plan's folder.
        suggestion = os.path.join(self._folder(), f"{safe_file_stem(self.document.project.name)}.db")
        path, _ = QFileDialog.getSaveFileName(self.dialog_parent, "Save plan as", suggestion, PLAN_FILTER)
        if not path:
            return False
        return self._save_to(path if path.lower().endswith(".db") else path + ".db")

    def _save_to(self, path: str) -> bool:
        signer = stale_signer(self.document)
        if signer:
            remove_stale_signature(self.document, signer)
        try:
            saved = self.file_session.save(self.document.project, path)
        except PlannerError as error:
            show_error(self.dialog_parent, "Could not save the plan", error)
            return False
        if saved is None:
            return self._after_changed_on_disk()
        self.document.set_path(os.path.abspath(saved))
        self.document.mark_saved()
        self._add_recent(os.path.abspath(saved))
        removed = f"; the signature by {signer} was removed: sign again to vouch for it" if signer else ""
        self.statusMessage.emit(f"Saved {saved}{removed}")
        return True

    def _after_changed_on_disk(self) -> bool:
        """Someone saved over the file: do what the planner chose instead of overwriting."""
        choice = self.file_session.changed_on_disk
        if choice is ChangedOnDisk.SAVE_AS_COPY:
            return self.save_as()
        if choice is ChangedOnDisk.RELOAD:
            self.reload()
        return False

    def may_discard_changes(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.document.modified:
            return True
        buttons = QMessageBox.StandardButton
        # The plan's name, escaped, inside markup: shown as the text it is (see plain_text.py).
        answer = QMessageBox.question(
            self.dialog_parent, "Unsaved changes",
            f"<p>Save the changes to “{escape(self.document.project.name)}” before closing it?</p>",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def shutdown(self) -> None:
        """A clean exit: stop autosaving, remove the recovery file, release the in-use marker."""
        self.file_session.release()

    # -- recent files ------------------------------------------------------------------------------
    def recent_paths(self) -> list[str]:
        """Recently opened or saved plans, newest first."""
        value = QSettings().value("files/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _add_recent(self, path: str) -> None:
        paths = [path] + [p for p in self.recent_paths() if p != path]
        QSettings().setValue("files/recent", paths[:MAX_RECENT])

    def _folder(self) -> str:
        return os.path.dirname(self.document.path) if self.document.path else os.path.expanduser("~")
