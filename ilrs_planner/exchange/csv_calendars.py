"""The Calendar column of a CSV task table: calendars found by name, as MS Project's import finds them.

A CSV file carries a calendar's name, not its working days. MS Project's import looks each name up
among the project's calendars and does not take a name the project lacks. A plan made by our import
has what every new MS Project file has, the base calendars "Standard" (Monday to Friday) and
"24 Hours" (every day), and our own "Continuous" (every day, the calendar of a plan that names
none): a row naming one of them gets it, made once for the plan. Any other name is reported in one
warning naming it and the rows that use it; those tasks stay on the plan's calendar, named too. A
blank cell or "None" (MS Project's word for no task calendar) means the plan's calendar. The Calendar
of the project summary row (ID 0; an XLSX export's Plan sheet) is the plan's calendar: one no
calendar has leaves the plan on Continuous, every day worked, and a warning says so.
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
        self.unknown: dict[str, tuple[str, list[int]]] = {}  # name in lower case -> (as first written, rows)
        self.unknown_plan: str | None = None  # the plan's own calendar, when no calendar has its name

    def plan_calendar(self, summary: RowReader | None) -> None:
        """The plan's calendar from the project summary row; Continuous (none) when it names none."""
        name = summary.text(COLUMN) if summary else ""
        if name.lower() in ("", NO_CALENDAR, CONTINUOUS_NAME.lower()):
            return
        self.project.default_calendar_id = self._known(name)
        if self.project.default_calendar_id is None:
            self.unknown_plan = name

    def task_calendar(self, row: RowReader) -> str | None:
        """The id of the calendar a task row names, or None for the plan's own."""
        name = row.text(COLUMN)
        if name.lower() in ("", NO_CALENDAR):
            return None
        found = self._known(name)
        if found is None:
            self.unknown.setdefault(name.lower(), (name, []))[1].append(row.line)
        return found

    def _known(self, name: str) -> str | None:
        """The id of the calendar called `name` (any case), made when MS Project has it; None if unknown."""
        key = name.lower()
        if key not in self.made and key in KNOWN:
            shown, weekdays = KNOWN[key]
            self.made[key] = self.project.add_calendar(Calendar(shown, weekdays))
        return self.made[key].id if key in self.made else None

    def report(self) -> None:
        """A warning for the plan's calendar and one per name no task calendar has, naming the rows and
        the calendar they fall back on: a plan on Continuous counts every day, not working days."""
        fallback = self.project.default_calendar().name
        if self.unknown_plan is not None:
            self.warnings.append(
                f"the plan's calendar '{self.unknown_plan}' is not one known here, so the plan uses {fallback} "
                f"(every day a working day): its durations count calendar days. {_KNOWN_HERE}")
        for name, rows in self.unknown.values():
            self.warnings.append(
                f"column {COLUMN}: no calendar is called '{name}' ({_rows(rows)}); the file names calendars "
                f"without their working days, so those tasks use the plan's calendar, {fallback}. {_KNOWN_HERE}")


_KNOWN_HERE = "Known here: Standard, 24 Hours, Continuous; MS Project XML or a .db file carries calendars whole"


def _rows(lines: list[int], shown: int = 10) -> str:
    """'row 4', 'rows 2, 3', 'rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 40 more'."""
    named = ", ".join(str(line) for line in lines[:shown])
    more = f" and {len(lines) - shown:,} more" if len(lines) > shown else ""
    return f"row{'s' if len(lines) > 1 else ''} {named}{more}"


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
