"""Recovery copies written on a thread of their own, so the window goes on while the copy is written.

Writing a recovery copy of a 100,000-task plan takes most of a second; the window only takes a
snapshot of the plan (snapshot.py) and hands it here. The thread makes the plan's objects again
from the snapshot and writes them as any recovery copy (recovery.write_recovery), then reports
the path written or the error. Much of the write is SQLite's, which runs without Python's global
lock; the rest shares it with the window a few milliseconds at a time.

One write at a time: `wait()` returns once the write under way (if any) has finished. Whatever else
touches the same files (a save, which removes the copy; a close) waits first, so a copy written
after a save never survives it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from ..domain import PlannerError, Project
from .gcpause import gc_paused
from .recovery import write_recovery
from .snapshot import PlanSnapshot

# Called on the writing thread with the copy's path, or with the error that stopped it.
Done = Callable[[Path | None, PlannerError | None], None]


class RecoveryThread:
    """Writes one recovery copy at a time in the background (see the module docstring)."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def busy(self) -> bool:
        """True while a copy is being written."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, snapshot: PlanSnapshot, plan_path: str | os.PathLike[str] | None, done: Done,
              untitled: str = "") -> None:
        """Write `snapshot` as the recovery copy of `plan_path` (or `untitled`) in the background; `done`
        says how it went."""
        self.wait()
        # A daemon: a program killed mid-write leaves at most a temporary file, which the next write removes.
        self._thread = threading.Thread(target=_write, args=(snapshot, plan_path, untitled, done),
                                        name="recovery copy", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Return once no copy is being written."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _write(snapshot: PlanSnapshot, plan_path: str | os.PathLike[str] | None, untitled: str, done: Done) -> None:
    try:
        path = _write_paused(snapshot, plan_path, untitled)
    except PlannerError as error:
        done(None, error)
    except Exception as exc:  # reported, not lost with the thread: the window says autosave failed
        done(None, PlannerError("store.io", f"the recovery copy could not be written: {exc}"))
    else:
        done(path, None)


def _write_paused(snapshot: PlanSnapshot, plan_path: str | os.PathLike[str] | None, untitled: str) -> Path:
    """The copy written with the garbage collector paused throughout, and the plan made for it gone
    before the collector runs again: else its next pass, on whichever thread allocates first (the
    window's, as likely as not), would walk the 300,000 objects just made only to find them alive."""
    with gc_paused():
        project = snapshot.project()
        try:
            return write_recovery(project, plan_path, untitled)
        finally:
            _let_go(project)


def _let_go(project: Project) -> None:
    """Free the copy's objects one by one: freeing 300,000 as one dict goes holds Python's lock, and
    so the window, for 50-150 ms; between two of these steps the window may take the lock."""
    for objects in (project.tasks, project.links):
        for key in list(objects):
            del objects[key]
