"""Reading the cells of one imported row, so that every error names its file line and column."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from ..domain import ConstraintType, PlannerError, Precision
from ..domain.durations import CALENDAR_DAYS, DurationUnits, exact_days, format_days
from ..domain.text import clean
from .csv_table import CsvRow
from .msp_values import (
    is_blank,
    parse_constraint,
    parse_date_cell,
    parse_duration_cell,
    parse_enum,
    parse_percent,
    unescape_text,
)

T = TypeVar("T")
MAX_TEXT_CHARS = {"Name": 500, "Key": 100, "ID": 100, "Owner": 100, "Source": 2000, "Resource Names": 2000,
                  "Calendar": 500, "Author": 1000}  # a plan file holds an author of 1,000 characters
KEPT_CODES = {"duration.too_long"}


class RowReader:
    """The cells of one data row, parsed on request; errors become `import.bad_row`."""

    def __init__(self, row: CsvRow, warnings: list[str]):
        self.line = row.line
        self._cells = row.cells
        self._warnings = warnings
        self._dates: dict[tuple[str, bool], tuple[date, Precision] | None] = {}
        self.units: DurationUnits = CALENDAR_DAYS  # the plan's: set once its calendar is known

    def error(self, column: str, message: str, code: str = "import.bad_row") -> PlannerError:
        """An error naming this row and `column`."""
        return PlannerError(code, f"row {self.line}, column {column}: {message}")

    def warn(self, column: str, message: str) -> None:
        """Record a warning naming this row and `column`."""
        self._warnings.append(f"row {self.line}, column {column}: {message}")

    def present(self, column: str) -> bool:
        """True if the file has the column at all (the cell may be blank)."""
        return column in self._cells

    def has(self, column: str) -> bool:
        """True if the cell is present and not blank."""
        return not is_blank(self._cells.get(column, ""))

    def raw_text(self, column: str) -> str:
        """The cell as written (spreadsheet text escaping undone), blank for none; control characters
        a plan never holds are removed with a warning (line breaks stay in Notes, as LF)."""
        multiline = column == "Notes"
        value = unescape_text(self._cells.get(column, ""))
        value = value.replace("\r\n", "\n") if multiline else value  # spreadsheets write CRLF inside cells
        cleaned = clean(value, multiline)
        if cleaned != value:
            self.warn(column, "control characters, line breaks or bidirectional controls a plan cannot hold "
                              "there were removed")
        return cleaned

    def text(self, column: str) -> str:
        """The cell without surrounding spaces; length-checked for identifying columns."""
        value = self.raw_text(column).strip()
        limit = MAX_TEXT_CHARS.get(column)
        if limit and len(value) > limit:
            raise self.error(column, f"the text is {len(value)} characters long; at most {limit} are allowed")
        return value

    def parse(self, column: str, parse: Callable[..., T], *args) -> T | None:
        """The cell parsed by `parse(text, *args)`, None when blank; errors name row and column."""
        text = self._cells.get(column, "")
        if is_blank(text):
            return None
        try:
            return parse(text, *args)
        except PlannerError as err:
            # A value beyond what a plan holds keeps its own code; any other bad cell is a bad row.
            raise self.error(column, err.message, err.code if err.code in KEPT_CODES else "import.bad_row") from None

    def date(self, column: str, end: bool = False) -> tuple[date, Precision] | None:
        """A date and its precision; `end` reads '2035' as the end of 2035 (for finishes)."""
        if (column, end) not in self._dates:
            notes: list[str] = []
            self._dates[column, end] = self.parse(column, lambda text: parse_date_cell(text, end=end, notes=notes))
            for note in notes:
                self.warn(column, note)
        return self._dates[column, end]

    def duration(self, column: str) -> int | None:
        """Whole days (a week and a month as long as the plan's calendar makes them); a part day is
        rounded up, with a warning."""
        days = self.parse(column, parse_duration_cell, self.units)
        if days is not None and exact_days(self._cells[column].strip(), self.units)[0] != days:
            self.warn(column, f"'{self._cells[column].strip()[:40]}' was rounded up to {format_days(days)} "
                              "(a plan counts whole working days)")
        return days

    def percent(self, column: str) -> int | None:
        """A whole percentage."""
        return self.parse(column, parse_percent)

    def choice(self, column: str, enum: type[T]) -> T | None:
        """One value of `enum`."""
        return self.parse(column, parse_enum, enum)

    def constraint(self, column: str) -> ConstraintType | None:
        """MS Project's constraint words or our codes."""
        notes: list[str] = []
        value = self.parse(column, parse_constraint, notes)
        for note in notes:
            self.warn(column, note)
        return value

    def integer(self, column: str, minimum: int = 0) -> int | None:
        """A whole number no smaller than `minimum`."""
        return self.parse(column, _integer, minimum)

    def owner_key(self) -> str:
        """The Owner cell, else the first of MS Project's Resource Names (units such as [50%] dropped)."""
        if self.present("Owner") or not self.present("Resource Names"):
            return self.text("Owner")
        cell = self.text("Resource Names")
        names = [name for name in (re.sub(r"\[[^\]]*\]", "", part).strip() for part in re.split(r"[,;]", cell)) if name]
        if len(names) > 1:
            self.warn("Resource Names", f"a task has one owner here; {names[0]} was taken, not {', '.join(names[1:])}")
        if names and len(names[0]) > MAX_TEXT_CHARS["Owner"]:
            raise self.error("Resource Names", f"the name is longer than {MAX_TEXT_CHARS['Owner']} characters")
        return names[0] if names else ""

    def guid(self, column: str) -> str | None:
        """A stable task id (a UUID, with or without braces and dashes), as 32 hex digits."""
        return self.parse(column, _guid)


def _integer(text: str, minimum: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise PlannerError("task.bad_value", f"'{text}' is not a whole number") from None
    if value < minimum:
        raise PlannerError("task.bad_value", f"{value} is below {minimum}")
    return value


def _guid(text: str) -> str:
    """A GUID in any of its spellings, as our id; or an id as a plan file may hold it (a partner's plan,
    an MS Project file's, `t-ph`), which our own export writes in this column and must read back."""
    try:
        return uuid.UUID(text.strip()).hex
    except ValueError:
        if _PLAN_ID.fullmatch(text.strip()):
            return text.strip()
        raise PlannerError("task.bad_value", f"'{text}' is not a GUID") from None


_PLAN_ID = re.compile(r"[0-9A-Za-z_.:-]{1,64}")
