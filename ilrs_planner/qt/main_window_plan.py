"""The Plan menu: what belongs to the plan as a whole rather than to one task (its calendars, its progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from .dialogs.calendar_dialog import CalendarDialog
from .dialogs.plan_info_dialog import PlanInfoDialog
from .dialogs.progress_dialog import ProgressDialog

if TYPE_CHECKING:
    from .main_window import MainWindow


class PlanActions:
    """Builds the Plan menu's actions on `window`."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.info = window.add_action(
            "", "Plan &information…", None, self.open_info,
            "The plan's name, author, start and status date, and the finish they lead to")
        self.calendars = window.add_action(
            "calendar", "&Calendars…", None, self.open_calendars,
            "Working weekdays and holidays of the plan's calendars, and which one is the plan's default")
        self.update_progress = window.add_action(
            "progress", "&Update progress…", "Ctrl+Shift+P", self.open_progress,
            "Move the status date and record which tasks started or finished by it")
        self.dialog: CalendarDialog | None = None
        self.info_dialog: PlanInfoDialog | None = None
        self.progress_dialog: ProgressDialog | None = None

    def plan_actions(self) -> list[QAction | None]:
        """The Plan menu, in order (None = separator)."""
        return [self.info, self.calendars, None, self.update_progress]

    def open_info(self) -> None:
        """Plan → Plan information…: the plan's own fields, one undo step on OK."""
        self.info_dialog = PlanInfoDialog(self.window.document, self.window)
        self.info_dialog.open()

    def open_calendars(self) -> None:
        """Plan → Calendars…: the calendar editor, one undo step on OK."""
        self.dialog = CalendarDialog(self.window.document, self.window)
        self.dialog.open()

    def open_progress(self) -> None:
        """Plan → Update progress: the status date and what was done by it, applied as one undo step."""
        self.progress_dialog = ProgressDialog(self.window.document, self.window)
        self.progress_dialog.open()
