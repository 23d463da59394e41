"""One table's rows as they are written: the objects in row order, in runs of one shape of INSERT.

Each table's rows come from a `RowSource` that keeps its objects in row order, so a refused row (by its
rowid, or the one being converted) is turned back into the task, link or baseline the user knows
(refusals.py). Nearly every task and link holds the usual value in each of its later fields: such
"plain" rows bind only their leading columns (`PlainRows`), the rest written in as constants.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .packer import RowMaker, plain_flags


@dataclass(frozen=True, slots=True)
class PlainRows:
    """How to write an object whose trailing fields all hold their usual values: only its leading
    columns are bound, the rest are constants in the INSERT (a bound value costs ~300 ns)."""

    fields: tuple[str, ...]  # the names of an object's trailing fields
    usual: tuple[Any, ...]  # ... their values, as nearly every object has them
    usual_row: tuple[Any, ...]  # their columns, as the full row would give them
    head: RowMaker  # the leading columns


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive objects of one table written with one shape of row: `INSERT ... VALUES {values}`."""

    table: str
    values: str  # "(NULL, ?, ?, 'ASAP', ...)": the row, its constants written in
    width: int  # how many values of it are bound
    to_row: Callable[..., tuple[Any, ...]]  # (object, *its resolved values) -> its bound values
    objects: list[Any]
    resolved: tuple[list[Any], ...] = ()  # values found beforehand, one list per extra argument of to_row
    maker: RowMaker | None = None  # makes the same rows as to_row, many at a time

    def insert(self, rows: int = 1) -> str:
        """The INSERT of `rows` rows at once (one statement step for all of them)."""
        return _insert_sql(self.table, self.values, rows)

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The bound values of each row, in order."""
        return map(self.to_row, self.objects, *self.resolved)

    def bound_values(self) -> Iterator[Any]:
        """Every bound value of the run, row after row (in C: `map` calls `to_row`, `chain` runs them together)."""
        return itertools.chain.from_iterable(self.rows())


@lru_cache(maxsize=64)
def _insert_sql(table: str, values: str, rows: int) -> str:
    return f"INSERT INTO {table} VALUES {', '.join([values] * rows)}"


class RowSource:
    """The rows of one table, and the objects they come from, in row order.

    A `numbered` table's first column is its INTEGER PRIMARY KEY `num`, the object's place from 1.
    It is not bound but written as NULL, which SQLite turns into one more than the largest rowid so
    far: in a fresh table filled in order, exactly that place (the same file, one bound value less
    a row). Rows refer to each other by those numbers.
    """

    def __init__(self, table: str, columns: int, objects: list[Any], to_row: Callable[..., Any],
                 describe: Callable[..., Any], plain: PlainRows | None = None, *, numbered: bool = False,
                 resolved: tuple[list[Any], ...] = ()):
        self.table, self.numbered, self.width = table, numbered, columns - numbered
        self.objects, self.to_row, self.describe, self.plain = objects, to_row, describe, plain
        self.resolved = resolved  # passed to to_row beside each object (a link's two ends, by row number)

    def _shape(self, constants: tuple[Any, ...] = (), bound: tuple[str, ...] = ()) -> tuple[str, int]:
        """The VALUES row with `constants` written in, and how many values are left to bind (as `bound`
        gives them, or each a plain `?`)."""
        width = self.width - len(constants)
        values = ["NULL"] * self.numbered + list(bound or ["?"] * width) + list(map(_sql_literal, constants))
        return f"({', '.join(values)})", width

    def whole(self) -> Run:
        """Every object, each as its full row: one shape for all (to name a refused row)."""
        values, width = self._shape()
        return Run(self.table, values, width, self.to_row, self.objects, self.resolved)

    def runs(self) -> Iterator[Run]:
        """The objects in row order, in runs: runs of plain objects take the short row; the same rows."""
        if self.plain is None:
            yield self.whole()
            return
        values, width = self._shape()
        plain = self.plain
        short, short_width = self._shape(plain.usual_row, plain.head.sql)  # once, not once a run: there are thousands
        flags = plain_flags(plain.fields)(self.objects, plain.usual)
        start = 0
        for is_plain, run in itertools.groupby(flags):
            end = start + len(list(run))
            objects, resolved = self.objects[start:end], tuple(column[start:end] for column in self.resolved)
            yield (Run(self.table, short, short_width, plain.head.rows(), objects, resolved, plain.head) if is_plain
                   else Run(self.table, values, width, self.to_row, objects, resolved))
            start = end

    def object_at(self, rowid: int) -> Any:
        """The object written as row `rowid`, or None."""
        return self.objects[rowid - 1] if 0 < rowid <= len(self.objects) else None


def _sql_literal(value: Any) -> str:
    """A usual value as SQL text: NULL, an integer or a quoted string."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str:
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {value!r}")
