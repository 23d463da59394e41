"""TaskTreeModel: the WBS as a Qt tree, read from the Document; edits become pushed commands."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...chart.variance import ON_TIME_STEP, slip_color, slip_step
from ...commands.base import ChangeSet
from ...domain import PlannerError
from ...domain.alternatives import alternative_figures
from ...engine.schedule import changed_rows
from ..change_effects import effects_of
from ..document import Document
from ..gantt.style import qcolor
from .task_columns import (
    HEADERS,
    NUMERIC_COLUMNS,
    Column,
    RowContext,
    command_for,
    display_text,
    finish_variance,
    is_editable,
    sort_value,
)
from .task_icons import task_icon

ROW_HEIGHT = 24  # the Gantt draws its rows at the same height
SORT_ROLE = Qt.ItemDataRole.UserRole
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TaskTreeModel(QAbstractItemModel):
    """Tasks in outline order; columns from task_columns; refreshes only the rows that changed."""


    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._build()
        self._old_dates = document.schedule.tasks if document.schedule else None  # the table, never copied
        document.changed.connect(self._on_changed)
        document.baselineChanged.connect(self._on_baseline_changed)

    # -- the outline, as numbers Qt can carry in an index -------------------------------------
    def _build(self) -> None:
        project = self.document.project
        self._children = project.children_map()
        self._ids = [task.id for task, _ in project.walk()]
        self._num = {tid: n for n, tid in enumerate(self._ids)}
        self._row = {tid: row for ids in self._children.values() for row, tid in enumerate(ids)}
        self._summaries = project.summary_ids()
        self._ctx = None

    def task_id(self, index: QModelIndex) -> str | None:
        """The task shown by `index` (None for the invisible root)."""
        return self._ids[index.internalId()] if index.isValid() else None

    def children_of(self, task_id: str | None) -> list[str]:
        """Child ids of a task (None: the top level) in outline order."""
        return self._children.get(task_id, [])

    def index_of(self, task_id: str, column: int = 0) -> QModelIndex:
        """The index showing `task_id`, or an invalid index."""
        if task_id not in self._num:
            return QModelIndex()
        return self.createIndex(self._row[task_id], column, self._num[task_id])

    # -- QAbstractItemModel -----------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        ids = self._children.get(self.task_id(parent), [])
        if not (0 <= row < len(ids) and 0 <= column < len(Column)):
            return QModelIndex()
        return self.createIndex(row, column, self._num[ids[row]])

    def parent(self, index):
        tid = self.task_id(index)
        parent_id = self.document.project.tasks[tid].parent_id if tid else None
        return self.index_of(parent_id) if parent_id else QModelIndex()

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.task_id(parent), []))

    def columnCount(self, parent=QModelIndex()):
        return len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if not 0 <= section < len(Column):
            return None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        task = self.document.project.tasks[self.task_id(index)]
        if is_editable(task, Column(index.column()), self._context()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        task, column = self.document.project.tasks[self.task_id(index)], Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_text(task, column, self._context())
        if role == SORT_ROLE:
            return sort_value(task, column, self._context())
        if role == TASK_ID_ROLE:
            return task.id
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(-1, ROW_HEIGHT)
        return self._style(task, column, role)

    def _style(self, task, column, role):
        summary = task.id in self._summaries
        if role == Qt.ItemDataRole.FontRole and summary:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.NAME:
            return task_icon(self.document.project, task, summary)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.FLOAT:
            dates = self.document.schedule.tasks.get(task.id) if self.document.schedule else None
            if dates and dates.critical:
                return QBrush(QColor("#c5221f"))
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.VARIANCE:
            return self._variance_tint(task)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task)
        return None

    def _variance_tint(self, task) -> QBrush | None:
        """The tracking Gantt's slip colour behind the variance, so table and chart read alike."""
        days = finish_variance(task, self._context())
        if days is None or slip_step(days) == ON_TIME_STEP:
            return None
        return QBrush(qcolor(slip_color(days), 95))

    def _tooltip(self, task) -> str:
        lines = [f"<b>{task.key}</b> — {task.name}", f"Dates announced to the {task.precision.value}"]
        if task.source_url:
            lines.append(f"Source: {task.source_url}")
        if task.notes:
            lines.append(task.notes[:300])
        lines += [f"<i>Alternative (not the plan):</i> {text}" for text in alternative_figures(task.notes)]
        return "<br>".join(lines)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """Typing builds a command and pushes it; nonsense is refused with a sentence and no change."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        task, column = self.document.project.tasks[self.task_id(index)], Column(index.column())
        if str(value).strip() == display_text(task, column, self._context()):
            return False  # nothing typed: no undo step
        try:
            command = command_for(task, column, str(value), self._context())
        except PlannerError as error:  # not a value the column can hold: refused like any edit
            self.document.refuse(error, self)
            return False
        command.merge_key = None  # typed edits are separate undo steps, unlike nudges
        return self.document.try_push(command, self)

    # -- refreshing -------------------------------------------------------------------------
    def _context(self) -> RowContext:
        if self._ctx is None:  # built once per change, not once per cell
            self._ctx = self._new_context()
        return self._ctx

    def _new_context(self) -> RowContext:
        baseline = None
        if self.document.baseline_name:
            baseline = dict(self.document.project.baseline(self.document.baseline_name).entries)
        return RowContext(self.document.project, self.document.schedule, baseline, self._summaries)

    def is_stale(self) -> bool:
        """True when the rows are of another plan (announced before the new plan's own change)."""
        return set(self._ids) != set(self.document.project.tasks)

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        self._ctx = None
        if effects_of(changes).rows or self.is_stale():
            self._rebuild()
        else:
            self._summaries = self.document.project.summary_ids()
            self._ctx = None
            self._emit_rows(changes.task_ids | self._rows_with_new_dates())
        self._old_dates = self.document.schedule.tasks if self.document.schedule else None

    def _rows_with_new_dates(self) -> set[str]:
        return changed_rows(self._old_dates, self.document.schedule.tasks if self.document.schedule else None)

    def _emit_rows(self, task_ids) -> None:
        last = len(Column) - 1
        for tid in task_ids:
            if tid in self._num:
                self.dataChanged.emit(self.index_of(tid, 0), self.index_of(tid, last))

    def _on_baseline_changed(self, _name) -> None:
        self._ctx = None
        if self.is_stale():  # a new plan ended the comparison before its rows were announced
            self._rebuild()
        elif self._ids:
            self._emit_rows(self._ids)

