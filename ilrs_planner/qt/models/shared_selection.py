"""The task table's selection, shared with the chart and the docks through the document: rows
selected here are the document's selection, and a selection made elsewhere is mirrored here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from .task_columns import Column
from .task_tree_model import TASK_ID_ROLE


def row_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """The rows as runs of neighbours (first, last): a selection of 10,000 rows pasted together is one
    range, where a range per row took Qt seconds to select."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


REVEALED_MOST = 100  # tasks chosen at once whose summaries are opened (each is a walk up the outline)


class SharedSelection:
    """Mixed into the task table (a QTableView with `document`, `source_model` and `proxy_index`)."""

    _syncing = False  # mirroring the document's selection: not to be sent back to it

    def _on_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        self.document.set_selection(self.selected_task_ids())

    def selected_task_ids(self) -> list[str]:
        """The task ids of the selected rows, read from the selection's ranges, which span whole rows
        (the table selects rows): Qt's selectedRows asks the model for every selected cell's flags,
        seconds for 10,000 rows."""
        rows, found = self.source_model.shown(), []
        for selected in self.selectionModel().selection():
            found += rows[selected.top():selected.bottom() + 1]
        return list(dict.fromkeys(found))

    def select_tasks(self, ids: list[str]) -> None:
        """Select the rows of `ids` (from the document), opening their parents and scrolling to the first.

        The current cell keeps its column and stays put when its row is among `ids`: a click on a
        Start cell must leave Start current, or typing there would rename the task."""
        if self.source_model.is_stale():
            return  # rows of a plan being replaced: the model's reset selects again afterwards
        if set(ids) == set(self.selected_task_ids()):
            return  # the selection came from this view: nothing to mirror
        model, last = self.source_model, self.source_model.columnCount() - 1
        self._open_above(ids)
        selection = QItemSelection()
        for first, end in row_runs(row for row in map(model.row_of, ids) if row is not None):
            selection.select(model.index(first, 0), model.index(end, last))
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().select(selection, flags)
            current = self.currentIndex()
            # The ID column takes no typing: a task chosen elsewhere puts the cursor on its name.
            on_id = current.column() == int(Column.ID)
            if ids and (on_id or current.data(TASK_ID_ROLE) not in ids) and self.proxy_index(ids[0]).isValid():
                column = int(Column.NAME) if on_id or current.column() < 0 else current.column()
                self.selectionModel().setCurrentIndex(self.proxy_index(ids[0], column),
                                                      QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._syncing = False

    def _open_above(self, ids: list[str]) -> None:
        """Open the closed summaries above the tasks chosen (a task an undo brought back under one, a
        row picked in a dock), so they are seen selected; a filter's hidden tasks stay hidden."""
        model = self.source_model
        kept = model.kept
        hidden = [tid for tid in ids[:REVEALED_MOST] if (kept is None or tid in kept) and model.row_of(tid) is None]
        for task_id in hidden:
            self.reveal(task_id)
