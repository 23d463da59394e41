"""Name the table, row and column of a bad value, once a check has found that one exists.

These run only on the error path, so they may be slow; they must still never load a huge value.
A rule break is located by inserting each row into an empty in-memory copy of our schema, so the
DDL stays the one statement of every rule and SQLite names the constraint that failed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..domain import PlannerError
from . import limits
from .rows import column_in
from .schema import TABLES, create_schema


@lru_cache(maxsize=1)
def columns_of() -> dict[str, tuple[tuple[str, str], ...]]:
    """Table -> ((column, declared type), ...) of the current schema."""
    conn = sqlite3.connect(":memory:")
    try:
        create_schema(conn)
        return {t: tuple((r[1], r[2]) for r in conn.execute(f"PRAGMA table_info({t})")) for t in TABLES}
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class Finding:
    """Where a bad value is: table, rowid, column, and what is wrong with it."""

    table: str
    rowid: int
    column: str
    problem: str


def bad_value(path: Path, finding: Finding) -> PlannerError:
    """The `store.bad_value` error naming where the value is and what is wrong with it."""
    f = finding
    return PlannerError("store.bad_value", f"'{path}': table {f.table}, row {f.rowid}, column {f.column}: "
                        f"{f.problem}", [str(path), f.table, str(f.rowid), f.column])


def too_large(path: Path, finding: Finding | None) -> PlannerError:
    """The `store.too_large` error for a value over `limits.MAX_VALUE_BYTES`, naming it if found."""
    where = f": table {finding.table}, row {finding.rowid}, column {finding.column}" if finding else ""
    subjects = [str(path)] + ([finding.table, str(finding.rowid), finding.column] if finding else [])
    return PlannerError("store.too_large", f"'{path}' holds a value over {limits.MAX_VALUE_BYTES:,} bytes{where}",
                        subjects)


def find_too_big(conn: sqlite3.Connection) -> Finding | None:
    """The first value over the connection's length limit, without loading any value whole."""
    for table, columns in columns_of().items():
        for column, _ in columns:
            rowid = _bisect_too_big(conn, table, column)
            if rowid is not None:
                return Finding(table, rowid, column, "value too large")
    return None


def _bisect_too_big(conn: sqlite3.Connection, table: str, column: str) -> int | None:
    # CAST makes SQLite load the value, which fails at once for one over the length limit.
    probe = f"SELECT count(CAST({column} AS BLOB)) FROM {table} WHERE rowid BETWEEN ? AND ?"

    def too_big(low: int, high: int) -> bool:
        try:
            conn.execute(probe, (low, high)).fetchone()
            return False
        except sqlite3.DataError:
            return True

    low, high = conn.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
    if low is None or not too_big(low, high):
        return None
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if too_big(low, middle) else (middle + 1, high)
    return low


def find_bad_row(conn: sqlite3.Connection, table: str) -> Finding | None:
    """The first row of `table` with invalid UTF-8 or a value breaking a rule of the DDL, if any."""
    columns = columns_of()[table]
    check = sqlite3.connect(":memory:")
    conn.text_factory = bytes
    try:
        create_schema(check)
        insert = f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})"
        for rowid, *values in conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid"):
            finding = _check_row(check, insert, table, rowid, columns, values)
            if finding is not None:
                return finding
        return None
    finally:
        conn.text_factory = str
        check.close()


def _check_row(check: sqlite3.Connection, insert: str, table: str, rowid: int,
               columns: tuple[tuple[str, str], ...], values: list) -> Finding | None:
    names = [name for name, _ in columns]
    for index, ((column, kind), value) in enumerate(zip(columns, values)):
        if kind == "TEXT" and isinstance(value, bytes):
            try:
                values[index] = value.decode("utf-8")
            except UnicodeDecodeError as exc:
                return Finding(table, rowid, column, f"text is not valid UTF-8 ({exc.reason} at byte {exc.start})")
    try:
        check.execute(insert, values)
        check.execute(f"DELETE FROM {table}")
        return None
    except sqlite3.IntegrityError as exc:
        column = column_in(str(exc))
        shown = repr(values[names.index(column)])[:80] if column in names else "?"
        return Finding(table, rowid, column if column in names else "?",
                       f"value {shown} breaks a rule of plan files ({exc})")
