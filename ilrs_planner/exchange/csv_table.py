"""Reading a CSV task table the way spreadsheets and MS Project write it.

Handles a UTF-8 byte-order mark, UTF-16 (Excel's "Unicode text"), Windows-1252 (MS Project's
default "ANSI" export), `,` `;` or tab separators (taken from the header line), quoted fields
with embedded separators and line breaks. Each row keeps the file line it starts on, so every
error can name it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..domain import PlannerError
from ..files.regular import open_regular

MAX_FILE_BYTES = 64 * 1024 * 1024  # far beyond any real plan; refuses runaway or hostile files
MAX_FIELD_CHARS = 1_000_000
MAX_COLUMNS = 1_000  # MS Project's every task field is ~300; more is not a task table
MAX_NAMES_SHOWN = 12  # an error or warning lists this many column names, then "and N more"


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data row: the file line it starts on and its cells by (canonical) column name."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True, slots=True)
class CsvTable:
    """The header (canonical names, in file order) and the non-blank data rows."""

    columns: list[str]
    rows: list[CsvRow]


def read_text(path: str | Path, warnings: list[str]) -> str:
    """The file's text, decoded by its byte-order mark, else UTF-8, else Windows-1252."""
    try:
        with open_regular(path) as handle:  # a pipe or device is refused; at most one byte past the bound is read
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PlannerError("import.bad_file", f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise PlannerError("import.bad_file", f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(f"{Path(path).name} is not UTF-8; it was read as Windows-1252 (MS Project's ANSI export)")
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(header_line: str) -> str:
    """The separator used in the header line: the most frequent of `,` `;` and tab outside quotes."""
    counts = {",": 0, ";": 0, "\t": 0}
    if '"' not in header_line:  # the usual case, counted in C: a huge header stays fast
        counts = {char: header_line.count(char) for char in counts}
        return max(counts, key=lambda c: counts[c]) if any(counts.values()) else ","
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(counts, key=lambda c: counts[c]) if any(counts.values()) else ","


def parse_table(text: str, canonical: dict[str, str], max_rows: int | None = None) -> CsvTable:
    """Split the text into header and rows; `canonical` maps lower-case header names to ours.

    More than `max_rows` non-blank rows is refused at the first row past it, before the rest is
    read: a small file of millions of one-word rows would otherwise take minutes and gigabytes to
    become a plan that no save accepts.
    """
    if "\x00" in text:
        raise PlannerError("import.bad_file", "the file contains NUL bytes; it is not a text table")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise PlannerError("import.bad_file", "the file is empty; the first line must name the columns")
    delimiter = sniff_delimiter(first_line)
    _check_width(first_line.count(delimiter) + 1)  # before the csv module builds a list of them
    csv.field_size_limit(MAX_FIELD_CHARS)
    # newline="" splits records only at \r, \n and \r\n, as the csv module expects.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = header_columns(next(reader), canonical)
    rows: list[CsvRow] = []
    last_line = reader.line_num
    try:
        for cells in reader:
            start, last_line = last_line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                if max_rows is not None and len(rows) == max_rows:
                    raise PlannerError("import.bad_file", f"row {start:,}: the table has more than {max_rows:,} rows; "
                                       f"an import reads at most {max_rows - 1:,} tasks and a project summary row")
                rows.append(CsvRow(start, _cells(start, cells, columns)))
    except csv.Error as exc:
        raise PlannerError("import.bad_file", f"row {reader.line_num}: {exc}") from None
    return CsvTable([c for c in columns if c], rows)


def names_shown(names: list[str]) -> str:
    """Column names for a message: the first few, then how many more (a header can be huge)."""
    shown = ", ".join(name[:40] for name in names[:MAX_NAMES_SHOWN])
    more = len(names) - MAX_NAMES_SHOWN
    return shown + (f" and {more:,} more" if more > 0 else "") if names else "none"


def _check_width(columns: int) -> None:
    if columns > MAX_COLUMNS:
        raise PlannerError("import.bad_file", f"row 1 names {columns:,} columns; a task table has at most "
                           f"{MAX_COLUMNS:,} (is this the right file?)")


def header_columns(names: list[str], canonical: dict[str, str]) -> list[str]:
    """Each header name as the column it is (canonical names; "" for one mapped to nothing), a name
    used twice refused; also a workbook's header row (xlsx_read)."""
    _check_width(len(names))
    keys = [" ".join(name.replace("\ufeff", "").split()) for name in names]
    # A column's own name wins over another name for it ("Name" beside a "Task" code column, "Duration"
    # beside "Days"): the other is left unread, as it was before spreadsheets' names were read.
    exact = {column for key in keys if (column := canonical.get(key.lower())) and column.lower() == key.lower()}
    columns: list[str] = []
    seen: set[str] = set()  # a set, so a wide header is read in linear time
    for key in keys:
        column = canonical.get(key.lower(), key)
        if column and column.lower() != key.lower() and (column in exact or column in seen):
            column = key  # an alias of a column named otherwise: not read, and said so
        if column and column in seen:
            raise PlannerError("import.bad_file", f"row 1: the column '{key[:40]}' appears twice")
        seen.add(column)
        columns.append(column)
    return columns


def _cells(line: int, cells: list[str], columns: list[str]) -> dict[str, str]:
    extra = [c for c in cells[len(columns):] if c.strip()]
    if extra:
        raise PlannerError(
            "import.bad_row", f"row {line} has {len(cells)} cells but the header names {len(columns)} columns"
        )
    return {column: cell for column, cell in zip(columns, cells) if column}
