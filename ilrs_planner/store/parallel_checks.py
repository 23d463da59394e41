"""The slow checks of an opened plan file, run in a second thread while the first reads the tables.

`PRAGMA integrity_check` and the value rules (validate.check_integrity) are one long SQLite
statement each, run in C; SQLite lets go of the GIL while a statement runs. On a second read-only
connection in a thread they take a second core while the main thread fetches rows and builds
objects, so the user waits for the longer of the two rather than for both. Every check still runs
to its end, and the plan is handed over only after it has passed.

Both connections read the same state of the same file:
- Same state. The reader's connection holds a SHARED lock from its first read until it closes
  (a read transaction, in exclusive locking mode). Side files are refused, so the file is in
  rollback-journal mode, where a writer must hold an EXCLUSIVE lock to change the file itself, and
  cannot get one while any SHARED lock is held. The checking connection takes its own SHARED lock
  while the reader holds its lock, so no change can be committed between what the one reads and
  what the other checks (tests/store/test_store_parallel_checks.py shows a writer refused then).
- Same file. A rename can put another file under the same name (our own save does just that), so
  the path is looked up again once the second connection holds its lock: it must still name the
  file it named before the first connection opened. A file held open keeps its identity (device,
  inode) to itself, so only a file moved away and back within those milliseconds could pass unseen.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ..domain import PlannerError
from .connection import open_readonly, sqlite_errors
from .header import Header, io_error
from .validate import check_identity, check_integrity

FileIdentity = tuple[int, int]


def file_identity(path: Path) -> FileIdentity:
    """(device, inode) of the file `path` names now."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise io_error(path, exc) from None
    return info.st_dev, info.st_ino


@contextlib.contextmanager
def checked_in_parallel(path: Path, header: Header, opened: FileIdentity, deadline: float) -> Iterator[None]:
    """Run check_integrity on a second connection while the body reads; raise its refusal, if any.

    Call it while the reader's connection holds its read transaction; `opened` is what
    `file_identity` gave just before that connection opened. Should reading fail, the checks are
    waited for first: a value they refuse is what reading choked on, and their refusal names it.
    """
    checker = Checker(path, header, opened, deadline)
    try:
        yield
    except Exception:
        checker.raise_finding()
        raise
    except BaseException:  # interrupted by the user: stop checking, do not wait for it
        checker.stop()
        checker.conn.close()
        raise
    checker.raise_finding()


class Checker:
    """check_integrity running in a thread on its own connection, until `deadline` (time.monotonic)."""

    def __init__(self, path: Path, header: Header, opened: FileIdentity, deadline: float):
        self.deadline = deadline
        self.finding: BaseException | None = None
        self.conn = open_readonly(path, header.file_bytes, watched=False)
        try:
            with sqlite_errors(path):
                self.conn.execute("BEGIN")
                check_identity(self.conn, path, header)  # the first read: it takes the SHARED lock
            if file_identity(path) != opened:
                raise PlannerError("store.io", f"'{path}' changed while it was being opened; try again",
                                   [str(path)])
        except BaseException:
            self.conn.close()
            raise
        self.thread = threading.Thread(target=self.run, args=(path, header.user_version), daemon=True,
                                       name="plan file checks")
        self.thread.start()

    def run(self, path: Path, version: int) -> None:
        try:
            with sqlite_errors(path):
                check_integrity(self.conn, path, version)
        except BaseException as exc:  # handed to the reading thread, which raises it
            self.finding = exc

    def wait(self) -> BaseException | None:
        """What the checks found (None: the file passed them); they are stopped at the deadline,
        which SQLite reports as an interruption, a `store.too_large` refusal."""
        self.thread.join(max(0.0, self.deadline - time.monotonic()))
        if self.thread.is_alive():
            self.stop()
        self.conn.close()
        return self.finding

    def stop(self) -> None:
        """Interrupt the checks and wait for their thread to end. An interrupt reaches only a statement
        already running, and the thread may be between two: so it is repeated until the thread ends."""
        while self.thread.is_alive():
            self.conn.interrupt()
            self.thread.join(0.01)

    def raise_finding(self) -> None:
        finding = self.wait()
        if finding is not None:
            raise finding
