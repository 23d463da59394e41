"""The columns of an MS Project CSV task table: which header names we read, and what a header lacks.

Header names are matched case-insensitively, with MS Project's own names (those we write, see
`msp_csv_write.COLUMNS`) and the names spreadsheets and other planning tools use for the same
thing ("Task Name", "Start Date", "End Date", "Depends On"). A paste of spreadsheet rows reads its header
through the same table (exchange/clip_sheet).
"""

from __future__ import annotations

from ..domain import PlannerError
from .csv_table import CsvTable, names_shown
from .msp_csv_write import COLUMNS

ALIASES = {
    "task name": "Name", "percent complete": "% Complete", "%complete": "% Complete",
    "expected duration": "Most Likely Duration", "source url": "Source", "unique id": "Unique ID",
    "task calendar": "Calendar",
    # What spreadsheets and other planning tools call them.
    "start date": "Start", "finish date": "Finish", "end date": "Finish", "depends on": "Predecessors",
    "task": "Name", "days": "Duration", "begin": "Start", "end": "Finish", "after": "Predecessors",
}
CANONICAL = {name.lower(): name for name in COLUMNS} | ALIASES
READ_ONLY = {"Resource Names"}  # MS Project's; the first resource becomes the owner when there is no Owner
DERIVED = {"Finish", "Unique ID", "WBS", "Total Slack", "Free Slack", "Critical", "Early Start", "Early Finish",
           "Late Start", "Late Finish", "Indicators"}


def check_columns(table: CsvTable, warnings: list[str]) -> None:
    """Refuse a table with no column we read or no Name; warn about columns left unread."""
    known = [c for c in table.columns if c in COLUMNS or c in DERIVED or c in READ_ONLY]
    if not known:
        raise PlannerError("import.no_columns", "row 1 names no column this import reads. "
                           f"It reads: {', '.join(COLUMNS)} "
                           "(also as Task Name, Task, Days, Begin, Start Date, End Date, After, Depends On); "
                           f"the file has: "
                           f"{names_shown(table.columns)}")
    if "Name" not in table.columns:
        raise PlannerError("import.bad_file", "row 1: the file has no Name column (nor Task Name) "
                           f"(columns found: {names_shown(table.columns)})")
    unknown = [c for c in table.columns if c not in known]
    if unknown:
        warnings.append("columns not read: " + names_shown(unknown))
    if "Duration" not in table.columns and {"Start", "Finish"} <= set(table.columns):
        warnings.append("the file has no Duration column: each task lasts from its Start to its Finish")
    elif "Duration" not in table.columns:
        warnings.append("the file has no Duration column: every task is a milestone")
