"""Autosave: a recovery copy every minute while the plan has unsaved changes, never holding the window up.

Writing the copy of a 100,000-task plan takes most of a second. So the window only takes a
snapshot of the plan (store/snapshot.py), a few milliseconds at a time between its other events,
and the copy is written from that snapshot on a thread of its own (store/recovery_thread.py). An
edit, undo, redo or another plan that comes between two steps of a snapshot starts it again from
the plan as it is then: a copy always holds the plan of one moment, never half of an edit. An edit
made while the copy is being written is in the next minute's copy.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain import PlannerError
from ...store.session import PlanSession
from ...store.snapshot import PlanSnapshot, take_snapshot
from ..document import Document

AUTOSAVE_MS = 60_000  # at most a minute of work is lost in a crash


class Autosave(QObject):
    """Writes the document's recovery copy every minute while it has unsaved changes."""

    failed = Signal(str)  # the sentence saying why
    written = Signal(object)  # the copy's path, once it is written
    _finished = Signal(object, object)  # (path, error), sent from the writing thread

    def __init__(self, document: Document, session: Callable[[], PlanSession], parent: QObject):
        super().__init__(parent)
        self.document, self._session = document, session
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.start)
        self._step_timer = QTimer(self)  # a step of the snapshot each time the window has nothing else to do
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._step)
        self._steps: Generator[None, None, PlanSnapshot] | None = None
        self._revision = -1  # the document's revision the snapshot under way is of
        self._finished.connect(self._report)  # queued: emitted on the writing thread
        document.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        """Begin a recovery copy now, unless the plan is saved or a copy is already under way."""
        if not self.document.modified or self.busy():
            return
        self._begin_snapshot()

    def busy(self) -> bool:
        """True while a snapshot is being taken or a copy written."""
        return self._steps is not None or self._session().writing_recovery()

    def stop(self) -> None:
        """No more copies until the next unsaved change (a copy being written is finished)."""
        self.timer.stop()
        self._drop_snapshot()

    def _begin_snapshot(self) -> None:
        self._steps = take_snapshot(self.document.project)
        self._revision = self.document.revision
        self._step_timer.start()

    def _step(self) -> None:
        if self._steps is None:
            return
        if self.document.revision != self._revision:  # the plan changed between two steps
            self._begin_snapshot()
            return
        try:
            next(self._steps)
        except StopIteration as taken:
            self._drop_snapshot()
            self._session().write_recovery_later(taken.value, self._finished.emit)

    def _drop_snapshot(self) -> None:
        self._step_timer.stop()
        self._steps = None

    def _report(self, path: Path | None, error: PlannerError | None) -> None:
        if error is not None:
            if self.document.modified:  # a save that waited for this copy has made it moot
                self.failed.emit(f"Autosave failed: {error.message}")
        else:
            self.written.emit(path)
