"""Columns that widen after an edit makes their text wider than the column, as they were fitted when the plan opened.

The table fits its columns to their text when a window first shows a plan (first_split); a plan
built afterwards outgrew them: a phase's bold dates read "2026-12-…" and a task indented a level
lost the end of its name until the window was opened again. After each edit the rows it changed
(the tasks it touched and the summaries above them, whose dates and bold text follow) are measured,
and a column too narrow for them widens to fit. A column is never narrowed, so a width the planner
chose by hand stays unless an edit's text needs more; at 100,000 tasks only those few rows are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import chain

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTableView

from ...commands.base import ChangeSet
from ...domain import Task
from .column_fit import content_width, indexes_width
from .task_columns import Column

GROWN = (Column.NAME, Column.OWNER, Column.START, Column.FINISH, Column.DURATION, Column.FLOAT)
MOST_ROWS = 8  # rows measured after one edit (each found by a scan of the rows: ~1 ms at 100,000)
MAX_GROWN_NAME = 440  # the Name column widens no further: a longer name is cut, whole in its tooltip


class ColumnGrowth(QObject):
    """Widens `table`'s columns to the text of the rows each of the document's edits changed."""

    def __init__(self, table: QTableView, document):
        super().__init__(table)
        self.table, self.document = table, document
        document.changed.connect(self._changed)  # after the table's model: its rows are the edit's

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        tasks = self.document.project.tasks
        touched = changes.task_ids
        chosen = [tid for tid in self.document.selected_ids[:MOST_ROWS] if tid in touched]  # acted on: first
        ids = [] if changes.replaced else changed_rows(tasks, chain(chosen, touched))
        model = self.table.model()
        rows = [row for row in map(model.scanned_row, ids) if row is not None]
        header = self.table.horizontalHeader()
        for column in map(int, GROWN):
            if header.isSectionHidden(column):
                continue
            need = self._needed(column, rows, changes.replaced)
            if column == int(Column.NAME):
                need = min(need, max(MAX_GROWN_NAME, header.sectionSize(column)))
            if need > header.sectionSize(column):
                header.resizeSection(column, max(need, header.sectionSizeHint(column)))

    def _needed(self, column: int, rows: list[int], opened: bool) -> int:
        """The width the column's text needs in `rows` (`opened`: in the first rows, as a plan opens)."""
        if opened:
            return content_width(self.table, column)
        model = self.table.model()
        return indexes_width(self.table, (model.index(row, column) for row in rows))


def changed_rows(tasks: Mapping[str, Task], touched: Iterable[str]) -> list[str]:
    """The tasks an edit touched and the summaries above them, each once, the first MOST_ROWS of them
    (a paste of thousands, or an add that renumbers its siblings, is judged by its first rows)."""
    rows: dict[str, None] = {}
    for tid in touched:
        while tid is not None and tid in tasks and tid not in rows:
            rows[tid] = None
            tid = tasks[tid].parent_id
        if len(rows) >= MOST_ROWS:
            break
    return list(rows)[:MOST_ROWS]
