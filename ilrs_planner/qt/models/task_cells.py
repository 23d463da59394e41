"""What the task tree's cells show besides their text: headers, flags, fonts, icons, tints and tooltips,
and the roles a view reads them by."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...chart.palette import DEADLINE_MISSED
from ...chart.variance import ON_TIME_STEP, plan_steps, slip_color, slip_step
from ...domain import Precision
from ...domain.alternatives import alternative_figures
from ...domain.provenance import provenance_lines
from ..gantt.style import qcolor
from ..gantt.tooltip import deadline_words
from .cell_text import display_text, finish_counted_days, is_editable, sort_value
from .constraint_column import constraint_line
from .predecessor_column import predecessors_tooltip
from .task_columns import HEADER_LINES, HEADERS, NUMERIC_COLUMNS, Column
from .task_icons import missed_deadline_icon, task_icon

ROW_HEIGHT = 24  # the Gantt draws its rows at the same height
SORT_ROLE = Qt.ItemDataRole.UserRole
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1


_COLUMNS = tuple(Column)  # by number (Column(n) looked each cell's column up through the enum)
# A cell's flags, combined once: Qt asks every cell drawn for them, twice (combining the enum's
# flags in Python for each was half the cost of the answer).
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TYPED_INTO = _SHOWN | Qt.ItemFlag.ItemIsEditable
_ROLE = Qt.ItemDataRole
# The roles a cell of any column may answer, and those only some columns' cells answer.
_ANY_COLUMN_ROLES = frozenset(map(int, (_ROLE.DisplayRole, _ROLE.EditRole, SORT_ROLE, TASK_ID_ROLE, _ROLE.SizeHintRole,
                                        _ROLE.FontRole, _ROLE.ToolTipRole)))
_ONE_COLUMN_ROLES = {int(_ROLE.TextAlignmentRole): NUMERIC_COLUMNS,
                     int(_ROLE.DecorationRole): (Column.NAME, Column.DEADLINE),
                     int(_ROLE.ForegroundRole): (Column.FLOAT, Column.DEADLINE),
                     int(_ROLE.BackgroundRole): (Column.VARIANCE,)}
_LATE_RED = DEADLINE_MISSED  # critical float and a missed deadline, as the chart marks a deadline missed


class TaskCells:
    """The cells' answers to Qt: a mixin of TaskTreeModel, which holds the rows and the row context."""

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
        if column is Column.DEADLINE:
            return self._deadline_style(task, role)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.NAME:
            return task_icon(self.document.project, task, summary, self._icon_colors.of(self.document.project))
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.FLOAT:
            dates = self._context().dates(task)
            if dates and dates.critical:
                return QBrush(QColor(_LATE_RED))
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.VARIANCE:
            return self._variance_tint(task)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task, column)
        return None

    def _deadline_style(self, task, role):
        """A missed deadline red and marked in its cell, as MS Project's indicator flags it in the row
        (met or missed as the tooltip's words say it: the last day read after the deadline's day)."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task, Column.DEADLINE)
        dates = self._context().dates(task) if task.deadline is not None else None
        if dates is None or dates.shown_finish <= task.deadline:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(_LATE_RED))
        return missed_deadline_icon() if role == Qt.ItemDataRole.DecorationRole else None

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
