"""Keeping the task tree and the Gantt row-aligned: same rows, row height, header height, scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from .gantt.view import GanttView
from .models.task_tree_model import ROW_HEIGHT
from .models.task_tree_view import HEADER_HEIGHT, TaskTreeView


class RowSync(QObject):
    """Wires tree and chart: visible rows, header height, and a vertical scroll shared both ways."""

    def __init__(self, tree: TaskTreeView, gantt: GanttView):
        super().__init__(tree)
        self.tree, self.gantt = tree, gantt
        self._moving = False
        self._rows = 0
        gantt.set_header_height(HEADER_HEIGHT)
        tree.rowsChanged.connect(self._rows_changed)
        tree.verticalScrollBar().valueChanged.connect(self._tree_scrolled)
        gantt.verticalOffsetChanged.connect(self._gantt_scrolled)
        gantt.canvas.installEventFilter(self)
        self._rows_changed(tree.visible_task_ids())

    def _rows_changed(self, task_ids: list[str]) -> None:
        self._rows = len(task_ids)
        self.gantt.set_rows(task_ids)
        self._match_scroll_range()

    def eventFilter(self, watched, event) -> bool:
        """The chart's row area was resized: the shared scroll range changes with it."""
        if event.type() == QEvent.Type.Resize:
            self._match_scroll_range()
        return False

    def _match_scroll_range(self) -> None:
        # The chart keeps one spare row below the last (as its own scrolling allows); its row area is
        # shorter than the table's because of the legend and time scroll bar below it.
        rows_height = self.gantt.canvas.height() - HEADER_HEIGHT
        self.tree.set_scroll_maximum(max(0, self._rows * ROW_HEIGHT - rows_height + ROW_HEIGHT))

    def _tree_scrolled(self, px: int) -> None:
        if not self._moving:
            self._moving = True
            try:
                self.gantt.set_vertical_offset(px)
            finally:
                self._moving = False

    def _gantt_scrolled(self, px: int) -> None:
        if not self._moving:
            self._moving = True
            try:
                bar = self.tree.verticalScrollBar()
                bar.setValue(px)
                if bar.value() != px:  # beyond the shared range: the chart follows the table's limit
                    self.gantt.set_vertical_offset(bar.value())
            finally:
                self._moving = False
