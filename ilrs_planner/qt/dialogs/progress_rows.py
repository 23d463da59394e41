"""The rows of the Update progress table: one task behind the status date each, and what a row records."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from ...commands.progress import Progress
from ...domain import PlannerError, Precision, Task, format_fuzzy_date, parse_iso_date
from ...engine.progress import DueTask
from ..plain_text import tooltip

# Eight columns, so the table fits an 800-pixel-wide window: a task's Started box and its start
# share a cell, as do Done and its last day (ticked by hand or by typing the date).
COLUMNS = ("ID", "Task", "Due to", "Forecast\nstart", "Forecast\nfinish", "Started on", "%\ncomplete",
           "Done,\nlast day")
ID, TASK = 0, 1  # a task named as the table names it: its ID (its key in the tooltip), its name
STARTED = START = 5
PERCENT = 6
DONE = LAST = 7
SHOWN = Qt.ItemDataRole.UserRole  # the text a cell last showed: typing changes it, ticking does not
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_BOX = _READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable


def row_items(due: DueTask, task: Task, default_last: date, as_of: date,
              precision: Precision = Precision.DAY, number: int = 0) -> list[QTableWidgetItem]:
    """The cells of one row: what is due (read only; the forecast as precisely as it is known, '2026'
    for a date driven by one announced to the year), then Started with its start, % and Done with
    its last day. `number` is the task's ID in the table."""
    due_to = "happen" if due.milestone else due.due
    shown = [str(number or due.key), due.name, due_to, format_fuzzy_date(due.start, precision),
             format_fuzzy_date(due.last_day, precision)]
    items = [_item(text, _READ_ONLY) for text in shown]
    if due.milestone:  # a milestone only happens: no start or progress of its own
        items += [_item("", Qt.ItemFlag.NoItemFlags) for _ in range(2)]
    elif task.actual_start is not None:  # already under way: its start is known
        items += [_box(task.actual_start.isoformat(), True, _READ_ONLY), _item(str(task.percent_complete), _EDITABLE)]
    else:
        items += [_box(min(due.start, as_of).isoformat(), False, _BOX | _EDITABLE),
                  _item(str(task.percent_complete), _EDITABLE)]
    items.append(_box(default_last.isoformat(), False, _BOX | _EDITABLE))
    items[ID].setToolTip(tooltip(f"ID {number} (key {due.key})" if number else due.key))
    items[TASK].setToolTip(tooltip(due.name))  # a long name is cut to fit: the tooltip gives it whole
    return items


def read_row(table: QTableWidget, row: int, task: Task) -> Progress | None:
    """The progress a row records, None when it is left; a typo raises PlannerError naming the cell."""
    def ticked(col: int) -> bool:
        item = table.item(row, col)
        return bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable) and item.checkState() == Qt.CheckState.Checked

    def text(col: int) -> str:
        return table.item(row, col).text().strip()

    started = ticked(STARTED) and task.actual_start is None
    start = _day(task, "start", text(START)) if started else None
    if ticked(DONE):
        return Progress(task.id, started=start, finished=_day(task, "last day", text(LAST)))
    percent = _percent(task, text(PERCENT)) if task.duration else None
    if started:
        return Progress(task.id, started=start, percent=percent)
    if task.actual_start is not None and percent is not None and percent != task.percent_complete:
        return Progress(task.id, percent=percent)
    return None


def _item(text: str, flags: Qt.ItemFlag) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(flags)
    item.setData(SHOWN, text)
    return item


def _box(text: str, checked: bool, flags: Qt.ItemFlag) -> QTableWidgetItem:
    item = _item(text, flags)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _day(task: Task, label: str, text: str) -> date:
    try:
        return parse_iso_date(text)
    except PlannerError as err:
        raise PlannerError("status.bad_date", f"{task.key}: the {label} {err.message}", [task.id]) from None


def _percent(task: Task, text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 100:
        raise PlannerError("status.bad_percent", f"{task.key}: % complete '{text}' is not a whole number from 0 to 100",
                           [task.id])
    return int(text)
