"""A plan file open in the desktop app: in use by us, watched for changes, with an autosave copy.

How the app uses it::

    session = PlanSession.open(path)            # store.in_use names who else has it open
    session.project                             # the plan as read
    ... every minute while there are unsaved changes:
    session.write_recovery(project)             # or, from a snapshot, on a thread of its own:
    session.write_recovery_later(snapshot, done)
    ... on Save:
    if session.changed_on_disk():               # someone else saved over it since we opened it
        ask: reload / save as copy / overwrite  # -> session.save(project, overwrite=True)
    session.save(project)                       # store.changed_on_disk if changed and not overwrite
    session.save_as(project, new_path)
    session.close()                             # clean exit: marker released, recovery copy removed

After a crash, `recovery.find_recoveries()` lists what can be restored and when it was written.

A recovery copy written in the background is waited for by everything else that touches the
session's files (save, save as, close, another recovery copy): never two at once, and a save's
removal of the copy always comes after the copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..domain import PlannerError, Project, SentCopy
from .fingerprint import Fingerprint, changed_since
from .lock import LockInfo, acquire_lock, release_lock
from .reader import open_project
from .recovery import discard_recovery, recovery_path_for, untitled_name, write_recovery
from .recovery_thread import Done, RecoveryThread
from .secret_keeper import keep_secret
from .snapshot import PlanSnapshot
from .writer import write_plan_file


class PlanSession:
    """One plan file held open by this program (see the module docstring)."""

    def __init__(self, path: Path | None, project: Project, fingerprint: Fingerprint | None,
                 lock: LockInfo | None):
        self.path, self.project, self.fingerprint, self.lock = path, project, fingerprint, lock
        # The secret the file holds (read, saved or kept): a partner copy keyed on another one must put
        # its own into the file first, whatever the plan in memory held a moment before.
        self.secret_on_disk = project.secret if path is not None else None
        self._background = RecoveryThread()
        # Until it has a file, the plan's recovery copy has a name of its own (recovery.untitled_name).
        self.copy_name = untitled_name() if path is None else ""

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, force: bool = False) -> PlanSession:
        """Mark `path` in use and read it; `force=True` takes over someone else's marker."""
        path = Path(path)
        lock = acquire_lock(path, force=force)
        try:
            # Fingerprint before reading: if the file changes while we read, the next save asks.
            fingerprint = Fingerprint.of(path)
            project = open_project(path)
        except BaseException:
            release_lock(path, lock)
            raise
        return cls(path, project, fingerprint, lock)

    @classmethod
    def untitled(cls, project: Project) -> PlanSession:
        """A plan not yet saved to any file (its recovery copy is 'untitled-…', its own)."""
        return cls(None, project, None, None)

    def changed_on_disk(self) -> bool:
        """True when the file no longer holds what we read or last saved (or was deleted)."""
        return self.path is not None and changed_since(self.path, self.fingerprint)

    def save(self, project: Project, *, overwrite: bool = False) -> None:
        """Save to our file; refuses with `store.changed_on_disk` if someone changed it, unless `overwrite`."""
        if self.path is None:
            raise PlannerError("store.io", "the plan has no file yet; choose where to save it (Save As)")
        self._background.wait()
        if not overwrite:
            self._check_still_ours()
        # Compare-and-swap: the check runs again under the folder's lock just before the rename, so
        # a save by another session that lands while ours is being written is never overwritten.
        _, self.fingerprint = write_plan_file(project, self.path, check=None if overwrite else self._check_still_ours)
        self.project, self.secret_on_disk = project, project.secret
        discard_recovery(self.path)

    def _check_still_ours(self) -> None:
        if self.changed_on_disk():
            raise PlannerError("store.changed_on_disk", f"'{self.path}' was changed by someone else since it "
                               "was opened; reload it, save as a copy, or overwrite their changes", [str(self.path)])

    def save_as(self, project: Project, path: str | os.PathLike[str], *, force: bool = False) -> None:
        """Save to a new file and hold that one from now on."""
        path = Path(path)
        same_file = self.path is not None and os.path.abspath(path) == os.path.abspath(self.path)
        if same_file:
            return self.save(project, overwrite=True)
        lock = acquire_lock(path, force=force)
        self._background.wait()
        try:
            _, fingerprint = write_plan_file(project, path)
        except BaseException:
            release_lock(path, lock)
            raise
        discard_recovery(self.path, self.copy_name)
        if self.path is not None:
            release_lock(self.path, self.lock)
        self.path, self.project, self.fingerprint, self.lock = path, project, fingerprint, lock
        self.secret_on_disk = project.secret
        self.copy_name = ""

    def keep_secret(self, secret: bytes, sent: SentCopy | None = None) -> None:
        """Write the secret the open plan just drew (its first partner copy) into its file, and the record
        of the partner copy `sent` just made from it (sharing/sent_record.py), the file otherwise as it
        was opened or last saved: the planner's unsaved edits stay unsaved, theirs to save or discard,
        while the secret and the record outlive a Discard (secret_keeper.py; refused by name, the file as
        it was, when it is read-only or someone saved over it)."""
        if self.path is None:
            return  # no file yet: the first save keeps it
        self._background.wait()
        read = Fingerprint.of(self.path)
        if self.fingerprint is None or not self.fingerprint.same_content(read):
            raise PlannerError("store.secret_not_kept", f"'{self.path}' was changed by someone else since it was "
                               "opened, so the plan's secret for its partner copies' link ids could not be "
                               "written into it; reload it or save it, then make the copy again", [str(self.path)])
        as_saved = open_project(self.path)
        as_saved.secret = secret
        if sent is not None:
            as_saved.sent_copies = (*as_saved.sent_copies, sent)
        self.fingerprint = keep_secret(self.path, as_saved, read)
        self.secret_on_disk = secret

    def reload(self) -> Project:
        """Read the file again (after the user chose 'reload'); the new content becomes ours."""
        if self.path is None:
            raise PlannerError("store.io", "the plan has no file to reload")
        fingerprint = Fingerprint.of(self.path)
        self.project, self.fingerprint = open_project(self.path), fingerprint
        self.secret_on_disk = self.project.secret
        return self.project

    def write_recovery(self, project: Project) -> Path:
        """Autosave `project` to this file's recovery copy; returns the copy's path."""
        self._background.wait()
        return write_recovery(project, self.path, self.copy_name)

    def write_recovery_later(self, snapshot: PlanSnapshot, done: Done) -> None:
        """Write `snapshot` to this file's recovery copy on a thread of its own; `done(path, error)`
        is called on that thread when it is written (or could not be)."""
        self._background.start(snapshot, self.path, done, self.copy_name)

    @property
    def recovery_path(self) -> Path:
        """Where this plan's recovery copy is written."""
        return recovery_path_for(self.path, self.copy_name)

    def writing_recovery(self) -> bool:
        """True while a recovery copy is being written in the background."""
        return self._background.busy()

    def close(self, *, keep_recovery: bool = False) -> None:
        """Release the in-use marker and, on a clean exit, remove the recovery copy."""
        self._background.wait()
        if not keep_recovery:
            discard_recovery(self.path, self.copy_name)
        if self.path is not None:
            release_lock(self.path, self.lock)
        self.lock = None

    def __enter__(self) -> PlanSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
