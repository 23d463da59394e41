"""The task dialog's Links tab: one row per predecessor (task, type, lag), read back on OK.

Each row's cells are widgets of their own, so the table leaves Tab to them: with the table's own
Tab navigation, Tab went round the rows' choosers for ever and never reached Add predecessor, Remove
or OK."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableWidget

from ...domain import LinkType, PlannerError, Project
from ...domain.durations import format_days, units_for
from ...domain.terminal_text import one_line
from ...exchange.predecessors import PredecessorRef, parse_lag
from .task_fields import fill_enum

LinkRow = tuple[str | None, str, LinkType, PredecessorRef]  # (link id or None, predecessor, type, lag typed)


def set_up(table: QTableWidget) -> None:
    """Columns sized for a task's name, its type and a lag; Tab goes from cell to cell and out."""
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(1, 170)
    table.setColumnWidth(2, 90)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.setTabKeyNavigation(False)


def add_row(table: QTableWidget, project: Project, task_id: str, link_id: str | None, pred_id: str | None,
            link_type: LinkType, lag: int, elapsed: bool = False) -> int:
    """A predecessor row of `task_id`: task, type, lag (link_id None for a new link). Returns the row.
    The lag is typed as in the Predecessors cell (`+3 d`, `-1d`, `4h`, `2ed`) and read so on OK."""
    row = table.rowCount()
    table.insertRow(row)
    tasks = QComboBox()
    tasks.setProperty("link_id", link_id)
    # Each task by its ID, as the Predecessors column writes it, then its name indented as in the
    # outline: typing 12 picks task 12 (its key first, behind the indent, matched nothing typed).
    for number, (task, depth) in enumerate(project.walk(), start=1):
        if task.id != task_id:
            tasks.addItem(f"{number}  {'  ' * depth}{one_line(task.name)}", task.id)
    # A new row chooses nothing: OK then asks for its predecessor (it linked the plan's first row).
    tasks.setCurrentIndex(tasks.findData(pred_id) if pred_id else -1)
    tasks.setPlaceholderText("Type its ID or choose")
    types = QComboBox()
    fill_enum(types, LinkType, link_type)
    lag_edit = QLineEdit(format_days(lag, elapsed, signed=True))
    lag_edit.setObjectName("lag_edit")
    for column, widget in enumerate((tasks, types, lag_edit)):
        table.setCellWidget(row, column, widget)
    return row


def read_rows(table: QTableWidget, project: Project) -> list[LinkRow]:
    """Every row as typed; PlannerError for a lag that is no lag."""
    units = units_for(project.default_calendar())
    rows = []
    for row in range(table.rowCount()):
        tasks, types, lag = (table.cellWidget(row, column) for column in range(3))
        if tasks.currentData() is None:
            raise PlannerError("link.no_predecessor", f"Predecessor row {row + 1} names no task: choose its "
                               "predecessor, or remove the row")
        rows.append((tasks.property("link_id"), tasks.currentData(), LinkType(types.currentData()),
                     parse_lag(lag.text(), units)))
    return rows
