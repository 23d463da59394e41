"""OutlineRows: the flat table of an outline's visible rows, and how row changes are announced.

Qt's tree view lays out every open row whenever rows come or go, asking Python for each one: at
100,000 tasks that was seconds at start and after every added task. A table of the visible rows
(the outline walked through the open summaries) costs nothing per row; opening a summary or an
edit becomes the rows it inserted, removed or moved, so the view keeps selection, scroll and the
open summaries without being told.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Signal

from ...domain import Project
from .row_lookup import RowLookup
from .task_columns import Column
from .task_outline import INSERT, MOVE, REMOVE, SAME, row_edit, visible_rows

_ROOT = QModelIndex()
_FEW_ROWS = 8  # rows announced one by one after a change; more are announced as one range


class OutlineRows(RowLookup, QAbstractTableModel):
    """Rows = visible task ids; `_project`, `_children`, `_summaries` and `open` are set by the subclass."""

    openChanged = Signal(str, bool)  # a summary was opened (True) or closed

    _project: Project
    _children: dict[str | None, list[str]]
    _summaries: set[str]
    open: set[str]
    kept: set[str] | None = None  # a filter's tasks and their summaries (None: no filter)

    def visible_ids(self) -> list[str]:
        """The task ids of the rows, top to bottom."""
        return list(self._rows)

    def shown(self) -> list[str]:
        """The task ids of the rows, top to bottom: the model's own list, which it replaces after a
        change and never changes, so a view may keep it (read it, never change it). A copy of
        100,000 ids scattered in memory, and freeing it later, cost 1-5 ms per edit."""
        return self._rows

    def task_id(self, index: QModelIndex) -> str | None:
        """The task shown by `index` (None for an invalid index)."""
        return self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None

    def children_of(self, task_id: str | None) -> list[str]:
        """Child ids of a task (None: the top level) in display order."""
        return self._children.get(task_id, [])

    def index_of(self, task_id: str, column: int = 0) -> QModelIndex:
        """The index showing `task_id`, or an invalid index when its row is not shown."""
        row = self.row_of(task_id)
        return QModelIndex() if row is None else self.createIndex(row, column)

    def depth(self, task_id: str) -> int:
        """Outline level of a task (0 = top level)."""
        tasks, depth = self._project.tasks, 0
        parent = tasks[task_id].parent_id
        while parent is not None and parent in tasks:
            depth, parent = depth + 1, tasks[parent].parent_id
        return depth

    def has_children(self, task_id: str) -> bool:
        """True for a summary (it has an open/close arrow)."""
        return task_id in self._summaries

    def is_open(self, task_id: str) -> bool:
        """True when the summary's sub-tasks are shown."""
        return task_id in self.open

    # -- opening and closing summaries -------------------------------------------------------
    def set_open(self, task_id: str, on: bool) -> None:
        """Show or hide the sub-tasks of a summary: their rows are inserted or removed, nothing else moves."""
        if task_id not in self._summaries or on == (task_id in self.open):
            return
        row = self.row_of(task_id)
        if row is None:  # inside a closed summary: remembered for when that one opens
            (self.open.add if on else self.open.discard)(task_id)
            return self.openChanged.emit(task_id, on)
        if on:
            self.open.add(task_id)
            block = self._visible(task_id)
            self._apply(self._rows[:row + 1] + block + self._rows[row + 1:])
        else:
            block = self._visible(task_id)
            self.open.discard(task_id)
            self._apply(self._rows[:row + 1] + self._rows[row + 1 + len(block):])
        self._emit_rows([task_id])  # its arrow turned
        self.openChanged.emit(task_id, on)

    def set_all_open(self, on: bool) -> None:
        """Open (or close) every summary: one reset, which costs nothing per row in a table."""
        self.beginResetModel()
        self.open = set(self._summaries) if on else set()
        self._set_rows(self._visible())
        self.endResetModel()

    def open_ancestors(self, task_id: str) -> None:
        """Open the summaries above `task_id`, top first, so its row is shown."""
        chain, parent = [], self._project.tasks[task_id].parent_id if task_id in self._project.tasks else None
        while parent is not None:
            chain.append(parent)
            parent = self._project.tasks[parent].parent_id
        for summary in reversed(chain):
            self.set_open(summary, True)

    def _visible(self, top: str | None = None) -> list[str]:
        """The rows below `top` (None: every row) through the open summaries and the filter."""
        return visible_rows(self._children, self.open, top, self.kept)

    def set_kept(self, kept: set[str] | None) -> None:
        """Show only `kept` (a filter's tasks with their summaries, which open so the tasks are
        seen; None: every task). The rows that go and come are announced, not a reset: the
        selection and the scroll survive where they can."""
        self.kept = kept
        if kept is not None:
            self.open |= kept & self._summaries
        self._apply(self._visible())

    def _apply(self, rows: list[str], ends: tuple[int, int] | None = None) -> None:
        """Move from the current rows to `rows`, announcing the insert, removal or move it is
        (`ends`: where the two lists agree, when known; see row_edit)."""
        edit = row_edit(self._rows, rows, ends)
        first = edit.first
        stretch = (first, len(edit.old), len(edit.new))
        if edit.kind == SAME:
            self._set_rows(rows, None, stretch)
        elif edit.kind == INSERT:
            self.beginInsertRows(_ROOT, first, first + len(edit.new) - 1)
            self._set_rows(rows, first, stretch)
            self.endInsertRows()
        elif edit.kind == REMOVE:
            self.beginRemoveRows(_ROOT, first, first + len(edit.old) - 1)
            self._set_rows(rows, first, stretch)
            self.endRemoveRows()
        elif edit.kind == MOVE:
            self.beginMoveRows(_ROOT, first, first + edit.split - 1, _ROOT, first + len(edit.old))
            self._set_rows(rows, first, stretch)
            self.endMoveRows()
        else:  # one stretch replaced: its rows go, the new ones come (rows around it are kept)
            self.beginRemoveRows(_ROOT, first, first + len(edit.old) - 1)
            self._set_rows(self._rows[:first] + self._rows[first + len(edit.old):], first, (first, len(edit.old), 0))
            self.endRemoveRows()
            self.beginInsertRows(_ROOT, first, first + len(edit.new) - 1)
            self._set_rows(rows, first, (first, 0, len(edit.new)))
            self.endInsertRows()

    # -- QAbstractItemModel -----------------------------------------------------------------
    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(Column)

    def _emit_all(self) -> None:
        if self._rows:  # one range: the view repaints what it shows, however many rows there are
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    def _emit_rows(self, task_ids) -> None:
        if len(task_ids) > _FEW_ROWS:  # finding many rows makes a map of every row (30 ms at 100,000):
            return self._emit_all()  # one range repaints the rows shown, as a signal per row does
        last = len(Column) - 1
        for tid in task_ids:
            row = self.row_of(tid)
            if row is not None:
                self.dataChanged.emit(self.createIndex(row, 0), self.createIndex(row, last))

