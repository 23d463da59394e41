"""TaskTreeView: the WBS table beside the Gantt — sortable, column choice remembered, selection shared."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView

from ..document import Document
from .task_columns import BASELINE_COLUMNS, HEADERS, OPTIONAL_COLUMNS, Column
from .task_delegate import TaskDelegate
from .task_tree_model import SORT_ROLE, TASK_ID_ROLE, TaskTreeModel
from .tree_expansion import ExpansionMemory

HEADER_HEIGHT = 44  # tall enough for the Gantt's two-level time axis, which matches it
_WIDTHS = {Column.NAME: 260, Column.KEY: 120, Column.OWNER: 88, Column.START: 88, Column.FINISH: 88,
           Column.DURATION: 80, Column.FLOAT: 92, Column.BASELINE_FINISH: 110, Column.VARIANCE: 110,
           Column.PERCENT: 90, Column.FREE_FLOAT: 84, Column.DEADLINE: 92, Column.CONFIDENCE: 96}
_DEFAULT_HIDDEN = (Column.KEY, *OPTIONAL_COLUMNS)


class TaskSortProxy(QSortFilterProxyModel):
    """Sorts siblings by the column's sort value; column -1 is the plan's own outline order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)


class TaskTreeView(QTreeView):
    """The task table. Emits rowsChanged with the visible task ids (for the chart) after any change."""

    rowsChanged = Signal(list)
    doubleClickedTask = Signal(str)  # MS Project's habit: double-click opens the task's details

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.source_model = TaskTreeModel(document, self)
        self.proxy = TaskSortProxy(self)
        self.proxy.setSourceModel(self.source_model)
        self.setModel(self.proxy)
        self.setItemDelegate(TaskDelegate(document, self))
        self._syncing = False
        self._scroll_maximum = 0  # at least this far, so the chart's last rows can be reached too
        self._batch_depth = 0  # while > 0, expand/collapse signals do not recompute the rows
        self._configure()
        self.expansion = ExpansionMemory(self)
        self._connect()
        # Nobody listens yet (the chart asks for the rows when it is wired up), and the expansion
        # memory is told once: a signal per row cost a data() call each, seconds at 100,000 rows.
        self.blockSignals(True)
        try:
            super().expandAll()
        finally:
            self.blockSignals(False)
        self.expansion.open = set(document.project.summary_ids())

    def _configure(self) -> None:
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.EditKeyPressed | triggers.SelectedClicked | triggers.AnyKeyPressed)
        self.setIndentation(16)
        header = self.header()
        header.setFixedHeight(HEADER_HEIGHT)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column, width in _WIDTHS.items():
            header.resizeSection(int(column), width)
        for column in _DEFAULT_HIDDEN + BASELINE_COLUMNS:
            header.setSectionHidden(int(column), True)

    def _connect(self) -> None:
        self.expanded.connect(self._emit_rows)
        self.collapsed.connect(self._emit_rows)
        self.source_model.modelReset.connect(lambda: self.select_tasks(self.document.selected_ids))
        self.proxy.layoutChanged.connect(self._emit_rows)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().rangeChanged.connect(self._keep_scroll_maximum)
        self.document.selectionChanged.connect(self.select_tasks)
        self.document.baselineChanged.connect(self._show_baseline_columns)
        self.doubleClicked.connect(lambda index: self.doubleClickedTask.emit(index.data(TASK_ID_ROLE)))

    # -- rows shown, for the chart ---------------------------------------------------------
    def visible_task_ids(self) -> list[str]:
        """Task ids of the rows on screen, top to bottom (collapsed children left out)."""
        if self.proxy.sortColumn() < 0:
            return self.expansion.visible_ids()
        # Sorted: the view's own display order (indexBelow), linear in the rows shown.
        ids, source, model = [], self.source_model, self.proxy
        index = model.index(0, 0)
        while index.isValid():
            ids.append(source.task_id(model.mapToSource(index)))
            index = self.indexBelow(index)
        return ids

    def _emit_rows(self, *_args) -> None:
        if not self._batch_depth:
            self.rowsChanged.emit(self.visible_task_ids())

    @contextmanager
    def batch(self):
        """Many expands at once (expand all, restoring after a reset) recompute the rows once."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        self._emit_rows()

    def expandAll(self) -> None:
        """Open every summary (one row update for the chart, not one per summary)."""
        with self.batch():
            super().expandAll()

    def expand_every_row(self) -> None:
        """Qt's expandAll, without the single update (inside a batch())."""
        super().expandAll()

    def collapseAll(self) -> None:
        """Close every summary."""
        with self.batch():
            super().collapseAll()

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

    def edit_name(self, task_id: str) -> None:
        """Start typing the name of `task_id` (after Add task)."""
        index = self.proxy_index(task_id, 0)
        if index.isValid():
            self.scrollTo(index)
            self.setCurrentIndex(index)
            self.edit(index)

    def reveal(self, task_id: str) -> None:
        """Open the summaries above `task_id` so its row is shown (Find, Scroll to task)."""
        parent = self.proxy_index(task_id).parent()
        with self.batch():
            while parent.isValid():
                self.expand(parent)
                parent = parent.parent()

    def proxy_index(self, task_id: str, column: int = 0) -> QModelIndex:
        return self.proxy.mapFromSource(self.source_model.index_of(task_id, column))

    # -- selection shared with the chart -------------------------------------------------------
    def _on_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        self.document.set_selection(self.selected_task_ids())

    def selected_task_ids(self) -> list[str]:
        """The task ids of the selected rows."""
        return [index.data(TASK_ID_ROLE) for index in self.selectionModel().selectedRows(0)]

    def select_tasks(self, ids: list[str]) -> None:
        """Select the rows of `ids` (from the document), opening their parents and scrolling to the first.

        The current cell keeps its column and stays put when its row is among `ids`: a click on a
        Start cell must leave Start current, or typing there would rename the task."""
        if self.source_model.is_stale():
            return  # rows of a plan being replaced: the model's reset selects again afterwards
        if set(ids) == set(self.selected_task_ids()):
            return  # the selection came from this view: nothing to mirror
        selection = QItemSelection()
        for tid in ids:
            index = self.proxy_index(tid)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.proxy.columnCount() - 1))
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().select(selection, flags)
            current = self.currentIndex()
            if ids and current.data(TASK_ID_ROLE) not in ids and self.proxy_index(ids[0]).isValid():
                column = max(current.column(), 0)
                self.selectionModel().setCurrentIndex(self.proxy_index(ids[0], column),
                                                      QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._syncing = False

    # -- columns ---------------------------------------------------------------------------------
    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        for column in Column:
            action = menu.addAction(HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not self.header().isSectionHidden(int(column)))
            action.setEnabled(column is not Column.NAME)
            action.toggled.connect(lambda on, c=int(column): self.header().setSectionHidden(c, not on))
        menu.addSeparator()
        menu.addAction("Outline order", lambda: self.sortByColumn(-1, Qt.SortOrder.AscendingOrder))
        menu.exec(self.header().mapToGlobal(pos))

    def _show_baseline_columns(self, name) -> None:
        """Baseline finish and Finish variance appear with a comparison, right after Finish and
        scrolled into view: the variance is what a comparison is for."""
        header = self.header()
        for column in BASELINE_COLUMNS:
            header.setSectionHidden(int(column), name is None)
        if name is None:
            return
        after = header.visualIndex(int(Column.FINISH))
        for offset, column in enumerate(BASELINE_COLUMNS, 1):
            header.moveSection(header.visualIndex(int(column)), min(after + offset, header.count() - 1))
            after = header.visualIndex(int(Column.FINISH))
        self.scroll_column_into_view(Column.VARIANCE)

    def scroll_column_into_view(self, column: Column) -> None:
        """Scroll sideways just enough that the whole column shows."""
        header, bar = self.header(), self.horizontalScrollBar()
        self.updateGeometries()  # the scroll range must include the columns just shown
        right = header.sectionViewportPosition(int(column)) + header.sectionSize(int(column))
        if right > self.viewport().width():
            bar.setValue(bar.value() + right - self.viewport().width())

    def save_state(self, settings: QSettings) -> None:
        """Remember widths, order and the columns chosen."""
        settings.setValue("tree/header", self.header().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Bring back the remembered columns (baseline columns follow the baseline choice)."""
        state = settings.value("tree/header")
        if state is not None:
            self.header().restoreState(state)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._show_baseline_columns(self.document.baseline_name)
