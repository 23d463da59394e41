"""Read a table column-wise, fetching from SQLite only the values that differ from a column's usual one.

Handing a value from SQLite to Python costs about 100 ns, so the 25 columns of 100,000 tasks cost
a quarter of a second on their own. Most task columns hold their usual value in nearly every row
(no owner, As Soon As Possible, no dates, no notes). One scan, run by SQLite in C, hands over
just the rows where any of those columns holds anything else; a column that holds its usual value
in all of them is made in Python without reading it, any other from those rows and its usual
value. (An aggregate per column, `max(col IS NOT ?)`, costs twice that scan: SQLite calls an
aggregate step per row and column.) Every value the file holds still reaches the
caller, so every check on the values still sees them all. A column holding its usual value in
every row comes back as `Repeated`, so the caller can turn that one value into what it needs once
instead of once per row (building 100,000 tasks from 27 columns is then mostly the 8 that vary).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import repeat
from typing import Any, overload

from .column_blocks import read_blocks

Fetch = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]

# Columns whose value is the same in most rows of a plan, with that value (the model's defaults).
USUAL: dict[str, dict[str, Any]] = {
    "tasks": {"owner": None, "constraint_type": "ASAP", "constraint_date": None, "deadline": None,
              "actual_start": None, "actual_finish": None, "percent_complete": 0, "precision": "day",
              "optimistic": None, "most_likely": None, "pessimistic": None, "classification": "public",
              "source_url": "", "notes": "", "calendar": None, "elapsed": 0, "key_milestone": 0,
              "confidence": None, "source_date": None, "alap": 0,
              "manual": 0, "manual_start": None, "manual_start_at_day_end": 0},
    "links": {"elapsed": 0},
}


class Repeated(Sequence[Any]):
    """A column holding `value` in each of its `length` rows, without a list of them."""

    __slots__ = ("value", "length")

    def __init__(self, value: Any, length: int):
        self.value, self.length = value, length

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self.value] * len(range(self.length)[index])
        range(self.length)[index]  # IndexError past the end, as a list would raise
        return self.value

    def __iter__(self) -> Iterator[Any]:
        return repeat(self.value, self.length)

    def count(self, value: Any) -> int:
        return self.length if (self.value is value or self.value == value) else 0


def read_columns(fetch: Fetch, table: str, names: list[str],
                 codes: Mapping[str, tuple[str, ...]] | None = None, quick: Fetch | None = None) -> list[Sequence[Any]]:
    """The rowid column, then the columns `names` of `table`, in rowid order.

    `fetch(sql, parameters)` runs one query and returns its rows; every query runs in the
    caller's read transaction, so all of them see the same state of the file. A column in `codes`
    (the values its CHECK rule allows, which the reader has verified) comes back as the index of
    each value in that tuple: SQLite hands over a small int, which Python does not allocate,
    instead of a new short text per row. With `quick` (`fetch` letting SQLite's errors through),
    the columns of a table whose rowids run without a gap are read in blocks (column_blocks.py).
    """
    usual, codes = USUAL.get(table, {}), codes or {}
    dense = [name for name in names if name not in usual]
    known = _rowids(fetch, table)
    selected = [_coded(name, codes[name]) if name in codes else name for name in dense]
    columns: list[Sequence[Any]]
    if known and selected and quick is not None:
        columns = list(read_blocks(fetch, quick, table, selected, known))
    else:
        if known is None:
            selected.insert(0, "rowid")
        rows = fetch(f"SELECT {', '.join(selected)} FROM {table} ORDER BY rowid", ())
        columns = list(zip(*rows)) or [()] * len(selected)
    rowids = known if known is not None else columns.pop(0)
    found = dict(zip(dense, columns))
    sparse = [name for name in names if name in usual]
    if sparse and rowids:
        found.update(_sparse_columns(fetch, table, sparse, usual, rowids))
    else:
        found.update((name, ()) for name in sparse)
    return [rowids, *(found[name] for name in names)]


def _rowids(fetch: Fetch, table: str) -> range | None:
    """The rowids of `table` when they run without a gap (as in every file we write), else None:
    they are then known without handing 200,000 numbers over from SQLite."""
    # Each in a query of its own, which SQLite answers from the b-tree (its first and last rowid, and
    # a count of its pages' cells); together in one they became a scan calling three aggregates a row.
    ((low, high, count),) = fetch(f"SELECT (SELECT min(rowid) FROM {table}), (SELECT max(rowid) FROM {table}), "
                                  f"(SELECT count(*) FROM {table})", ())
    if count == 0:
        return range(0)
    return range(low, high + 1) if high - low + 1 == count else None


def _coded(name: str, values: tuple[str, ...]) -> str:
    """SQL giving the index of `name`'s value in `values` (NULL for any other value)."""
    choices = " ".join(f"WHEN '{value}' THEN {i}" for i, value in enumerate(values))
    return f"CASE {name} {choices} END"


def _sparse_columns(fetch: Fetch, table: str, names: list[str], usual: dict[str, Any],
                    rowids: Sequence[int]) -> Iterator[tuple[str, Sequence[Any]]]:
    """Each column of `names` in full: its usual value, and the rows that differ read from the file."""
    values = tuple(usual[name] for name in names)
    differs = " OR ".join(f"{name} IS NOT ?" for name in names)
    rows = fetch(f"SELECT rowid, {', '.join(names)} FROM {table} WHERE {differs} ORDER BY rowid", values)
    found: list[Sequence[Any]] = list(zip(*rows)) or [()] * (len(names) + 1)
    # Both lists are in rowid order: each row found sits where bisect puts its rowid.
    places = list(map(bisect_left, repeat(rowids), found[0]))
    for name, value, column in zip(names, values, found[1:]):
        if _all_usual(column, value):
            yield name, Repeated(value, len(rowids))
            continue
        full = [value] * len(rowids)
        for place, other in zip(places, column):
            full[place] = other
        yield name, full


def _all_usual(column: Sequence[Any], value: Any) -> bool:
    """Every value of `column` is `value` (None, or an int or text of a column of that type, which
    the checks before reading have verified, so == means what SQLite's IS means here)."""
    return column.count(value) == len(column)
