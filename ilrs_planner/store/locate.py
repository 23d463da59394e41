"""Name the table, row and column of a bad value, once a check has found that one exists.

These run only on the error path, so they may be slow; they must still never load a huge value.
A broken rule is found with the rules of `rules.py`; text that is not UTF-8 by decoding each value.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..domain import PlannerError
from . import limits
from .raw_text import bytes_texts
from .rule_words import row_named, rule_in_words
from .rules import first_rule_break
from .schema import CURRENT_VERSION, TABLES, create_schema


@lru_cache(maxsize=4)
def columns_of(version: int = CURRENT_VERSION) -> dict[str, tuple[tuple[str, str], ...]]:
    """Table -> ((column, declared type), ...) of schema `version` (a table it lacks has none)."""
    conn = sqlite3.connect(":memory:")
    try:
        create_schema(conn, version)
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
    return int(low)


def find_bad_row(conn: sqlite3.Connection, table: str, version: int = CURRENT_VERSION) -> Finding | None:
    """The first row of `table` with a value breaking a rule of the schema, or text that is not UTF-8."""
    broken = first_rule_break(conn, table, version)
    if broken is not None:
        rowid, column, rule = broken
        named = row_named(conn, table, rowid)
        whose = f"the {column} of {named}" if named and column != "?" else "the value"
        return Finding(table, rowid, column,
                       f"{whose} is {_shown(conn, table, rowid, column)}, which must be {rule_in_words(rule)}")
    return _find_bad_utf8(conn, table)


def _shown(conn: sqlite3.Connection, table: str, rowid: int, column: str) -> str:
    """A short, safe rendering of one value (it may be huge or not UTF-8)."""
    if column == "?":
        return "?"
    with bytes_texts(conn):
        value = conn.execute(f"SELECT substr({column}, 1, 60) FROM {table} WHERE rowid = ?", (rowid,)).fetchone()[0]
    return repr(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)


def _find_bad_utf8(conn: sqlite3.Connection, table: str) -> Finding | None:
    columns = [name for name, kind in columns_of()[table] if kind == "TEXT"]
    with bytes_texts(conn):
        for rowid, *values in conn.execute(f"SELECT rowid, {', '.join(columns)} FROM {table} ORDER BY rowid"):
            for column, value in zip(columns, values):
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        return Finding(table, rowid, column,
                                       f"text is not valid UTF-8 ({exc.reason} at byte {exc.start})")
    return None
