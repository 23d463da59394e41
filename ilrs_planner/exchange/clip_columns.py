"""Pasted spreadsheet text as rows of cells, and which column a header's cells name (exchange/clip_sheet)."""

from __future__ import annotations

import csv
import io
import re

from ..domain import PlannerError
from .clip_format import MAX_BYTES, MAX_TASKS
from .msp_csv_columns import CANONICAL
from .msp_values import unescape_text

# The columns a paste takes, by MS Project's name; a header may name them as the CSV import reads them
# (one table: a header pasted from a sheet reads as the same sheet saved as CSV and imported).
PASTED = {"ID": "id", "Key": "key", "Name": "name", "Duration": "duration", "Start": "start", "Finish": "finish",
          "Predecessors": "predecessors", "Notes": "notes", "Deadline": "deadline"}
COLUMNS = {header: PASTED[name] for header, name in CANONICAL.items() if name in PASTED}
WITHOUT_HEADER = ("name", "duration", "start")


def sheet_rows(text: str) -> list[list[str]]:
    """Tab-separated text as rows of cells (quoted cells may hold tabs and line breaks), blank rows dropped."""
    if len(text) > MAX_BYTES:
        raise PlannerError("clipboard.too_large", f"the pasted text holds {len(text):,} characters; a paste "
                           f"takes at most {MAX_BYTES:,}")
    rows = [row for row in csv.reader(io.StringIO(text), delimiter="\t") if any(cell.strip() for cell in row)]
    if len(rows) > MAX_TASKS + 1:
        raise PlannerError("clipboard.too_large", f"{len(rows):,} pasted rows; a paste takes at most {MAX_TASKS:,}")
    return [[unescape_text(cell.strip()) for cell in row] for row in rows]


def is_header(row: list[str]) -> bool:
    """A first row is a header when one of its cells names a column a paste takes."""
    return any(_header_name(cell) in COLUMNS for cell in row)


def _header_name(cell: str) -> str:
    return re.sub(r"\s+", " ", cell).strip().casefold()


def header_fields(header: list[str]) -> list[str]:
    """What each header cell names ("" for nothing pasted): a column's own name wins over another name
    for it ("Name" beside a "Task" code column, "Duration" beside "Days"), as the CSV import reads
    them; the other, and a column named again, are not pasted and said so."""
    names = [_header_name(cell) for cell in header]
    own = {COLUMNS[name] for name in names if name in COLUMNS and CANONICAL[name].casefold() == name}
    fields: list[str] = []
    for name in names:
        field = COLUMNS.get(name, "")
        if field in fields or field in own and CANONICAL[name].casefold() != name:
            field = ""
        fields.append(field)
    return fields
