"""The task table as an outline: summaries open and close (their sub-tasks' rows inserted or
removed, not the whole plan laid out again), by their arrow in the Name column or by Left and
Right there, as in MS Project; the same calls as QTreeView's, which the window and tests use."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from .task_columns import Column


class OutlineView:
    """Mixed into the task table (a QTableView with `source_model`, `delegate`, `proxy_index` and
    `expanded`/`collapsed` signals)."""

    def isExpanded(self, index: QModelIndex) -> bool:
        """True when the summary at `index` shows its sub-tasks."""
        task_id = self.source_model.task_id(index)
        return task_id is not None and self.source_model.is_open(task_id)

    def setExpanded(self, index: QModelIndex, on: bool) -> None:
        """Open or close the summary at `index` (its sub-tasks' rows are inserted or removed)."""
        task_id = self.source_model.task_id(index)
        if task_id is not None:
            self.source_model.set_open(task_id, on)

    def expand(self, index: QModelIndex) -> None:
        """Open the summary at `index`."""
        self.setExpanded(index, True)

    def collapse(self, index: QModelIndex) -> None:
        """Close the summary at `index`."""
        self.setExpanded(index, False)

    def expandAll(self) -> None:
        """Open every summary."""
        self.source_model.set_all_open(True)

    def collapseAll(self) -> None:
        """Close every summary."""
        self.source_model.set_all_open(False)

    def _announce_open(self, task_id: str, on: bool) -> None:
        index = self.proxy_index(task_id)
        (self.expanded if on else self.collapsed).emit(index)

    def _on_arrow(self, index: QModelIndex, x: float) -> bool:
        task_id = self.source_model.task_id(index)
        if task_id is None or index.column() != int(Column.NAME) or not self.source_model.has_children(task_id):
            return False
        left, right = self.delegate.arrow_span(self.visualRect(index), self.source_model.depth(task_id))
        return left <= x < right

    def folded_by_key(self, event) -> bool:
        """Left on an open summary's name closes it, Right on a closed one opens it; True when it did
        (from a summary's Finish, Left still goes to its Start rather than folding it away)."""
        index = self.currentIndex()
        task_id = self.source_model.task_id(index)
        key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
        in_outline = index.column() == int(Column.NAME) and self.state() != QAbstractItemView.State.EditingState
        if not (plain and in_outline and task_id is not None and self.source_model.has_children(task_id)):
            return False
        opened = self.source_model.is_open(task_id)
        if (key == Qt.Key.Key_Left and opened) or (key == Qt.Key.Key_Right and not opened):
            self.setExpanded(index, not opened)
            return True
        return False
