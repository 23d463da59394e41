"""The one QUndoCommand adapter: a pure `Command` on the document's QUndoStack."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ..commands.base import ChangeSet, Command

if TYPE_CHECKING:
    from .document import Document

_NO_MERGE = -1


def merge_id(command: Command) -> int:
    """Qt's merge id for a command: equal merge keys give equal ids; None never merges."""
    if command.merge_key is None:
        return _NO_MERGE
    return hash(command.merge_key) & 0x7FFFFFFF


class UndoAdapter(QUndoCommand):
    """Runs `command` against the document's project; the first redo only reports the change."""

    def __init__(self, document: Document, command: Command, applied: ChangeSet, initiator: object = None):
        super().__init__(command.text)
        # Weakly: the document's undo stack owns this command, so a strong reference back would make
        # a cycle through C++ ownership. When the garbage collector broke such a cycle at this
        # command, freeing the document deleted its stack, which deleted this command mid-free
        # (a crash in QUndoStack::clear).
        self._document = weakref.ref(document)
        self.command = command
        self._first_changes: ChangeSet | None = applied  # Document.push applied it already
        self._initiator = initiator  # who asked for the edit; undo and later redos come from the stack
        self.forget_on_undo = False  # undone, the step leaves the history (no redo): an add taken back

    @property
    def document(self) -> Document:
        document = self._document()
        assert document is not None, "the undo stack outlived its document"
        return document

    def redo(self) -> None:
        initiator = None
        if self._first_changes is not None:
            changes, self._first_changes = self._first_changes, None
            initiator, self._initiator = self._initiator, None
        else:
            count = len(self.document.project.tasks)
            changes = self.command.apply(self.document.project)
            self.setText(self.command.text)
            self.document.notify_changed(changes, initiator)
            self._select_returned(changes, count)
            return
        self.setText(self.command.text)
        self.document.notify_changed(changes, initiator)

    def undo(self) -> None:
        count = len(self.document.project.tasks)
        changes = self.command.revert(self.document.project)
        self.document.notify_changed(changes)
        self._select_returned(changes, count)
        if self.forget_on_undo:
            self.setObsolete(True)  # Qt then deletes the step undone

    def _select_returned(self, changes: ChangeSet, count: int) -> None:
        """Tasks an undo or redo brought back (a deletion undone, an addition redone) are selected, as
        MS Project selects them: the planner sees what came back, not the row that was below it."""
        tasks = self.document.project.tasks
        if len(tasks) > count:
            self.document.set_selection([tid for tid in changes.task_ids if tid in tasks])

    def id(self) -> int:  # noqa: A003 - Qt's name
        return merge_id(self.command)

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a follow-up nudge of the same task and field (Qt calls this after its redo)."""
        if not isinstance(other, UndoAdapter) or other.command.merge_key != self.command.merge_key:
            return False
        if not self.command.merge(other.command):
            return False
        self.setText(self.command.text)
        return True
