"""Excel (.xlsx) import: a workbook's task sheet read as a CSV task table (msp_csv.read_table), so the
columns, rules and errors are the CSV import's.

Our own export (sheets Tasks, Links and Plan, see `xlsx`) comes back as the plan it was: WBS numbers
give the outline, the Links sheet the dependencies by task key, the Plan sheet the plan's name,
start, status date, Must finish by, author and calendar; the computed columns (late dates, float,
baseline and variance, confidence as shown) are not read. Any other workbook's first sheet is read
as a CSV table would be: a header row naming MS Project's columns, then a task a row. Ours is
recognised by its header rows (`xlsx_ours`); rows holding nothing are skipped and not counted; cells
under no column name are named in a note (`xlsx_unnamed`).

Values only: a formula cell gives the value Excel last saved with it, never a formula run here (a
cell holding none is blank). The file is checked before it is opened (`xlsx_guard`), and a sheet is
held to the CSV import's bounds on rows, columns and cell length. Errors name the sheet's row.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..domain import Link, LinkType, PlannerError, Project
from ..domain.durations import MAX_DURATION_DAYS
from .csv_table import MAX_COLUMNS, MAX_FIELD_CHARS, CsvRow, CsvTable, header_columns
from .formats import ImportResult
from .msp_csv import MAX_LINKS, MAX_TASK_ROWS, read_table
from .msp_csv_columns import CANONICAL
from .xlsx_guard import check_package
from .xlsx_ours import is_ours
from .xlsx_unnamed import UnnamedCells, noting_unnamed

ELAPSED = "Elapsed"  # our flag beside a duration counted in calendar days
# Our export's titles, as the CSV columns they are; "" for the computed ones, not read.
OURS = CANONICAL | {"wbs": "Outline Level", "task": "Name", "duration (d)": "Duration", "confidence": "",
                    "stated confidence": "Confidence", "stated precision": "Stated Precision",
                    "elapsed": ELAPSED} | {
    title: "" for title in ("late start", "late finish", "total float (d)", "free float (d)", "critical",
                            "baseline start", "baseline finish", "start variance (d)", "finish variance (d)",
                            "finish variance")}
PLAIN = CANONICAL | {"task": "Name", "duration (d)": "Duration"}
PLAN_ITEMS = {"plan": "Name", "start": "Start", "status date": "Status Date", "must finish by": "Must Finish By",
              "author": "Author", "calendar": "Calendar"}


def read(path: str | Path, **_opts: object) -> ImportResult:
    """Import the workbook at `path`; see the module docstring."""
    check_package(path)
    from openpyxl import load_workbook  # only when a workbook is read

    name = Path(path).name
    try:
        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in many of the library's ways
        raise PlannerError("import.bad_file", f"{name} cannot be read as an Excel workbook ({exc})") from None
    try:
        return _read_book(book, name, Path(path).stem)
    finally:
        book.close()


def _read_book(book: Any, name: str, stem: str) -> ImportResult:
    ours = is_ours(book.sheetnames, lambda title: _header(book[title], name), name)
    warnings: list[str] = []
    if not ours and not book.worksheets:  # a chart sheet alone, say: no table of cells to read
        raise PlannerError("import.bad_file", f"{name} holds no worksheet with a table of tasks")
    sheet = book["Tasks"] if ours else book.worksheets[0]
    if not ours and len(book.sheetnames) > 1:
        warnings.append(f"only the first sheet, '{sheet.title[:40]}', was read")
    table = _table(_rows(sheet, name), OURS if ours else PLAIN, sheet.title, warnings)
    if ours:
        table.rows.insert(0, CsvRow(1, _plan_cells(noting_unnamed(_rows(book["Plan"], name), "Plan", warnings))))
    links = (lambda project: _add_links(project, noting_unnamed(_rows(book["Links"], name), "Links", warnings))
             ) if ours else None
    return read_table(table, stem, warnings, links)


def _header(sheet: Any, name: str) -> list[str]:
    """A sheet's header row (its first row holding anything), as text."""
    return next(_rows(sheet, name), (0, []))[1]


def _rows(sheet: Any, name: str) -> Iterator[tuple[int, list[str]]]:
    """Each row's number and cells as text, within the CSV import's bounds; a row holding nothing (if
    formatted, say: a fill or border drawn down the sheet) is skipped and not counted."""
    held = 0
    try:
        # One column past the bound, so a wider header is refused; read no wider (a row far down made
        # the library pad every row above it 16,384 cells wide: 8 s for a 1.5 KB workbook).
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1), start=1):
            if values.count(None) == len(values):  # a row the sheet does not hold, padded
                continue
            cells = list(values[:MAX_COLUMNS + 1])
            while cells and cells[-1] is None:
                cells.pop()
            texts = [_text(sheet.title, number, value) for value in cells]
            if not any(text.strip() for text in texts):
                continue
            held += 1
            if held > MAX_TASK_ROWS + 1:
                raise PlannerError("import.bad_file", f"{sheet.title} row {number:,}: the sheet has more than "
                                   f"{MAX_TASK_ROWS:,} rows; an import reads at most {MAX_TASK_ROWS - 1:,} tasks")
            yield number, texts
    except PlannerError:
        raise
    except Exception as exc:  # noqa: BLE001 - the library's own failures on a damaged sheet
        raise PlannerError("import.bad_file", f"{name}: the sheet '{sheet.title}' cannot be read ({exc})") from None


def _text(sheet: str, number: int, value: object) -> str:
    """A cell as the CSV import reads text: a date as YYYY-MM-DD, a whole number without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if len(text) > MAX_FIELD_CHARS:
        raise PlannerError("import.bad_row", f"{sheet} row {number}: a cell holds {len(text):,} characters; at most "
                           f"{MAX_FIELD_CHARS:,} are read")
    return text


def _table(rows: Iterator[tuple[int, list[str]]], canonical: dict[str, str], title: str,
           warnings: list[str]) -> CsvTable:
    """The header row's columns and the rows under it; WBS numbers ('1.2.3') as outline levels. Cells
    under no column name are not read, and said so (`xlsx_unnamed`)."""
    first = next(rows, None)
    if first is None:
        raise PlannerError("import.bad_file", "the sheet is empty; its first row must name the columns")
    columns = header_columns(first[1], canonical)
    unnamed = UnnamedCells(title, *first)
    found: list[CsvRow] = []
    for number, cells in rows:
        unnamed.take(number, cells)
        by_column = {column: cell for column, cell in zip(columns, cells) if column}
        if canonical is OURS:
            _our_cells(by_column)
        found.append(CsvRow(number, by_column))
    unnamed.report(warnings)
    return CsvTable([column for column in columns if column and column != ELAPSED], found)


def _our_cells(cells: dict[str, str]) -> None:
    """Our sheet's WBS number ('1.2.3') as its outline level, and an elapsed duration with its unit."""
    if cells.get("Outline Level"):
        cells["Outline Level"] = str(cells["Outline Level"].count(".") + 1)
    if cells.pop(ELAPSED, "").strip().lower() == "yes" and cells.get("Duration", "").strip():
        cells["Duration"] += " ed"


def _plan_cells(rows: Iterator[tuple[int, list[str]]]) -> dict[str, str]:
    """Our Plan sheet (Item, Value rows) as MS Project's project summary row."""
    cells = {"Outline Level": "0"}
    for _number, row in rows:
        item = PLAN_ITEMS.get(row[0].strip().lower()) if row else None
        if item:
            cells[item] = row[1] if len(row) > 1 else ""  # present, if blank: the plan had none
    return cells


def _add_links(project: Project, rows: Iterator[tuple[int, list[str]]]) -> None:
    """Our Links sheet: predecessor key, successor key, type, lag in days, 'yes' for an elapsed lag."""
    by_key = {task.key: task.id for task in project.tasks.values()}
    linked: set[tuple[str, str]] = set()
    next(rows, None)  # the header
    for number, cells in rows:
        pred, succ, kind, lag, elapsed = (cells + ["", "", "", "", ""])[:5]
        if not (pred or succ):
            continue
        pred_id, succ_id = by_key.get(pred), by_key.get(succ)
        if pred_id is None or succ_id is None or pred == succ:
            raise PlannerError("import.bad_row", f"Links row {number}: {pred} → {succ} "
                               + ("links a task to itself" if pred == succ else "names a task key no row has"))
        try:
            link_type = LinkType(kind.strip().upper() or "FS")
        except ValueError:
            raise PlannerError("import.bad_row", f"Links row {number}: '{kind[:40]}' is not a link type (FS, SS, FF, "
                               "SF)") from None
        try:
            days = _lag_days(lag)
        except ValueError:
            raise PlannerError("import.bad_row", f"Links row {number}: '{lag[:40]}' is not a lag of whole days within "
                               "300 years") from None
        if (pred_id, succ_id) in linked:  # as every other way in refuses it: one dependency a pair
            raise PlannerError("link.duplicate", f"Links row {number}: {succ[:40]} already depends on {pred[:40]}")
        linked.add((pred_id, succ_id))
        project.add_link(Link(pred_id, succ_id, link_type, days, elapsed=elapsed.strip().lower() == "yes"))
        if len(project.links) > MAX_LINKS:
            raise PlannerError("import.bad_row", f"Links row {number}: more than {MAX_LINKS:,} dependencies")


def _lag_days(text: str) -> int:
    """A lag cell's whole days, within what a plan holds (ValueError otherwise: inf, 1e300, 2.5)."""
    value = float(text or 0)
    if not math.isfinite(value) or value != int(value) or abs(value) > MAX_DURATION_DAYS:
        raise ValueError(text)
    return int(value)
