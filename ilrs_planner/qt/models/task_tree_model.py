"""TaskTreeModel: the WBS as a table of its visible rows (OutlineRows), read from the Document;
edits become pushed commands, and the Document's changes become row inserts, removals and moves."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QModelIndex, Qt

from ...chart.list_ends import table_ids
from ...commands.base import ChangeSet
from ...engine.schedule import TaskDates, TaskTable, changed_rows
from ..change_effects import effects_of
from ..document import Document
from .cell_text import sort_value
from .outline_changes import OutlineChanges
from .outline_rows import OutlineRows
from .owner_icon_colors import OwnerIconColors
from .row_context import RowContext, RowNumbers
from .schedule_rows import ScheduleRows
from .task_cells import ROW_HEIGHT, SORT_ROLE, TASK_ID_ROLE, TaskCells
from .task_columns import Column
from .task_typing import TaskTyping

# The roles the views read cells by, imported from here as before the cells had a module of their own.
__all__ = ["ROW_HEIGHT", "SORT_ROLE", "TASK_ID_ROLE", "TaskTreeModel", "moved_tasks"]


def moved_tasks(before: Mapping[str, TaskDates] | None, after: Mapping[str, TaskDates] | None) -> set[str]:
    """The tasks whose dates, floats or critical flag differ between two schedules (changed_rows).

    An edit of a task's values keeps the plan's tasks in their order: the two schedules' columns
    are then compared whole, without looking each of 100,000 tasks up in the other schedule, and
    only the places that differ are named (100,000 flags listed and walked cost 2 ms a link).
    """
    if isinstance(before, TaskTable) and isinstance(after, TaskTable):
        ids = table_ids(after)
        if table_ids(before) == ids:
            old, new = before.arrays(), after.arrays()
            moved = old[0] != new[0]
            for column in range(1, len(old)):  # column by column: no (8, tasks) array of flags
                moved |= old[column] != new[column]
            return set(map(ids.__getitem__, np.flatnonzero(moved).tolist()))
    return changed_rows(before, after)


_FEW_EDITED = 64  # touched tasks whose summaries are found one by one after a change (% complete rolls up)


class TaskTreeModel(OutlineChanges, TaskTyping, TaskCells, OutlineRows):
    """Visible tasks in outline order (siblings sorted when a column is); columns from task_columns."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._schedule_rows = ScheduleRows()
        self._load()
        self._old_dates = document.schedule.tasks if document.schedule else None  # the table, never copied
        self._shown_seen = document.shown_precision()  # the precisions the rows were last read at
        document.changed.connect(self._on_changed)
        document.baselineChanged.connect(self._on_baseline_changed)

    # -- the outline ---------------------------------------------------------------------------
    def _load(self) -> None:
        """A plan read afresh: every summary open, as a plan opens in MS Project."""
        self._project = self.document.project
        self._revision = self.document.revision
        self._ctx = None
        self._icon_colors = OwnerIconColors()  # the owners' colours as the chart paints them
        self._numbers: RowNumbers | None = None  # the IDs, kept until the outline changes
        self._summaries = self._project.summary_ids()
        self._summaries_follow = False  # the summaries are found from the child lists at the next edit
        self._children = self._sorted(self._project.children_map())
        self._listed: int | None = None  # how many tasks the child lists hold (counted when asked)
        self._parent_of: dict[str, str | None] | None = None  # made at the first edit of the outline
        self.open: set[str] = set(self._summaries)
        self.kept = None  # a plan read afresh is shown whole
        self._set_rows(self._visible())

    # -- sorting: siblings by a column, the outline kept ---------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort siblings by `column` (-1: the plan's own outline order)."""
        wanted = (column if 0 <= column < len(Column) else -1, order)
        if wanted == self._sort:
            return
        self._sort = wanted
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        persistent = self.persistentIndexList()
        self._children = self._sorted(self._project.children_map())
        self._set_rows(self._visible())
        rows = self._rows_by_id()
        self.changePersistentIndexList(persistent, [
            self.createIndex(rows[before[i.row()]], i.column()) if before[i.row()] in rows else QModelIndex()
            for i in persistent])
        self.layoutChanged.emit()

    def _sorted(self, children: dict[str | None, list[str]]) -> dict[str | None, list[str]]:
        column, order = self._sort
        if column < 0:
            return children
        tasks, ctx = self._project.tasks, self._context()
        descending = order == Qt.SortOrder.DescendingOrder
        return {parent: sorted(ids, key=lambda tid: sort_value(tasks[tid], Column(column), ctx), reverse=descending)
                for parent, ids in children.items()}

    # -- refreshing -------------------------------------------------------------------------
    def row_numbers(self) -> RowNumbers:
        """The IDs the ID column shows (kept until the outline changes), for what names tasks as the
        table does: a printed page's ID column."""
        numbers = self._context().numbers
        assert numbers is not None  # RowContext makes them when missing
        return numbers

    def _context(self) -> RowContext:
        if self._ctx is None:  # built once per change, not once per cell
            self._ctx = self._new_context()
        return self._ctx

    def _new_context(self) -> RowContext:
        baseline = None
        if self.document.baseline_name:
            baseline = dict(self.document.project.baseline(self.document.baseline_name).entries)
        ctx = RowContext(self.document.project, self.document.schedule, baseline, self._summaries,
                         self.document.shown_precision(),
                         self._numbers, self._schedule_rows)
        self._numbers = ctx.numbers
        return ctx

    def is_stale(self) -> bool:
        """True between a change to the plan and its announcement here (rows of another plan, or
        rows an edit is removing): the view then leaves selecting to the announcement."""
        return self.document.project is not self._project or self.document.revision != self._revision

    def _reload(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        self._ctx = None
        effects = effects_of(changes)
        self._icon_colors.changed(self.document.project, changes.task_ids,
                                  effects.replaced or self.document.project is not self._project)
        if effects.replaced or self.document.project is not self._project:
            self._reload()
        elif effects.rows:
            self._numbers = None  # tasks came, went or moved: the IDs are counted again
            self._restructure(changes.task_ids)
        elif self._sort[0] >= 0 and effects.reschedule:
            self._resort()
        elif self._precision_may_have_moved():
            self._emit_all()  # one range: a task's dates may read '2030' now, though none of them moved
        else:  # the same rows and summaries: the touched tasks' rows, their summaries' (% complete rolls
            # up) and those the schedule moved
            self._emit_rows(changes.task_ids | self._summaries_above(changes.task_ids) | self._rows_with_new_dates())
        self._revision = self.document.revision
        self._old_dates = self.document.schedule.tasks if self.document.schedule else None
        self._shown_seen = self.document.shown_precision()

    def _precision_may_have_moved(self) -> bool:
        """May a task be shown at another precision than the table last showed, its dates unmoved? On a
        plan with a date coarser than the day, a precision edited or a link that drove a task gone
        changes how precisely the tasks downstream are known: the document then reads them afresh."""
        before, now = self._shown_seen, self.document.shown_precision()
        return before is not now and (bool(before.coarse) or bool(now.coarse))

    def _resort(self) -> None:
        """Sorted by a column whose values just moved: siblings take their new order."""
        column, order = self._sort
        self._sort = (-1, order)
        self.sort(column, order)
        self._emit_all()

    def _summaries_above(self, task_ids: frozenset[str]) -> set[str]:
        """The summaries over a few touched tasks (many touched repaint every row anyway)."""
        tasks, found = self._project.tasks, set()
        if len(task_ids) > _FEW_EDITED:
            return found
        for tid in task_ids:
            parent = tasks[tid].parent_id if tid in tasks else None
            while parent is not None and parent not in found:
                found.add(parent)
                parent = tasks[parent].parent_id if parent in tasks else None
        return found

    def _rows_with_new_dates(self) -> set[str]:
        dates = self.document.schedule.tasks if self.document.schedule else None
        if dates is self._old_dates:  # not scheduled again (a name, a note): no date moved
            return set()
        return moved_tasks(self._old_dates, dates)

    def _on_baseline_changed(self, _name) -> None:
        self._ctx = None
        if self.is_stale():  # a new plan ended the comparison before its rows were announced
            self._reload()
        else:
            self._emit_all()
