"""The Calendar column of a CSV task table: calendars found by name, as MS Project's import finds them.

A CSV file carries a calendar's name, not its working days. MS Project's import looks each name up
among the project's calendars and does not take a name the project lacks. A plan made by our import
has what every new MS Project file has, the base calendars "Standard" (Monday to Friday) and
"24 Hours" (every day), and our own "Continuous" (every day, the calendar of a plan that names
none): a row naming one of them gets it, made once for the plan. Any other name is reported in one
warning naming it, with how many rows use it; those tasks stay on the plan's calendar. A blank cell
or "None" (MS Project's word for no task calendar) means the plan's calendar. The Calendar of the
project summary row (ID 0) is the plan's calendar.
"""

from __future__ import annotations

from ..domain import CONTINUOUS_NAME, Calendar, Project
from ..domain.calendar import ALL_WEEK, MONDAY_TO_FRIDAY
from .msp_row import RowReader

COLUMN = "Calendar"
NO_CALENDAR = "none"
KNOWN = {"standard": ("Standard", MONDAY_TO_FRIDAY), "24 hours": ("24 Hours", ALL_WEEK),
         CONTINUOUS_NAME.lower(): (CONTINUOUS_NAME, ALL_WEEK)}


class CalendarNames:
    """The calendars an import has made, by name, and the names it could not place."""

    def __init__(self, project: Project, warnings: list[str]):
        self.project, self.warnings = project, warnings
        self.made: dict[str, Calendar] = {}
        self.unknown: dict[str, tuple[str, int]] = {}  # name in lower case -> (as first written, rows)

    def plan_calendar(self, summary: RowReader | None) -> None:
        """The plan's calendar from the project summary row; Continuous (none) when it names none."""
        name = summary.text(COLUMN) if summary else ""
        if name.lower() in ("", NO_CALENDAR, CONTINUOUS_NAME.lower()):
            return
        self.project.default_calendar_id = self.find(name)

    def task_calendar(self, row: RowReader) -> str | None:
        """The id of the calendar a task row names, or None for the plan's own."""
        name = row.text(COLUMN)
        return None if name.lower() in ("", NO_CALENDAR) else self.find(name)

    def find(self, name: str) -> str | None:
        """The id of the calendar called `name` (any case), made when MS Project has it; None if unknown."""
        key = name.lower()
        if key not in self.made and key in KNOWN:
            shown, weekdays = KNOWN[key]
            self.made[key] = self.project.add_calendar(Calendar(shown, weekdays))
        if key in self.made:
            return self.made[key].id
        shown, rows = self.unknown.get(key, (name, 0))
        self.unknown[key] = (shown, rows + 1)
        return None

    def report(self) -> None:
        """One warning per name no calendar has."""
        for name, rows in self.unknown.values():
            self.warnings.append(
                f"column {COLUMN}: no calendar is called '{name}' ({rows} row(s)); a CSV file names calendars "
                "without their working days, so those tasks use the plan's calendar. Known here: Standard, "
                "24 Hours, Continuous; MS Project XML or a .db file carries calendars whole")


def named_only(project: Project, format_name: str) -> list[str]:
    """The export's warning that a spreadsheet names calendars without their days: those a CSV or XLSX
    import could not make again from their names (see `CalendarNames.find`)."""
    lost = [c.name for c in project.calendars.values() if not _known_whole(c)]
    if not lost:
        return []
    return [f"calendars are written by name only, without their working days and exceptions: {', '.join(lost)}; "
            f"{format_name} cannot carry them: use .db or MS Project XML to keep them"]


def _known_whole(calendar: Calendar) -> bool:
    """A calendar the import makes again from its name alone."""
    known = KNOWN.get(calendar.name.lower())
    return known is not None and known[1] == calendar.weekdays and not calendar.exceptions
