"""Which summaries are open in the task table, kept by task id so it survives model resets cheaply.

Asking the view about 10,000 rows after every structural edit took seconds; following its
expanded/collapsed signals costs nothing, and lets the visible rows be listed from the outline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from .task_tree_model import TASK_ID_ROLE

if TYPE_CHECKING:
    from .task_tree_view import TaskTreeView


class ExpansionMemory(QObject):
    """Open summaries by task id; restores them (and opens new tasks) after the model resets."""

    def __init__(self, view: TaskTreeView):
        super().__init__(view)
        self.view = view
        self.open: set[str] = set()
        self._before: set[str] = set()
        self._summaries = view.document.project.summary_ids()
        self._scroll = 0
        view.expanded.connect(lambda index: self.open.add(index.data(TASK_ID_ROLE)))
        view.collapsed.connect(lambda index: self.open.discard(index.data(TASK_ID_ROLE)))
        view.source_model.modelAboutToBeReset.connect(self._remember)
        view.source_model.modelReset.connect(self._restore)

    def _remember(self) -> None:
        self._before = set(self.open)
        self._scroll = self.view.verticalScrollBar().value()

    def _restore(self) -> None:
        """Qt closed everything in the reset: open again what was open, and each new summary (so a
        task just added or indented under it stays in sight)."""
        summaries = self.view.document.project.summary_ids()
        self.open = set()
        wanted = (self._before | (summaries - self._summaries)) & summaries
        closed = summaries - wanted
        with self.view.batch():
            self.view.blockSignals(True)  # one answer below instead of a signal per summary
            try:
                if len(closed) < len(wanted):  # one pass over the whole tree, then close the few
                    self.view.expand_every_row()
                    for tid in closed:
                        self.view.setExpanded(self.view.proxy_index(tid), False)
                else:
                    for tid in wanted:
                        self.view.setExpanded(self.view.proxy_index(tid), True)
            finally:
                self.view.blockSignals(False)
            self.open = set(wanted)
            self._summaries = summaries
        self.view.verticalScrollBar().setValue(self._scroll)

    def visible_ids(self) -> list[str]:
        """Rows on screen in outline order: the outline walked, entering only open summaries."""
        children = self.view.source_model.children_of
        ids: list[str] = []
        stack = list(reversed(children(None)))
        while stack:
            tid = stack.pop()
            ids.append(tid)
            if tid in self.open:
                stack.extend(reversed(children(tid)))
        return ids
