"""TaskTreeView: the WBS table beside the Gantt — sortable, column choice remembered, selection shared.

A table of the visible rows (see TaskTreeModel) that looks and behaves like an outline: the
delegate draws indentation and open/close arrows, a click on an arrow or Left/Right on a summary
closes or opens it, and opening inserts rows instead of laying out the whole plan again.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..document import Document
from .cell_typing import CellTyping
from .click_edit import ClickEdit
from .column_choice import ColumnChoice
from .column_growth import ColumnGrowth
from .frozen_columns import FrozenColumns
from .frozen_header import FrozenHeader
from .outline_view import OutlineView
from .shared_selection import SharedSelection
from .sideways_scroll import SidewaysScroll
from .task_delegate import TaskDelegate
from .task_tree_model import ROW_HEIGHT, TASK_ID_ROLE, TaskTreeModel

HEADER_HEIGHT = 95  # the Gantt's header it lines up with: three rows of date tags over a two-level time axis


class TaskTreeView(CellTyping, ColumnChoice, SidewaysScroll, FrozenColumns, OutlineView, SharedSelection, QTableView):
    """The task table. Emits rowsChanged with the visible task ids (for the chart) after any change."""

    # The visible task ids (a list); as `object`, not turned into a QVariantList and back (50 ms at 100,000 rows).
    rowsChanged = Signal(object)
    doubleClickedTask = Signal(str)  # MS Project's habit: double-click opens the task's details
    typingRefused = Signal(str)  # keys typed into a cell that takes none: why, for the status bar
    addTakenBack = Signal(str)  # Esc while the task just added (its id) was being named: take the add back
    expanded = Signal(QModelIndex)  # a summary was opened (its index)
    collapsed = Signal(QModelIndex)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setHorizontalHeader(FrozenHeader(self))  # ID and Name stay at the left (see frozen_columns)
        self._syncing = False
        self._scroll_maximum = 0  # at least this far, so the chart's last rows can be reached too
        self._batch_depth = 0  # while > 0, row changes do not recompute the chart's rows
        # The file whose rows are shown, and its plan: another file opens at its top left.
        self._shown_path, self._shown_project = document.path, document.project
        self.source_model = TaskTreeModel(document, self)
        self.setModel(self.source_model)
        self.delegate = TaskDelegate(document, self)
        self.setItemDelegate(self.delegate)
        self._configure()
        self._connect()

    def _configure(self) -> None:
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.header()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # outline order, no sort at start
        self.setSortingEnabled(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        triggers = QAbstractItemView.EditTrigger
        # Not SelectedClicked: ClickEdit opens a clicked cell's editor without refusing keys meanwhile.
        self.setEditTriggers(triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self._click_edit = ClickEdit(self)
        header.setFixedHeight(HEADER_HEIGHT)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.configure_columns(header)
        header.sectionMoved.connect(self.keep_frozen_first)

    def _connect(self) -> None:
        model = self.source_model
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset,
                       model.layoutChanged):
            signal.connect(self._emit_rows)
        model.modelReset.connect(self._reselect)
        model.openChanged.connect(self._announce_open)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().rangeChanged.connect(self._keep_scroll_maximum)
        self.document.selectionChanged.connect(self.select_tasks)
        # After the model announced an edit's rows: rows it replaced are selected again.
        self.document.changed.connect(self._reselect)  # bound: a closure here kept the window and plan alive
        self.document.changed.connect(self._to_top_left_of_another_file)
        self.column_growth = ColumnGrowth(self, self.document)  # an edit's wider text widens its column
        self.document.pathChanged.connect(self._saved_elsewhere)
        self.document.baselineChanged.connect(self._show_baseline_columns)
        self.doubleClicked.connect(self._double_clicked)

    def header(self) -> QHeaderView:
        """The column header (the table's horizontal header)."""
        return self.horizontalHeader()

    # -- rows shown, for the chart ---------------------------------------------------------
    def visible_task_ids(self) -> list[str]:
        """Task ids of the rows on screen, top to bottom (collapsed children left out)."""
        return self.source_model.visible_ids()

    def _emit_rows(self, *_args) -> None:
        if not self._batch_depth:
            self.rowsChanged.emit(self.source_model.shown())  # the chart keeps the list, never changes it

    @contextmanager
    def batch(self):
        """Many opens at once (revealing a deep task) recompute the chart's rows once."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        self._emit_rows()

    def _reselect(self, *_args) -> None:
        self.select_tasks(self.document.selected_ids)

    def _to_top_left_of_another_file(self, changes, _initiator) -> None:
        """Another file opened (not the same one read again): its first rows and its ID and Name in sight,
        as MS Project opens a plan, not the place the last plan's table was scrolled to."""
        if changes.replaced and self.document.path != self._shown_path:
            self.horizontalScrollBar().setValue(0)
            self.scrollToTop()
        self._shown_path, self._shown_project = self.document.path, self.document.project

    def _saved_elsewhere(self, path) -> None:
        """Save As: the same plan, now that file (reading it again later keeps the table's place)."""
        if self.document.project is self._shown_project:
            self._shown_path = path

    def mousePressEvent(self, event) -> None:
        """A click on a summary's arrow opens or closes it (and selects nothing)."""
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self._on_arrow(index, event.position().x()):
            self.setExpanded(index, not self.isExpanded(index))
            event.accept()
            return
        self._click_edit.pressed(index, event.button(), event.modifiers())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self._click_edit.released(self.indexAt(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event) -> None:
        self._click_edit.cancel()
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        """In the Name column, Left closes an open summary and Right opens a closed one, as in an
        outline; otherwise the keys move between cells (from a summary's Duration, Left goes to
        its Finish rather than folding the summary away)."""
        self._click_edit.cancel()
        if self.folded_by_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if not self._on_arrow(index, self.viewport().mapFromGlobal(self.cursor().pos()).x()):
            self.doubleClickedTask.emit(index.data(TASK_ID_ROLE))

    def set_scroll_maximum(self, px: int) -> None:
        """Let the shared vertical scroll reach `px` (the chart's viewport is shorter than the table's)."""
        if px != self._scroll_maximum:
            self._scroll_maximum = max(0, px)
            self.updateGeometries()

    def updateGeometries(self) -> None:
        """Qt sizes the scroll bar to the table; stretch it to the chart's range as well."""
        super().updateGeometries()
        self._keep_scroll_maximum()

    def _keep_scroll_maximum(self, *_args) -> None:
        # Qt also resets the range outside updateGeometries (a click that scrolls a row into
        # view, End): without this the chart's last rows could no longer be reached.
        bar = self.verticalScrollBar()
        if self._scroll_maximum > bar.maximum():
            bar.setMaximum(self._scroll_maximum)

    def reveal(self, task_id: str) -> None:
        """Open the summaries above `task_id` so its row is shown (Find, Scroll to task)."""
        with self.batch():
            self.source_model.open_ancestors(task_id)

    def proxy_index(self, task_id: str, column: int = 0) -> QModelIndex:
        """The index of the row showing `task_id` (invalid while a closed summary hides it)."""
        return self.source_model.index_of(task_id, column)
