"""CalendarDialog: the plan's calendars, their working weekdays and exceptions; OK is one undo step.

The dialog edits copies of the calendars; OK turns the difference into calendar commands
(`calendar_edits`) pushed as one step, Cancel leaves the plan untouched.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QListWidgetItem

from ...commands.calendar_edits import calendar_edits
from ...commands.calendars import check_calendar_name, check_calendar_unused
from ...domain import CONTINUOUS_NAME, Calendar, PlannerError
from ...domain.calendar import MONDAY_TO_FRIDAY
from ..document import Document
from ..generated.ui_calendar_dialog import Ui_CalendarDialog
from ..plain_text import as_plain
from ..screen_fit import fit_before_shown
from .calendar_exceptions import ExceptionsTable
from .messages import one_line, push_or_explain

CALENDAR_ID_ROLE = Qt.ItemDataRole.UserRole
BUILT_IN_LABEL = f"{CONTINUOUS_NAME} (built in)"
DEFAULT_MARK = " — default"


class CalendarDialog(QDialog):
    """Lists the plan's calendars; the one selected shows its name, working days and exceptions."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.ui = Ui_CalendarDialog()
        self.ui.setupUi(self)
        as_plain(self.ui.error_label)  # errors and the default's line quote calendar names
        as_plain(self.ui.default_label)
        self.calendars = copy.deepcopy(document.project.calendars)
        self.default_id = document.project.default_calendar_id
        self.current_id: str | None = None
        self.weekday_checks = [self.ui.mon_check, self.ui.tue_check, self.ui.wed_check, self.ui.thu_check,
                               self.ui.fri_check, self.ui.sat_check, self.ui.sun_check]
        self.exceptions = ExceptionsTable(self.ui.exceptions_table)
        self.ui.exceptions_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._connect()
        self._fill_list(self.default_id if self.default_id in self.calendars else next(iter(self.calendars), None))
        fit_before_shown(self)  # its form's 820 pixels ran past the edge of an 800-pixel screen, OK and all

    def _connect(self) -> None:
        ui = self.ui
        ui.calendar_list.currentItemChanged.connect(self._calendar_picked)
        ui.name_edit.textEdited.connect(self._name_typed)
        ui.add_calendar_button.clicked.connect(self.add_calendar)
        ui.delete_calendar_button.clicked.connect(self.delete_calendar)
        ui.default_button.clicked.connect(self.make_default)
        ui.add_exception_button.clicked.connect(self.exceptions.add_row)
        ui.remove_exception_button.clicked.connect(self.exceptions.remove_selected)
        ui.button_box.accepted.connect(self.try_accept)
        ui.button_box.rejected.connect(self.reject)

    # -- the list of calendars ------------------------------------------------------------------
    def _label(self, calendar_id: str | None) -> str:
        name = BUILT_IN_LABEL if calendar_id is None else self.calendars[calendar_id].name
        return name + DEFAULT_MARK if calendar_id == self.default_id else name

    def _fill_list(self, select_id: str | None) -> None:
        """The built-in Continuous calendar, then the plan's; `select_id` chosen."""
        listing = self.ui.calendar_list
        listing.blockSignals(True)
        listing.clear()
        for calendar_id in [None, *self.calendars]:
            item = QListWidgetItem(self._label(calendar_id))
            item.setData(CALENDAR_ID_ROLE, calendar_id)
            listing.addItem(item)
            if calendar_id == select_id:
                listing.setCurrentItem(item)
        listing.blockSignals(False)
        self._show(select_id)
        default = (f"{CONTINUOUS_NAME}, which works every day" if self.default_id is None
                   else self.calendars[self.default_id].name)
        self.ui.default_label.setText(f"Tasks without a calendar of their own work on the plan default: {default}.")

    def _calendar_picked(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        if not self._store_pane():  # the pane's input is wrong: stay on it, the error says why
            self.ui.calendar_list.blockSignals(True)
            self.ui.calendar_list.setCurrentItem(previous)
            self.ui.calendar_list.blockSignals(False)
            return
        self._show(item.data(CALENDAR_ID_ROLE))

    def _name_typed(self, text: str) -> None:
        item = self.ui.calendar_list.currentItem()
        if item is not None and self.current_id is not None:
            item.setText(text + DEFAULT_MARK if self.current_id == self.default_id else text)

    # -- the selected calendar ------------------------------------------------------------------
    def _show(self, calendar_id: str | None) -> None:
        """Fill the pane with a calendar (the built-in one is shown, not edited)."""
        self.current_id = calendar_id
        calendar = Calendar(CONTINUOUS_NAME) if calendar_id is None else self.calendars[calendar_id]
        ui = self.ui
        ui.name_edit.setText(calendar.name)
        for check, worked in zip(self.weekday_checks, calendar.weekdays):
            check.setChecked(worked)
        self.exceptions.show(calendar.exceptions)
        editable = calendar_id is not None
        for widget in (ui.name_edit, *self.weekday_checks, ui.exceptions_table, ui.add_exception_button,
                       ui.remove_exception_button, ui.delete_calendar_button):
            widget.setEnabled(editable)
        ui.default_button.setEnabled(calendar_id != self.default_id)

    def _store_pane(self) -> bool:
        """Keep what the pane shows in the edited copy; False (error shown) when it is not valid."""
        if self.current_id is None:
            return True
        try:
            name = check_calendar_name(self.calendars.values(), self.ui.name_edit.text(), self.current_id)
            exceptions = self.exceptions.read()
        except PlannerError as error:
            self.ui.error_label.setText(one_line(error))
            return False
        calendar = self.calendars[self.current_id]
        calendar.name, calendar.exceptions = name, exceptions
        calendar.weekdays = tuple(check.isChecked() for check in self.weekday_checks)
        self.ui.error_label.clear()
        return True

    # -- buttons --------------------------------------------------------------------------------
    def add_calendar(self) -> None:
        """A new Monday–Friday calendar, selected with its name ready to be typed over."""
        if not self._store_pane():
            return
        names = {c.name.casefold() for c in self.calendars.values()}
        name = next(n for n in ("Standard", *(f"Calendar {i}" for i in range(2, 10_000)))
                    if n.casefold() not in names)
        calendar = Calendar(name, MONDAY_TO_FRIDAY)
        self.calendars[calendar.id] = calendar
        self._fill_list(calendar.id)
        self.ui.name_edit.setFocus()
        self.ui.name_edit.selectAll()

    def delete_calendar(self) -> None:
        """Remove the selected calendar, unless it is the default or a task's (the error says which)."""
        if self.current_id is None:
            return
        try:
            check_calendar_unused(self.document.project, self.calendars[self.current_id], self.default_id)
        except PlannerError as error:
            self.ui.error_label.setText(one_line(error))
            return
        del self.calendars[self.current_id]
        self.current_id = None  # nothing left to store
        self.ui.error_label.clear()
        self._fill_list(self.default_id)

    def make_default(self) -> None:
        """Tasks without a calendar of their own work on the selected one."""
        if self._store_pane():
            self.default_id = self.current_id
            self._fill_list(self.current_id)

    # -- OK -------------------------------------------------------------------------------------
    def try_accept(self) -> None:
        """Push every change as one undo step, or say what is wrong and stay open."""
        if self._store_pane() and push_or_explain(
                self.document.push, lambda: calendar_edits(self.document.project, self.calendars, self.default_id),
                self.ui.error_label):
            self.accept()
