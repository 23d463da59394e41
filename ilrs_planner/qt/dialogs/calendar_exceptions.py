"""The calendar dialog's exceptions table: name, start, finish and whether the days are worked.

Dates are typed as elsewhere in the app (`2030-12-25`, `2030-12`, `Q3 2030`); a finish left empty
ends with the start's period, so `2031-02` alone closes the whole of February 2031.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from ...commands.calendars import check_text
from ...domain import CalendarException, PlannerError, parse_fuzzy_date
from ..table_tab_out import TabOutAtTheEnds

NAME, START, FINISH, WORKED = range(4)


def _date_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip("Type a date: 2030-12-25, 2030-12 or Q3 2030")
    return item


class ExceptionsTable:
    """Shows a calendar's exceptions in a QTableWidget and reads back what was typed."""

    def __init__(self, table: QTableWidget):
        self.table = table
        self.tab_out = TabOutAtTheEnds(table)  # Tab from the last cell on to Add exception, not round again
        table.verticalHeader().hide()
        table.setColumnWidth(START, 120)
        table.setColumnWidth(FINISH, 120)
        table.setColumnWidth(WORKED, 70)

    def show(self, exceptions: list[CalendarException]) -> None:
        """One row per exception, in the calendar's order (a later one wins where two overlap)."""
        self.table.setRowCount(0)
        for exception in exceptions:
            self._append(exception.name, exception.start.isoformat(), exception.finish.isoformat(),
                         exception.working)

    def _append(self, name: str, start: str, finish: str, working: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        self.table.setItem(row, START, _date_item(start))
        self.table.setItem(row, FINISH, _date_item(finish))
        worked = QTableWidgetItem()
        worked.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        worked.setCheckState(Qt.CheckState.Checked if working else Qt.CheckState.Unchecked)
        worked.setToolTip("Ticked: these days are worked whatever the weekday (a make-up day)")
        self.table.setItem(row, WORKED, worked)
        return row

    def add_row(self) -> None:
        """A new non-working exception, its name cell open for typing (Tab moves on to the dates)."""
        row = self._append("", "", "", False)
        self.table.setFocus()
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self.table.item(row, NAME))

    def remove_selected(self) -> None:
        """Remove the selected rows (or the current one)."""
        rows = {index.row() for index in self.table.selectedIndexes()} or {self.table.currentRow()}
        for row in sorted(rows - {-1}, reverse=True):
            self.table.removeRow(row)

    def read(self) -> list[CalendarException]:
        """The exceptions typed, or a PlannerError naming the row and what is wrong with it."""
        self.finish_editing()
        return [self._read_row(row) for row in range(self.table.rowCount())]

    def finish_editing(self) -> None:
        """Keep what is typed in a cell still open (a button pressed without leaving the cell)."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setCurrentIndex(QModelIndex())  # leaving the cell commits and closes its editor

    def _read_row(self, row: int) -> CalendarException:
        name = self.table.item(row, NAME).text().strip()
        where = f"exception {row + 1}" + (f" ('{name}')" if name and not _unprintable(name) else "")
        check_text(name, where)
        start_text = self.table.item(row, START).text().strip()
        finish_text = self.table.item(row, FINISH).text().strip() or start_text
        if not start_text:
            raise PlannerError("date.invalid", f"{where} needs a start date, such as 2030-12-25")
        try:
            start = parse_fuzzy_date(start_text, end=False)[0]
            finish = parse_fuzzy_date(finish_text, end=True)[0]
            if finish < start:  # said once: the code's sentence says what is wrong, this which and when
                raise PlannerError("calendar.bad_exception", f"{start} to {finish}")
            worked = self.table.item(row, WORKED).checkState() == Qt.CheckState.Checked
            return CalendarException(name, start, finish, worked)
        except PlannerError as error:
            self.table.setCurrentCell(row, START)
            raise PlannerError(error.code, f"{where}: {error.message}") from None


def _unprintable(text: str) -> bool:
    return any(not char.isprintable() for char in text)
