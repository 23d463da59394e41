"""Whether a workbook is one our XLSX export wrote: sheets Tasks, Links and Plan, each recognised by
its header row, not its name alone. A partner's workbook that happens to have sheets of those names is
refused, naming the titles its header rows lack, rather than read as ours and misread (its Plan
sheet taken for our plan's facts, its Tasks sheet's columns for ours)."""

from __future__ import annotations

from collections.abc import Callable

from ..domain import PlannerError

# The titles each sheet's header row has carried since the export first wrote it (later exports add more).
HEADERS = {"Tasks": ("WBS", "Key", "Task", "Duration (d)", "Start", "Finish"),
           "Links": ("Predecessor", "Successor", "Type", "Lag (d)"),
           "Plan": ("Item", "Value")}


def is_ours(sheet_names: list[str], header_of: Callable[[str], list[str]], name: str) -> bool:
    """True for our own workbook; False when it lacks one of our sheets (read as a plain table). A
    workbook with all three sheets whose header rows are not ours is refused (`import.bad_file`)."""
    if not set(HEADERS) <= set(sheet_names):
        return False
    lacking = []
    for sheet, titles in HEADERS.items():
        found = {" ".join(cell.split()).lower() for cell in header_of(sheet)}
        missing = [title for title in titles if title.lower() not in found]
        if missing:
            lacking.append(f"the {sheet} sheet's header row lacks {', '.join(repr(t) for t in missing)}")
    if lacking:
        raise PlannerError("import.bad_file", f"the workbook {name} has sheets named Tasks, Links and Plan but is "
                           f"not one ILRS Planner exported: {'; '.join(lacking)}. Rename its sheets to have its first "
                           "sheet read as a task table")
    return True
