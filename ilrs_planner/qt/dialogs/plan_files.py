"""Plan files in the desktop app: in-use markers, changed-on-disk questions, autosave and recovery.

The file work is the store's PlanSession; this module asks the user whenever the store reports
something a person must decide (someone else has the file, someone saved over it, a crash left
unsaved work).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ...domain import PlannerError, Project
from .messages import ask

if TYPE_CHECKING:
    from ..main_window import MainWindow

AUTOSAVE_MS = 60_000  # at most a minute of work is lost in a crash


def _store():
    """The store package with its session modules (imported when a file is first used)."""
    from ... import store
    from ...store import lock, recovery, session  # noqa: F401 - loaded as attributes of `store`

    return store


class PlanFiles(QObject):
    """Holds the PlanSession of the document's file and autosaves while there are unsaved changes."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.session = None  # untitled until a file is opened or saved
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.document.projectReplaced.connect(self._follow_document)

    def _follow_document(self) -> None:
        # A plan put in the window without a file (an import, say) must not autosave or save as
        # the file that was open before it.
        if self.document.path is None and self.session is not None and self.session.path is not None:
            self._replace_session(_store().session.PlanSession.untitled(self.document.project))

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.autosave_timer.stop()
        elif not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def _session(self):
        if self.session is None:
            self.session = _store().session.PlanSession.untitled(self.document.project)
        return self.session

    # -- opening ---------------------------------------------------------------------------------
    def open(self, path: str) -> Project | None:
        """Hold and read `path`; asks when someone else has it open. None when the user declines."""
        store = _store()
        ours = self.session is not None and self.session.path is not None and self.session.lock is not None \
            and os.path.abspath(self.session.path) == os.path.abspath(path)
        try:
            session = store.session.PlanSession.open(path, force=ours)  # reopening our own file
        except PlannerError as error:
            if error.code != "store.in_use":
                raise
            session = self._open_in_use(path)
            if session is None:
                return None
        self._replace_session(session)
        return session.project

    def _open_in_use(self, path: str):
        store = _store()
        holder = store.lock.read_lock(path)
        who = holder.describe() if holder else "someone else"
        choice = ask(self.window, "Plan in use",
                     f"“{os.path.basename(path)}” is open by {who}.\n\nOpen a copy to read (save it under "
                     "another name), or take the file over if they have finished with it?",
                     ["Open a copy", "Take over", "Cancel"], "Open a copy")
        if choice == "Take over":
            return store.session.PlanSession.open(path, force=True)
        if choice == "Open a copy":
            return store.session.PlanSession.untitled(store.open_project(path))
        return None

    def _replace_session(self, session) -> None:
        if self.session is not None:
            self.session.close()  # our marker released, our recovery copy gone
        self.session = session

    def opened_path(self) -> str | None:
        """The file the document now belongs to (None for a copy or an untitled plan)."""
        return str(self.session.path) if self.session is not None and self.session.path else None

    # -- saving ----------------------------------------------------------------------------------
    def save(self, project: Project, path: str) -> str | None:
        """Save to `path`; asks if the file changed on disk. The path written, or None if not saved."""
        session = self._session()
        same = session.path is not None and os.path.abspath(path) == os.path.abspath(session.path)
        try:
            if same:
                session.save(project)
            else:
                session.save_as(project, path)
        except PlannerError as error:
            if error.code == "store.changed_on_disk":
                return self._save_changed_on_disk(project)
            if error.code == "store.in_use" and self._take_over_target(path):
                session.save_as(project, path, force=True)
            else:
                raise
        except OSError as exc:  # the store reports store.io; this is a last line of defence
            raise PlannerError("store.io", f"'{path}' could not be written ({exc.strerror or exc})", [path]) from None
        return str(session.path)

    def _save_changed_on_disk(self, project: Project) -> str | None:
        session = self.session
        choice = ask(self.window, "Plan changed on disk",
                     f"“{session.path.name}” was changed by someone else since you opened it.\n\n"
                     "Reload their version (your unsaved changes are dropped), save yours as a copy, "
                     "or overwrite their changes?",
                     ["Reload", "Save as copy", "Overwrite", "Cancel"], "Save as copy")
        if choice == "Overwrite":
            session.save(project, overwrite=True)
            return str(session.path)
        if choice == "Save as copy":
            QTimer.singleShot(0, self.window.files.save_plan_as)
        elif choice == "Reload":
            self.document.replace_project(session.reload(), str(session.path))
        return None

    def _take_over_target(self, path: str) -> bool:
        holder = _store().lock.read_lock(path)
        who = holder.describe() if holder else "someone else"
        return ask(self.window, "File in use", f"“{os.path.basename(path)}” is open by {who}. Replace it anyway?",
                   ["Replace", "Cancel"], "Cancel") == "Replace"

    # -- autosave and recovery -------------------------------------------------------------------
    def autosave(self) -> None:
        """Write the recovery copy (every minute while modified); a failure is noted, never fatal."""
        if not self.document.modified:
            return
        try:
            self._session().write_recovery(self.document.project)
        except PlannerError as error:
            self.window.statusBar().showMessage(f"Autosave failed: {error.message}", 10000)

    def offer_recovery(self) -> tuple[Project, str | None] | None:
        """At start: offer the newest unsaved work a crash left, saying from when; the restored plan."""
        store = _store()
        for recovery in store.recovery.find_recoveries():
            if recovery.owner_alive:
                continue  # another running window's autosave, not a crash
            where = f"“{recovery.plan_path}”" if recovery.plan_path else "a plan that was never saved"
            when = recovery.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            choice = ask(self.window, "Restore unsaved work",
                         f"ILRS Planner stopped before changes to {where} were saved. They were kept "
                         f"automatically at {when}.\n\nRestore them?",
                         ["Restore", "Discard", "Cancel"], "Restore")
            if choice == "Discard":
                store.recovery.discard_copy(recovery.copy_path)
            elif choice == "Restore":
                return self._restore(recovery)
            else:
                return None  # keep it for the next start
        return None

    def _restore(self, recovery) -> tuple[Project, str | None] | None:
        store = _store()
        try:
            project = recovery.load()
        except PlannerError as error:
            from .messages import show_error

            show_error(self.window, "Could not restore", error)
            return None
        session = store.session.PlanSession.untitled(project)
        if recovery.plan_path and Path(recovery.plan_path).exists():
            try:
                session = store.session.PlanSession.open(recovery.plan_path)  # hold the file, remember its state
            except PlannerError:
                pass  # in use or unreadable now: restore as an untitled plan
        self._replace_session(session)
        self.session.project = project
        self.session.write_recovery(project)  # safe again before the old copy goes
        if recovery.copy_path != store.recovery.recovery_path_for(self.session.path):
            store.recovery.discard_copy(recovery.copy_path)
        return project, (str(self.session.path) if self.session.path else None)

    def start_untitled(self, project: Project) -> None:
        """A new plan: let go of the current file."""
        self._replace_session(_store().session.PlanSession.untitled(project))

    def release(self) -> None:
        """A clean exit: stop autosaving, remove the recovery copy, release the in-use marker."""
        self.autosave_timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
