"""Typing into a task-tree cell: the command it means pushed, a refusal said, and what the status bar
notes after it (a conflict with a pinned task, a rounded duration, a start held by a link)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ...commands.tasks import AddTask
from ...domain import PlannerError, Precision, Task
from .cell_text import why_not_editable
from .coarsened_note import coarsened_note
from .constraint_column import held_start_note
from .pinned_conflict_note import first_conflict_note
from .status_date_note import status_date_note
from .task_columns import Column
from .typed_commands import changes_nothing, command_for, rounding_note, typed_unchanged


class TaskTyping:
    """setData and its notes: a mixin of TaskTreeModel, which holds the rows and the row context."""

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
            # The text asks for what the task already has (predecessors in another case); a duration
            # rounded to it still says so ('4h' over 1 d), or the last edit's note stood as its answer.
            if command is not None and (note := rounding_note(column, str(value), self._context())):
                self.document.noted.emit(note)
            return False
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
