"""The task dialog's Start and Finish: shown and typed as the table's Start and Finish cells.

MS Project's Task Information has both on its General tab. A Start typed becomes a Start No Earlier
Than that day (a manual task's own start); a Finish typed is the last day of work, the duration
becoming what reaches it (models.task_columns.command_for builds both, as for the cells). Typed
together they mean one span: the finish is measured from the start typed, not from the start the
task had. A Start typed with another constraint chosen, or a Finish with another duration, asks
for two things at once: refused, naming both fields, rather than one silently losing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ...commands.base import Command
from ...commands.tasks import SetPlannedFinish
from ...domain import PlannerError, Task, parse_fuzzy_date
from ...domain.errors import quoted
from ...engine.whatif import duration_finishing_on
from ..document import Document
from ..models.cell_text import display_text, is_editable
from ..models.constraint_column import held_start_note
from ..models.row_context import RowContext
from ..models.status_date_note import status_date_note
from ..models.task_columns import Column
from ..models.typed_commands import changes_nothing, command_for


def _context(document: Document) -> RowContext:
    project = document.project
    return RowContext(project, document.schedule, None, project.summary_ids(), document.shown_precision())


class StartFinishFields:
    """The Start and Finish fields of one task's dialog: filled as the table shows the task, read on OK."""

    def __init__(self, document: Document, task: Task, start_edit: QLineEdit, finish_edit: QLineEdit):
        self.document, self.task = document, task
        self.ctx = _context(document)
        self.edits = {Column.START: start_edit, Column.FINISH: finish_edit}
        self.shown: dict[Column, str] = {}
        for column, edit in self.edits.items():
            self.shown[column] = display_text(task, column, self.ctx)
            edit.setText(self.shown[column])
            edit.setEnabled(is_editable(task, column, self.ctx))  # a summary spans its sub-tasks

    def typed(self, column: Column) -> str | None:
        """The text typed over what the field showed, or None when left as shown."""
        edit = self.edits[column]
        text = edit.text().strip()
        return text if edit.isEnabled() and text != self.shown[column] else None

    def commands(self, fields: dict[str, object]) -> list[Command]:
        """The Start and Finish typed as commands, applied after the other fields (`fields`, the
        changes read from them); PlannerError naming the field for what cannot be read or meant."""
        start, finish = self.typed(Column.START), self.typed(Column.FINISH)
        if start is not None and {"constraint", "constraint_date"} & set(fields):
            self._refuse(Column.START, "task.bad_value", "a Start typed becomes a Start No Earlier Than "
                         "constraint; change the Start or the constraint, not both")
        if finish is not None and "duration" in fields:
            self._refuse(Column.FINISH, "task.bad_value", "a Finish typed sets the duration that reaches it; "
                         "change the Finish or the Duration, not both")
        parts = []
        if start is not None:
            parts.append(self._command(Column.START, start))
        if finish is not None:
            parts.append(self._finish_from(start, finish) if start is not None and self.task.duration
                         else self._command(Column.FINISH, finish))
        return [part for part in parts if part is not None and not changes_nothing(self.task, part)]

    def _command(self, column: Column, text: str) -> Command | None:
        try:
            return command_for(self.task, column, text, self.ctx)
        except PlannerError as error:
            self._refuse(column, error.code, error.message, error.subject_ids)
        return None

    def _finish_from(self, start_text: str, finish_text: str) -> Command:
        """A Finish typed with a Start: the duration from the start typed through the finish's day."""
        try:
            start = parse_fuzzy_date(start_text)[0]
            last_day, precision = parse_fuzzy_date(finish_text, end=True)
        except PlannerError as error:
            self._refuse(Column.FINISH, error.code, error.message)
        task = self.task
        if last_day < start:
            self._refuse(Column.FINISH, "task.finish_before_start", f"{quoted(finish_text)} is before the Start "
                         f"typed ({start}); type a last day on or after it", [task.id])
        days = duration_finishing_on(self.document.project, task, start, last_day, self.ctx.worked())
        return SetPlannedFinish(task.id, text=f"Set finish of '{task.name}' to {finish_text}", duration=days,
                                precision=precision)

    def _refuse(self, column: Column, code: str, message: str, subject_ids: list[str] | None = None) -> None:
        self.edits[column].setFocus()
        label = "Start" if column is Column.START else "Finish"
        raise PlannerError(code, f"{label}: {message}", subject_ids or [self.task.id])

    def held_note(self) -> str | None:
        """After OK: a Start typed that a link or the status date holds later, said as the table says it."""
        if self.typed(Column.START) is None:
            return None
        document, ctx = self.document, _context(self.document)  # the schedule the edit derived
        precision = document.shown_precision().start_of(self.task.id)
        return held_start_note(document.project, document.schedule, self.task.id, ctx.numbers_of,
                               ctx.spelled_keys(), precision) or status_date_note(
            document.project, document.schedule, self.task.id, ctx.numbers_of)
