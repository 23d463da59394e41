"""Read whole columns as one text each, joined by SQLite in C and cut up in C, each piece accounted for.

Handing one value from SQLite to Python costs about 100 ns (a lock, the GIL let go and taken back,
a new object), so fetching 200,000 links x 5 columns row by row took 0.4 s. `group_concat` joins a
column's values into one text inside SQLite; Python then pays once per column, and `str.split`
(text) or `numpy.fromstring` (integers) cut it up: about half the time. What keeps that sound:

- A value holding the separator would shift every later value. The separator is U+001F, a control
  character no plan text may hold (domain/text.py): a value holding one makes more pieces than
  rows, so the counts differ and those rows are read one by one, where the text check refuses it.
- group_concat leaves NULLs out: a column that may be NULL is joined as coalesce(value, 0 or ''),
  beside a text of one digit per row telling which rows were NULL.
- Order: the rowids are joined too (every aggregate takes the rows in the same order), and the
  pieces are used only if those come out ascending, as many as the rows counted.
- One joined text may not pass the connection's length limit (limits.MAX_VALUE_BYTES), so a table
  is read in chunks of rows whose text stays far below it; a chunk that would still pass it (very
  long names), or holding text that is not UTF-8, makes the caller read the table row by row, where
  the checks name a bad value's row as they always have. The joined read never refuses anything itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

SEPARATOR = "\x1f"  # for text; integers are joined by ',' (SQLite writes them as digits)
CHUNK_ROWS = 4096  # 4,096 ids of 32 characters join to 135 KB, well within MAX_VALUE_BYTES
_LOWEST_ROWID, _HIGHEST_ROWID = -(1 << 63), (1 << 63) - 1

Query = Callable[[str, tuple[Any, ...]], tuple[Any, ...]]  # one row; SQLite's errors as raised


class Column:
    """One column to read: the SQL giving it, whether it is an integer (else text), whether it may be NULL."""

    __slots__ = ("sql", "integer", "nullable")

    def __init__(self, sql: str, integer: bool, nullable: bool):
        self.sql, self.integer, self.nullable = sql, integer, nullable


def read_joined(query: Query, table: str, columns: Sequence[Column]) -> list[Sequence[Any]] | None:
    """The rowids of `table` (a range if they run without a gap), then each column, in rowid order;
    None if the rows must be read one by one instead (see above).

    `query` runs one statement and returns its one row, raising SQLite's own errors.
    """
    sql = _joined_sql(table, columns)
    chunks: list[list[str]] = []
    start, total = _LOWEST_ROWID, 0
    try:
        while True:
            count, nulls, *texts = query(sql, (SEPARATOR, start, CHUNK_ROWS))
            if not count:
                break
            if nulls:  # only a row-by-row read can tell where
                return None
            chunks.append(texts)
            total += count
            last = _last(texts[0])
            if count < CHUNK_ROWS or last == _HIGHEST_ROWID:
                break
            start = last + 1
        return _cut(list(zip(*chunks)), columns, total) if total else [range(0), *([] for _ in columns)]
    except (sqlite3.DataError, sqlite3.OperationalError, ValueError):
        return None  # too long joined, or not UTF-8: the row-by-row read finds out which, if either


def _joined_sql(table: str, columns: Sequence[Column]) -> str:
    # Rows with NULL text where none may be: group_concat would leave it out, unseen by the count of
    # pieces if a value holding the separator made up for it (integers hold no separator, so a count
    # finds any missing). integrity_check has refused such NULLs already; this keeps the read sound
    # on its own. Tested in the inner query: a column used twice in the outer one is copied (+20 %).
    nulls = " OR ".join(f"{column.sql} IS NULL" for column in columns
                        if not (column.nullable or column.integer)) or "0"
    inner = "".join(f", {column.sql} AS c{i}" for i, column in enumerate(columns)) + f", {nulls} AS nulls"
    joined = ["count(*), sum(nulls)", "group_concat(rowid, ',')"]
    for i, column in enumerate(columns):
        empty, separator = ("0", "','") if column.integer else ("''", "?1")
        joined.append(f"group_concat(coalesce(c{i}, {empty}), {separator})" if column.nullable
                      else f"group_concat(c{i}, {separator})")
        if column.nullable:
            joined.append(f"group_concat(c{i} IS NULL, '')")
    return (f"SELECT {', '.join(joined)} FROM "
            f"(SELECT rowid{inner} FROM {table} WHERE rowid >= ?2 ORDER BY rowid LIMIT ?3)")


def _last(rowids: str) -> int:
    return int(rowids[rowids.rfind(",") + 1:])


def _cut(chunks: list[tuple[str, ...]], columns: Sequence[Column], total: int) -> list[Sequence[Any]] | None:
    """The joined texts of every chunk cut into the rowids and columns; None if they do not hold one
    value per row (a value held the separator) or the rowids do not ascend."""
    rowids = _integers(chunks[0], total)
    if bool((rowids[1:] <= rowids[:-1]).any()):  # compared, not subtracted: a difference may overflow
        return None
    found: list[Sequence[Any]] = [_without_gap(rowids)]
    texts = iter(chunks[1:])
    for column in columns:
        values: list[Any] = (_integers(next(texts), total).tolist() if column.integer
                             else SEPARATOR.join(next(texts)).split(SEPARATOR))
        flags = "".join(next(texts)) if column.nullable else ""
        if len(values) != total or len(flags) not in (0, total):
            return None
        for place in np.flatnonzero(np.frombuffer(flags.encode(), dtype=np.uint8) == ord("1")).tolist():
            values[place] = None
        found.append(values)
    return found


def _integers(chunks: Sequence[str], total: int) -> np.ndarray:
    numbers = np.fromstring(",".join(chunks), dtype=np.int64, sep=",")  # ValueError on anything but digits
    if len(numbers) != total:
        raise ValueError("integers and rows differ in number")
    return numbers


def _without_gap(rowids: np.ndarray) -> Sequence[int]:
    """Ascending rowids as a range when they run without a gap (every file we write), else a list."""
    first, last = int(rowids[0]), int(rowids[-1])
    if last - first + 1 == len(rowids):
        return range(first, last + 1)
    values: list[int] = rowids.tolist()
    return values
