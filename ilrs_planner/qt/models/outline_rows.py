"""OutlineRows: the flat table of an outline's visible rows, and how row changes are announced.

Qt's tree view lays out every open row whenever rows come or go, asking Python for each one: at
100,000 tasks that was seconds at start and after every added task. A table of the visible rows
(the outline walked through the open summaries) costs nothing per row; opening a summary or an
edit becomes the rows it inserted, removed or moved, so the view keeps selection, scroll and the
open summaries without being told.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Signal

from ...domain import Project
from .task_columns import Column
from .task_outline import INSERT, MOVE, REMOVE, SAME, row_edit, visible_rows

_ROOT = QModelIndex()
_FEW_ROWS = 8  # rows announced one by one after a change; more are announced as one range
# Rows either side of a change looked through first for a task, then ever wider: the summaries
# above an edited task lie a few, then a few hundred rows above it, and a scan of the whole list
# from its top took about 1 ms each at 100,000 rows.
_NEAR = (32, 512, 8192)


class OutlineRows(QAbstractTableModel):
    """Rows = visible task ids; `_project`, `_children`, `_summaries` and `open` are set by the subclass."""

    openChanged = Signal(str, bool)  # a summary was opened (True) or closed

    _project: Project
    _children: dict[str | None, list[str]]
    _summaries: set[str]
    open: set[str]
    _rows: list[str]
    kept: set[str] | None = None  # a filter's tasks and their summaries (None: no filter)

    def _set_rows(self, rows: list[str], near: int | None = None) -> None:
        self._rows = rows
        self._row_of: dict[str, int] | None = None  # built when many rows are looked up, once per change
        self._lookups = 0
        self._found: dict[str, int | None] = {}  # the rows looked up since
        self._near = near  # where the rows changed: the task an edit touched is looked up there first
        self._last_found: int | None = None  # else near the row found last (a summary above the task found)

    def _rows_by_id(self) -> dict[str, int]:
        if self._row_of is None:
            self._row_of = {tid: row for row, tid in enumerate(self._rows)}
        return self._row_of

    def row_of(self, task_id: str) -> int | None:
        """The row showing `task_id` (None when hidden). The first few look-ups after a change scan
        the list (C speed, ~1 ms at 100,000 rows); a map of every row (30 ms) is built only when
        many are asked for, as when a large selection is restored."""
        if self._row_of is not None:
            return self._row_of.get(task_id)
        if task_id in self._found:  # an edit's task is asked for again and again (selection, editor, chart)
            return self._found[task_id]
        if self._lookups >= 8:
            return self._rows_by_id().get(task_id)
        self._lookups += 1
        found = self._found[task_id] = self._scan(task_id)
        return found

    def scanned_row(self, task_id: str) -> int | None:
        """The row showing `task_id`, found by a scan that leaves the look-ups counted towards the
        map of every row alone (the columns measuring an edit's rows would otherwise bring on that
        30 ms map for the selection's look-ups that follow)."""
        if self._row_of is not None:
            return self._row_of.get(task_id)
        if task_id not in self._found:
            self._found[task_id] = self._scan(task_id)
        return self._found[task_id]

    def _scan(self, task_id: str) -> int | None:
        """The row of `task_id` found in the list: around where the rows changed first (a few
        dozen rows, then more), or the row found last, then everywhere."""
        centre = self._near if self._near is not None else self._last_found
        if centre is not None:
            for reach in _NEAR:
                with contextlib.suppress(ValueError):
                    return self._rows.index(task_id, max(0, centre - reach), centre + reach)
        try:
            self._last_found = self._rows.index(task_id)
        except ValueError:
            return None
        return self._last_found

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
        if edit.kind == SAME:
            self._set_rows(rows)
        elif edit.kind == INSERT:
            self.beginInsertRows(_ROOT, first, first + len(edit.new) - 1)
            self._set_rows(rows, first)
            self.endInsertRows()
        elif edit.kind == REMOVE:
            self.beginRemoveRows(_ROOT, first, first + len(edit.old) - 1)
            self._set_rows(rows, first)
            self.endRemoveRows()
        elif edit.kind == MOVE:
            self.beginMoveRows(_ROOT, first, first + edit.split - 1, _ROOT, first + len(edit.old))
            self._set_rows(rows, first)
            self.endMoveRows()
        else:  # one stretch replaced: its rows go, the new ones come (rows around it are kept)
            self.beginRemoveRows(_ROOT, first, first + len(edit.old) - 1)
            self._set_rows(self._rows[:first] + self._rows[first + len(edit.old):], first)
            self.endRemoveRows()
            self.beginInsertRows(_ROOT, first, first + len(edit.new) - 1)
            self._set_rows(rows, first)
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

