"""The open plan's file: in-use markers, changed-on-disk questions, autosave and recovery.

The file work is the store's PlanSession; this module asks the user whenever the store reports
something a person must decide (someone else has the file, someone saved over it, a crash left
unsaved work). It never changes the Document: it tells the controller what the planner chose.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ...domain import PlannerError, Project, SentCopy
from ...store import open_project
from ...store.lock import read_lock
from ...store.recovery import Recovery, discard_copy, find_recoveries
from ...store.session import PlanSession
from ..dialogs.messages import ask, show_error
from ..document import Document
from .autosave import Autosave
from .recovery_offer import kept_at, offer_another, recovery_source


class ChangedOnDisk(enum.Enum):
    """What the planner chose when the file changed on disk since it was opened."""

    RELOAD = "reload"
    SAVE_AS_COPY = "save as copy"
    CANCEL = "cancel"


class FileSession(QObject):
    """Holds the PlanSession of the document's file and autosaves while there are unsaved changes."""

    autosaveFailed = Signal(str)  # the sentence saying why

    def __init__(self, document: Document, dialog_parent: QWidget):
        super().__init__(dialog_parent)
        self.dialog_parent = dialog_parent
        self.document = document
        self.session: PlanSession | None = None  # untitled until a file is opened or saved
        self.changed_on_disk: ChangedOnDisk | None = None  # the answer of the last refused save
        self.autosaving = Autosave(document, self._session, self)
        self.autosaving.failed.connect(self.autosaveFailed)

    @property
    def autosave_timer(self) -> QTimer:
        """The minute's timer of the recovery copy (running while there are unsaved changes)."""
        return self.autosaving.timer

    def _session(self) -> PlanSession:
        if self.session is None:
            self.session = PlanSession.untitled(self.document.project)
        return self.session

    # -- opening ---------------------------------------------------------------------------------
    def holds(self, path: str) -> bool:
        """Whether `path` is the file this session has open (reopening it is reopening our own)."""
        return self.session is not None and self.session.path is not None and self.session.lock is not None \
            and os.path.abspath(self.session.path) == os.path.abspath(path)

    def hold(self, path: str) -> PlanSession | None:
        """`path` read with every check and held, beside the session open now (which `adopt` replaces,
        or the caller closes the new one); asks when someone else has it. None when the user declines."""
        try:
            return PlanSession.open(path, force=self.holds(path))  # reopening our own file
        except PlannerError as error:
            if error.code != "store.in_use":
                raise
            return self._open_in_use(path)

    def adopt(self, session: PlanSession) -> None:
        """Make `session` (from `hold`) the document's file, releasing the one open before."""
        self._replace_session(session)

    def _open_in_use(self, path: str) -> PlanSession | None:
        holder = read_lock(path)
        who = holder.describe() if holder else "someone else"
        choice = ask(self.dialog_parent, "Plan in use",
                     f"“{os.path.basename(path)}” is open by {who}.\n\nOpen a copy to read (save it under "
                     "another name), or take the file over if they have finished with it?",
                     ["Open a copy", "Take over", "Cancel"], "Open a copy")
        if choice == "Take over":
            return PlanSession.open(path, force=True)
        if choice == "Open a copy":
            return PlanSession.untitled(open_project(path))
        return None

    def _replace_session(self, session: PlanSession) -> None:
        if self.session is not None:
            self.session.close()  # our marker released, our recovery copy gone
        self.session = session

    def opened_path(self) -> str | None:
        """The file the document now belongs to (None for a copy or an untitled plan)."""
        return str(self.session.path) if self.session is not None and self.session.path else None

    # -- saving ----------------------------------------------------------------------------------
    def save(self, project: Project, path: str) -> str | None:
        """Save to `path`; asks if the file changed on disk. The path written, or None if not saved
        (then `changed_on_disk` holds what the planner chose instead, if they were asked)."""
        self.changed_on_disk = None
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
        session = self._session()
        choice = ask(self.dialog_parent, "Plan changed on disk",
                     f"“{session.path.name}” was changed by someone else since you opened it.\n\n"
                     "Reload their version (your unsaved changes are dropped), save yours as a copy, "
                     "or overwrite their changes?",
                     ["Reload", "Save as copy", "Overwrite", "Cancel"], "Save as copy")
        if choice == "Overwrite":
            session.save(project, overwrite=True)
            return str(session.path)
        self.changed_on_disk = {"Save as copy": ChangedOnDisk.SAVE_AS_COPY,
                                "Reload": ChangedOnDisk.RELOAD}.get(choice or "", ChangedOnDisk.CANCEL)
        return None

    def reload(self) -> Project:
        """The plan as it is in its file now (someone else's saved version)."""
        return self._session().reload()

    def _take_over_target(self, path: str) -> bool:
        holder = read_lock(path)
        who = holder.describe() if holder else "someone else"
        return ask(self.dialog_parent, "File in use",
                   f"“{os.path.basename(path)}” is open by {who}. Replace it anyway?",
                   ["Replace", "Cancel"], "Cancel") == "Replace"

    # -- autosave and recovery -------------------------------------------------------------------
    def autosave(self) -> None:
        """Begin the recovery copy now (see autosave.py); a failure is noted, never fatal."""
        self.autosaving.start()

    def offer_recovery(self) -> tuple[Project, str | None, Project | None] | None:
        """At start: offer the newest unsaved work a crash left, saying from when, then each further
        copy (recovery_offer: one window shows one plan); the restored plan, its file and the plan as
        that file holds it (None without one)."""
        restored = None
        for recovery in find_recoveries():
            if recovery.owner_alive:
                continue  # another running window's autosave, not a crash
            if restored is not None:
                offer_another(self.dialog_parent, recovery, ask)
                continue
            when = kept_at(recovery)
            choice = ask(self.dialog_parent, "Restore unsaved work",
                         f"ILRS Planner stopped before changes to {recovery_source(recovery)} were saved. They "
                         f"were kept automatically at {when}.\n\nRestore them?",
                         ["Restore", "Discard", "Cancel"], "Restore")
            if choice == "Discard":
                discard_copy(recovery.copy_path)
            elif choice == "Restore":
                restored = self._restore(recovery)  # None when it cannot be read: the next is offered
            else:
                return None  # keep it for the next start
        return restored

    def _restore(self, recovery: Recovery) -> tuple[Project, str | None, Project | None] | None:
        try:
            project = recovery.load()
        except PlannerError as error:
            show_error(self.dialog_parent, "Could not restore", error)
            return None
        session = PlanSession.untitled(project)
        if recovery.plan_path and Path(recovery.plan_path).exists():
            try:
                session = PlanSession.open(recovery.plan_path)  # hold the file, remember its state
            except PlannerError:
                pass  # in use or unreadable now: restore as an untitled plan
        as_saved = session.project if session.path is not None else None  # the plan file's content
        self._replace_session(session)
        session.project = project
        session.write_recovery(project)  # safe again before the old copy goes
        if recovery.copy_path != session.recovery_path:
            discard_copy(recovery.copy_path)
        return project, (str(session.path) if session.path else None), as_saved

    def keep_secret(self, secret: bytes, sent: SentCopy | None = None) -> bool:
        """Have the plan's file hold `secret`, the one its partner copies are keyed on, and the record of
        the copy `sent`: written into it now, nothing else of the plan (the store's
        PlanSession.keep_secret); False when the plan has no file yet (its first save keeps them)."""
        if self.session is None or self.session.path is None:
            return False
        if self.session.secret_on_disk != secret or sent is not None:
            self.session.keep_secret(secret, sent)
        return True

    def start_untitled(self, project: Project) -> None:
        """A plan with no file (new, closed, imported): let go of the current file."""
        self._replace_session(PlanSession.untitled(project))

    def release(self) -> None:
        """A clean exit: stop autosaving, remove the recovery copy, release the in-use marker."""
        self.autosaving.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
