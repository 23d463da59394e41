"""Read a table's columns a block of rows at a time, each column of a block as one JSON array.

Fetching a row costs Python about 0.4 µs before any of its values is read (a step into SQLite, a
tuple, a list slot), and the columns must then be turned round from the rows (`zip(*rows)`): for
the 300,000 rows of a 100,000-task plan's tasks and links, more than a third of opening it.
`json_group_array` makes SQLite, in C, write a block's column as one text, which `json.loads`
(also C) turns straight into that column's list: a few dozen fetches instead of 300,000.

The values are those the rows hold: JSON spells a text (with any quote, backslash or control
character in it escaped) and an integer exactly, and NULL as null. Anything the JSON form cannot
carry exactly or at all (a REAL, which JSON rounds to 15 digits; a BLOB; text that is not UTF-8; a
block whose text would pass `limits.MAX_VALUE_BYTES`; SQLite built without JSON) makes this read
the rest of the table row by row as before, so an odd file meets the very checks and refusals it
always met. A block is a
range of rowids; the caller uses this only when the rowids run without a gap, so a block of n
rowids holds n rows, and SQLite scans a rowid range in rowid order, the order the array is built in.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from . import limits

Fetch = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]

FIRST_BLOCK = 4096  # rows in the first block; later ones are sized by what the first one took
MAX_BLOCK = 1 << 16
# The longest JSON text a block should make: a quarter of the longest value SQLite may hand over,
# so a block of rows longer than those before it still fits.
TARGET_CHARS = limits.MAX_VALUE_BYTES // 4


def _no_real(text: str) -> Any:
    raise ValueError(f"a REAL ({text}) is read row by row, exactly")


# Integers as Python ints, exactly; any REAL (or its Infinity) refused, so the block is read row by row.
_decode = json.JSONDecoder(parse_float=_no_real, parse_constant=_no_real).decode


def read_blocks(fetch: Fetch, quick: Fetch, table: str, selected: Sequence[str], rowids: range) -> list[list[Any]]:
    """The columns `selected` (SQL expressions) of the rows `rowids` (every row of `table`, without a gap).

    `quick(sql, parameters)` runs a block's query and lets any sqlite3.Error through; the rows
    past a block it cannot read are read with `fetch`, which refuses a bad value as it always has.
    """
    arrays = ", ".join(f"json_group_array({expression})" for expression in selected)
    block_sql = f"SELECT {arrays} FROM {table} WHERE rowid BETWEEN ? AND ?"
    columns: list[list[Any]] = [[] for _ in selected]
    low, size = rowids.start, FIRST_BLOCK
    while low < rowids.stop:
        high = min(low + size, rowids.stop) - 1
        block, longest = _parsed(quick, block_sql, (low, high), high - low + 1)
        if block is None:
            rest = fetch(f"SELECT {', '.join(selected)} FROM {table} WHERE rowid >= ? ORDER BY rowid", (low,))
            block = list(map(list, zip(*rest))) or [[] for _ in selected]
            high = rowids.stop - 1
        for column, values in zip(columns, block):
            column += values
        low, size = high + 1, max(1, min(MAX_BLOCK, size * TARGET_CHARS // max(longest, 1)))
    return columns


def _parsed(quick: Fetch, sql: str, bounds: tuple[int, int], count: int) -> tuple[list[list[Any]] | None, int]:
    """(each column of the block as a list, the longest JSON text), or (None, 0) when the JSON form
    cannot give them: the rows are then read one by one."""
    try:
        texts = quick(sql, bounds)[0]
        block = list(map(_decode, texts))
    except (sqlite3.Error, ValueError):
        return None, 0
    if not all(isinstance(values, list) and len(values) == count for values in block):
        return None, 0
    return block, max(map(len, texts), default=0)
