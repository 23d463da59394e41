"""Which of the task table's columns a printed page carries beside its rows, and their texts.

MS Project prints the columns of its Gantt table left of the chart; here a page carries the columns
the task table shows, in its order, ID and Name first (the columns that stay at the left), each
cell as the table writes it. They take as much of the page's width as they may (TABLE_MOST); the
columns that do not fit after that are left out, and the page's small print names them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from .models.cell_text import display_text
from .models.column_choice import default_shown_columns
from .models.frozen_columns import FROZEN
from .models.row_context import RowContext, RowNumbers
from .models.task_columns import HEADERS, Column

TABLE_MOST = 0.6  # the most of the chart's width the printed columns take together
COLUMN_MOST = 0.16  # the most one column other than Name takes (a longer text is cut with "…")


def shown_columns(header: QHeaderView) -> list[Column]:
    """The table's columns as shown: left to right, hidden ones left out."""
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [Column(index) for index in logical if not header.isSectionHidden(index)]


def printed_columns(shown: list[Column] | None) -> list[Column]:
    """The columns after ID and Name to print, in the table's order (a new window's when not given)."""
    return [column for column in (shown if shown is not None else default_shown_columns()) if column not in FROZEN]


def column_texts(document, task_ids: list[str], columns: list[Column],
                 numbers: RowNumbers | None) -> dict[Column, list[str]]:
    """Each column's text for each of the rows `task_ids`, as the table writes its cells."""
    if not columns:
        return {}
    project = document.project
    name = document.baseline_name
    baseline = dict(project.baseline(name).entries) if name else None
    ctx = RowContext(project, document.schedule, baseline, project.summary_ids(), document.shown_precision(),
                     numbers=numbers)
    tasks = [project.tasks.get(tid) for tid in task_ids]
    return {column: [display_text(task, column, ctx) if task is not None else "" for task in tasks]
            for column in columns}


def header_text(column: Column, values_width: float, width_of) -> str:
    """The column's header, on two lines when on one it is wider than the values under it."""
    header = HEADERS[column]
    if " " not in header or width_of(header) <= values_width:
        return header
    return header.replace(" ", "\n", 1)


def left_out_note(left_out: list[Column]) -> str:
    """'Total float, Predecessors not printed: no room' for the page's small print."""
    return f"{', '.join(HEADERS[column] for column in left_out)} not printed: no room" if left_out else ""
