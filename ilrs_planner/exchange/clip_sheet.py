"""Rows pasted from a spreadsheet (tab-separated text, as Excel and LibreOffice copy cells) as new tasks.

Each line is a task. A first line naming known columns is a header: columns are then taken by their
names (ID, Key, Name, Duration, Start, Finish, Predecessors, Notes, Deadline, also under the other
names the CSV import reads: Task Name, Task, Days, Begin, After, End Date...), and the others are
named in one note and left out. Without a header the columns are Name, then Duration, then Start.
A cell is read as the task table reads typing into it ("3w", "10d", "2031-06", "15 Jun 2031"), so a
copied row of the table pastes back as it reads. Predecessors name a row of the pasted block (by its
ID column, else by its line number counted from the first task) or a task of the plan by its key; one
naming neither (a row copied from a table names its predecessors outside the copy by their IDs there)
is left out and named in a note. Any other cell that cannot be read refuses the whole paste, naming
its line and column.
"""

from __future__ import annotations

import dataclasses

from ..domain import PlannerError, Project
from .clip_columns import WITHOUT_HEADER, header_fields, is_header, sheet_rows
from .clip_format import TaskCopy
from .clip_rows import PastedRows


@dataclasses.dataclass(frozen=True)
class SheetPaste:
    """The pasted rows as a copy to insert, and what was left out of them."""

    copied: TaskCopy
    notes: list[str]


def paste_from_sheet(text: str, project: Project) -> SheetPaste:
    """The tasks the pasted rows make in `project`; PlannerError (paste.bad_cell ...) naming line and column."""
    rows = sheet_rows(text)
    if not rows:
        raise PlannerError("paste.bad_cell", "the pasted text holds no rows")
    notes: list[str] = []
    if is_header(rows[0]):
        fields = header_fields(rows[0])
        left_out = [cell for cell, field in zip(rows[0], fields, strict=True) if not field and cell]
        if left_out:
            notes.append(f"columns not pasted: {', '.join(' '.join(c.split()) for c in left_out)}")
        if "name" not in fields:
            raise PlannerError("paste.bad_cell", "the pasted rows have a header without a Name column")
        first_line, body = 2, rows[1:]
    else:
        fields, first_line, body = list(WITHOUT_HEADER), 1, rows
        if max(map(len, rows)) > len(WITHOUT_HEADER):
            notes.append("columns after Name, Duration and Start not pasted (a header row names them)")
    records = [dict(zip(fields, row, strict=False)) for row in body]
    reader = PastedRows(project, first_line)
    copied = reader.copy_of(records)
    return SheetPaste(copied, notes + reader.constrained() + reader.unlinked())
