"""TaskTreeModel: the WBS as a table of its visible rows (OutlineRows), read from the Document;
edits become pushed commands, and the Document's changes become row inserts, removals and moves."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import numpy as np
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...chart.list_ends import table_ids
from ...chart.variance import ON_TIME_STEP, plan_steps, slip_color, slip_step
from ...commands.base import ChangeSet
from ...commands.tasks import AddTask
from ...domain import PlannerError, Precision, Task
from ...domain.alternatives import alternative_figures
from ...domain.provenance import provenance_lines
from ...engine.schedule import TaskDates, TaskTable, changed_rows
from ..change_effects import effects_of
from ..document import Document
from ..gantt.style import qcolor
from ..gantt.tooltip import deadline_words
from .coarsened_note import coarsened_note
from .constraint_column import constraint_line, held_start_note
from .outline_rows import OutlineRows
from .outline_update import SMALL_EDIT, block, outline_edit, parents_of, update_children
from .pinned_conflict_note import first_conflict_note
from .predecessor_column import predecessors_tooltip
from .schedule_rows import ScheduleRows
from .status_date_note import status_date_note
from .task_columns import (
    HEADER_LINES,
    HEADERS,
    NUMERIC_COLUMNS,
    Column,
    RowContext,
    RowNumbers,
    changes_nothing,
    command_for,
    display_text,
    finish_counted_days,
    is_editable,
    rounding_note,
    sort_value,
    typed_unchanged,
    why_not_editable,
)
from .task_filters import with_summaries
from .task_icons import task_icon
from .task_outline import block_ends


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


ROW_HEIGHT = 24  # the Gantt draws its rows at the same height
SORT_ROLE = Qt.ItemDataRole.UserRole
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1


_COLUMNS = tuple(Column)  # by number (Column(n) looked each cell's column up through the enum)
# A cell's flags, combined once: Qt asks every cell drawn for them, twice (combining the enum's
# flags in Python for each was half the cost of the answer).
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TYPED_INTO = _SHOWN | Qt.ItemFlag.ItemIsEditable
_ROLE = Qt.ItemDataRole
_FEW_EDITED = 64  # touched tasks whose summaries are found one by one after a change (% complete rolls up)
# The roles a cell of any column may answer, and those only some columns' cells answer.
_ANY_COLUMN_ROLES = frozenset(map(int, (_ROLE.DisplayRole, _ROLE.EditRole, SORT_ROLE, TASK_ID_ROLE, _ROLE.SizeHintRole,
                                        _ROLE.FontRole, _ROLE.ToolTipRole)))
_ONE_COLUMN_ROLES = {int(_ROLE.TextAlignmentRole): NUMERIC_COLUMNS, int(_ROLE.DecorationRole): (Column.NAME,),
                     int(_ROLE.ForegroundRole): (Column.FLOAT,), int(_ROLE.BackgroundRole): (Column.VARIANCE,)}




class TaskTreeModel(OutlineRows):
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

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if not 0 <= section < len(Column):
            return None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADER_LINES.get(Column(section), HEADERS[Column(section)])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _task_at(self, index):
        """The task of a row, None while an edit that removed it is being announced (asked for each
        cell drawn, twice: written out, not through task_id)."""
        if not index.isValid():
            return None
        row, rows = index.row(), self._rows
        return self.document.project.tasks.get(rows[row]) if row < len(rows) else None

    def flags(self, index):
        task = self._task_at(index)
        if task is None:
            return Qt.ItemFlag.NoItemFlags
        return _TYPED_INTO if is_editable(task, _COLUMNS[index.column()], self._context()) else _SHOWN

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        column = _COLUMNS[index.column()]
        if role not in _ANY_COLUMN_ROLES and column not in _ONE_COLUMN_ROLES.get(role, ()):
            return None  # a role no cell of this column answers: Qt asks each cell for a dozen
        task = self._task_at(index)
        if task is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column is Column.ID and self._rows_are_the_outline():
                return str(index.row() + 1)
            return display_text(task, column, self._context())
        if role == SORT_ROLE:
            return sort_value(task, column, self._context())
        if role == TASK_ID_ROLE:
            return task.id
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(-1, ROW_HEIGHT)
        return self._style(task, column, role)

    def _rows_are_the_outline(self) -> bool:
        """True when every task is shown in outline order (nothing closed, sorted or filtered out):
        a row's ID is then its row number, and 100,000 tasks need not be walked to number them
        after each task added or moved."""
        return self._sort[0] < 0 and self.kept is None and len(self._rows) == len(self._project.tasks)

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
            dates = self._context().dates(task)
            if dates and dates.critical:
                return QBrush(QColor("#c5221f"))
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.VARIANCE:
            return self._variance_tint(task)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task, column)
        return None

    def _variance_tint(self, task) -> QBrush | None:
        """The tracking Gantt's slip colour behind the variance, so table and chart read alike."""
        # Counted as the cell's words count it: "0 y" is on time, however many days inside the year.
        days = finish_counted_days(task, self._context())
        steps = plan_steps(self.document.schedule)  # the chart's steps for this plan's span
        if days is None or slip_step(days, steps) == ON_TIME_STEP:
            return None
        return QBrush(qcolor(slip_color(days, steps), 95))

    def _tooltip(self, task, column: Column) -> str:
        lines = [f"<b>{escape(task.key)}</b> — {escape(task.name)}"]
        ctx = self._context()
        if column is Column.PREDECESSORS:  # the tasks the cell's IDs stand for
            lines += [f"<i>Predecessor</i> {escape(line)}"
                      for line in predecessors_tooltip(ctx.project, ctx.incoming(task), ctx.numbers_of)]
        pinned = constraint_line(task, task.id in ctx.summary_ids)  # said, not only in a column
        lines += [escape(pinned)] if pinned else []
        dates = ctx.dates(task)
        if task.deadline is not None and dates is not None:  # met or missed, as the bar's tooltip says it
            lines.append(deadline_words(task, dates, ctx.worked()))
        lines += map(escape, provenance_lines(task, ctx.precision(task), ctx.confidence(task)))
        lines += map(escape, self._days_behind(task, ctx.precision(task)))
        if task.notes:
            lines.append(escape(task.notes[:300]))
        lines += [f"<i>Alternative (not the plan):</i> {escape(text)}" for text in alternative_figures(task.notes)]
        return "<br>".join(lines)

    def _days_behind(self, task, shown: Precision) -> list[str]:
        """A task planned to the day whose dates read to a year or month, because what it follows is
        known no better: the days its durations and lags give, so the planner can check their own
        arithmetic (a work package after a rover 'in 2029' read '2030' for every date)."""
        dates = self.document.schedule.tasks.get(task.id) if self.document.schedule else None
        if dates is None or shown is Precision.DAY or task.precision is not Precision.DAY:
            return []
        start, last = dates.shown_start, dates.shown_finish
        days = start.isoformat() if start == last else f"{start.isoformat()} to {last.isoformat()}"
        return [f"Worked out to the day: {days} (shown to the {shown.value}: it follows dates known "
                f"to the {shown.value})"]

    def why_not_editable(self, index) -> str:
        """Why the cell at `index` takes no typing (a summary's dates, a computed float...)."""
        task = self._task_at(index)
        return why_not_editable(task, Column(index.column()), self._context()) if task else ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """Typing builds a command and pushes it; nonsense is refused with a sentence and no change."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        task, column = self.document.project.tasks[self.task_id(index)], Column(index.column())
        if typed_unchanged(task, column, str(value), self._context()):
            return False  # nothing typed: no undo step
        try:
            command = command_for(task, column, str(value), self._context())
        except PlannerError as error:  # not a value the column can hold: refused like any edit
            self.document.refuse(error, self)
            return False
        if command is None or changes_nothing(task, command):
            return False  # the text asks for what the task already has (predecessors in another case)
        # Typed edits are separate undo steps, unlike nudges; but the name typed into the task just
        # added is part of adding it (MS Project's one "Entry" step), which the AddTask takes in.
        added = self.document.last_edit()
        names_added = column is Column.NAME and isinstance(added, AddTask) and added.task.id == task.id
        command.merge_key = added.merge_key if names_added else None
        before = task.precision
        if not self.document.try_push(command, self):
            return False
        note = self.conflict_note(task.id) or rounding_note(column, str(value), self._context()) \
            or self._held_note(task.id, column) or self._coarsened_note(task, before, column)
        if note:
            self.document.noted.emit(note)
        return True

    def _coarsened_note(self, task: Task, before: Precision, column: Column) -> str | None:
        """A Start or Finish typed coarser than the task read: what the other end now reads."""
        if column not in (Column.START, Column.FINISH) or self.document.schedule is None:
            return None
        dates = self.document.schedule.tasks.get(task.id)
        return coarsened_note(task, before, column is Column.FINISH, dates, self._context().numbers_of(task.id))

    def conflict_note(self, *task_ids: str) -> str | None:
        """The first of the tasks pinned by Must Start On or Must Finish On where its links cannot meet
        it (a date, a duration or a link typed, tasks linked)."""
        return first_conflict_note(self.document, task_ids, self._context().numbers_of)

    def _held_note(self, task_id: str, column: Column) -> str | None:
        """A Start typed that a link holds later changes no date shown: say so, and what was kept."""
        if column is not Column.START:
            return None
        ctx, document = self._context(), self.document  # the schedule just derived (the context may be older)
        task = document.project.tasks.get(task_id)
        precision = document.shown_precision().start_of(task_id) if task is not None else Precision.DAY
        return held_start_note(document.project, document.schedule, task_id, ctx.numbers_of, ctx.spelled_keys(),
                               precision) or status_date_note(document.project, document.schedule, task_id,
                                                              ctx.numbers_of)

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

    def _restructure(self, touched: frozenset[str]) -> None:
        """Tasks came, went or moved in the outline: the rows they touch are inserted, removed or
        moved. A summary that is new (a task added or indented under it) opens, so the task stays in sight."""
        carried = self._carried(touched)
        if len(touched) > SMALL_EDIT or not self._restructure_near(touched, carried):
            self._children = self._sorted(self._project.children_map())
            self._parent_of = self._listed = None
            self._reopen()
            self._keep(carried)
            self._apply(self._visible())
        self._emit_all()  # depths, arrows and bold summaries may have changed on any row

    def _carried(self, touched: frozenset[str]) -> set[str]:
        """The touched tasks a filter goes on showing after an edit: those it showed, and new ones
        (added, pasted, or brought back by an undo), as MS Project shows a task added under a
        filter until the filter is chosen again. Read before the edit's outline replaces the old."""
        if self.kept is None:
            return set()
        if self._parent_of is None:
            self._parent_of = parents_of(self._children)
        tasks, known = self._project.tasks, self._parent_of
        return {tid for tid in touched if tid in tasks and (tid in self.kept or tid not in known)}

    def _keep(self, carried: set[str]) -> None:
        """The filter keeps `carried` and the summaries now above them (a task indented under a
        summary the filter had left out brings that summary in)."""
        if self.kept is not None and carried:
            with_summaries(self._project.tasks, carried, self.kept)

    def _restructure_near(self, touched: frozenset[str], carried: set[str]) -> bool:
        """Update only the child lists and the rows the edit reached (see outline_update); False
        when the result does not hold every task, and the whole outline must be built again."""
        tasks = self._project.tasks
        if not touched:  # a change to the outline that names no task: nothing to go by
            return False
        if self._parent_of is None:
            self._parent_of = parents_of(self._children)
        edit = outline_edit(tasks, self._parent_of, touched)
        row = None if edit.top is None else self.row_of(edit.top)
        if row is None and edit.top is not None and carried:
            return False  # a task to keep showing under rows the filter hid: the whole outline is walked
        before = block(self._children, self.open, edit.top, self.kept) if edit.top is None or row is not None else []
        listed = self._listed_children() - self._children_of(edit.parents)
        update_children(tasks, self._children, self._parent_of, touched, edit.parents)
        self._listed = listed + self._children_of(edit.parents)
        if self._listed != len(tasks):
            return False
        self._children.update(self._sorted({p: self._children[p] for p in edit.parents if p in self._children}))
        self._reopen(edit.parents)
        self._keep(carried)
        if edit.top is None:
            self._apply(block(self._children, self.open, None, self.kept))
        elif row is not None:
            after = block(self._children, self.open, edit.top, self.kept)
            self._apply(self._rows[:row + 1] + after + self._rows[row + 1 + len(before):],
                        block_ends(len(self._rows), row, before, after))
        return True

    def _listed_children(self) -> int:
        """How many tasks the child lists hold (counted once, then followed through each edit:
        adding up thousands of lists after every edit cost a millisecond)."""
        if self._listed is None:
            self._listed = sum(map(len, self._children.values()))
        return self._listed

    def _children_of(self, parents: set[str | None]) -> int:
        return sum(len(self._children.get(parent, ())) for parent in parents)

    def _reopen(self, parents: set[str | None] | None = None) -> None:
        """Summaries from the child lists (`parents`: only these child lists changed since the
        summaries were last found); one that just became a summary opens."""
        if parents is None or not self._summaries_follow:
            summaries = set(self._children)  # every parent with a child (made at C speed: thousands of them)
            summaries.discard(None)
            self._summaries_follow = True
            self.open = (self.open | (summaries - self._summaries)) & summaries
            self._summaries = summaries
            return
        # Only the parents whose child lists changed may have become or stopped being summaries: the
        # two sets change in place (made anew from thousands of summaries, they cost 1-2 ms an edit).
        became = {parent for parent in parents if parent is not None and parent in self._children} - self._summaries
        stopped = {parent for parent in parents if parent is not None and parent not in self._children} \
            & self._summaries
        self._summaries -= stopped
        self._summaries |= became
        self.open -= stopped  # the open summaries are among the summaries (so kept by every change)
        self.open |= became

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

