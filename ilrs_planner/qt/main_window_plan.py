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
        self._before: tuple[str | None, dict[str, tuple]] = (None, {})
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
        """Plan → Calendars…: the calendar editor, one undo step on OK, then what it changed said."""
        self._before = self._calendar_state()
        self.dialog = CalendarDialog(self.window.document, self.window)
        self.dialog.accepted.connect(self._say_calendars_changed)
        self.dialog.open()

    def _calendar_state(self) -> tuple[str | None, dict[str, tuple]]:
        """The default calendar and every task's dates, to say after OK what the change moved."""
        document = self.window.document
        tasks = document.schedule.tasks if document.schedule is not None else {}
        return document.project.default_calendar_id, {tid: (d.early_start, d.early_finish) for tid, d in tasks.items()}

    def _say_calendars_changed(self) -> None:
        """"Calendars: 'Four-day week' made the default; 4 tasks moved" (OK said nothing though tasks moved)."""
        document, (default_before, dates) = self.window.document, self._before
        project, after = document.project, document.schedule.tasks if document.schedule is not None else {}
        parts = []
        if project.default_calendar_id != default_before and project.default_calendar_id in project.calendars:
            parts.append(f"'{project.calendars[project.default_calendar_id].name}' made the default")
        moved = sum(1 for tid, d in after.items() if tid in dates and dates[tid] != (d.early_start, d.early_finish))
        parts.append(f"{moved:,} task{'s' if moved != 1 else ''} moved" if moved else "no task moved")
        self.window._note("Calendars: " + "; ".join(parts))

    def open_progress(self) -> None:
        """Plan → Update progress: the status date and what was done by it, applied as one undo step."""
        self.progress_dialog = ProgressDialog(self.window.document, self.window)
        self.progress_dialog.open()
