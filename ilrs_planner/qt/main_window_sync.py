"""Keeping the task tree and the Gantt row-aligned: same rows, row height, header height, scroll."""

from __future__ import annotations

import importlib.util
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .document import Document
from .models.task_tree_model import ROW_HEIGHT
from .models.task_tree_view import HEADER_HEIGHT, TaskTreeView


class GanttPlaceholder(QWidget):
    """Stands in for the chart when qt/gantt/view.py is not installed; same interface, draws nothing."""

    ROW_HEIGHT = ROW_HEIGHT
    verticalOffsetChanged = Signal(int)
    zoomChanged = Signal()

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document, self.rows, self.offset = document, [], 0
        label = QLabel("The Gantt chart is not available in this build.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def set_rows(self, task_ids: list[str]) -> None:
        self.rows = list(task_ids)

    def set_vertical_offset(self, px: int) -> None:
        self.offset = px

    def set_header_height(self, px: int) -> None:
        pass

    def zoom_preset(self, name: str) -> None:
        pass

    def zoom_to_range(self, start: date, end: date) -> None:
        pass

    def set_show_critical(self, on: bool) -> None:
        pass


def make_gantt(document: Document) -> QWidget:
    """The real GanttView when it is installed, else the placeholder."""
    if importlib.util.find_spec("ilrs_planner.qt.gantt.view") is None:
        return GanttPlaceholder(document)
    from .gantt.view import GanttView

    return GanttView(document)


class RowSync(QObject):
    """Wires tree and chart: visible rows, header height, and a vertical scroll shared both ways."""

    def __init__(self, tree: TaskTreeView, gantt: QWidget):
        super().__init__(tree)
        self.tree, self.gantt = tree, gantt
        self._moving = False
        self._rows = 0
        if hasattr(gantt, "set_header_height"):
            gantt.set_header_height(HEADER_HEIGHT)
        tree.rowsChanged.connect(self._rows_changed)
        tree.verticalScrollBar().valueChanged.connect(self._tree_scrolled)
        gantt.verticalOffsetChanged.connect(self._gantt_scrolled)
        getattr(gantt, "canvas", gantt).installEventFilter(self)
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
        canvas = getattr(self.gantt, "canvas", self.gantt)
        rows_height = canvas.height() - HEADER_HEIGHT
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
