"""The checked columns of one table of a plan file, and the refusals that name a row of it.

`TableAccess` reads a table column-wise (column_read.py: blocks of rows, only unusual values of
usual-valued columns) inside the reader's transaction, refuses text holding a control character,
resolves row numbers that refer to other rows, and refuses a second row with the same id; each
refusal names the table, row and column. `tables.TableReader` builds on it, one table a method.
"""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..domain import PlannerError
from ..domain.text import MULTI_LINE_FIELDS, describe_control, first_with_control
from .column_read import Fetch, Repeated, read_columns
from .locate import Finding, bad_value, columns_of, find_bad_row, find_too_big, too_large
from .rownumbers import NO_ROW, RowIds

# Called on a table's columns (rowid first) before their text is checked; it may replace columns in
# the list. Only store/repair.py passes one: it drops bidirectional controls and records each.
Mend = Callable[[str, list[str], list[Sequence[Any]]], None]
# Said with every refusal of a bidirectional control, which plans saved before that rule may hold.
REPAIR_HINT = ("to recover the plan, write a copy without these characters: ilrs-planner repair {path} -o "
               "CLEANED.db (in the window: Open a cleaned copy…)")
# Said with the refusal of a second link between two tasks, which merges made before it was refused wrote.
LINKS_REPAIR_HINT = ("to recover the plan, write a copy keeping the first of such links: ilrs-planner repair {path} "
                     "-o CLEANED.db (in the window: Open a cleaned copy…)")


class TableAccess:
    """Checked columns of the tables of one file, read inside the caller's read transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path, mend: Mend | None = None):
        self.conn, self.path, self.mend = conn, path, mend

    def columns(self, table: str, names: str, codes: dict[str, tuple[str, ...]] | None = None) -> list[Sequence[Any]]:
        """The columns (rowid first) of `table` in file order; text that is not UTF-8 is named.

        A column in `codes` comes back as the index of each value in its tuple (see read_columns).
        """
        columns = read_columns(self.fetch(table), table, names.split(", "), codes or {}, self.quick)
        if self.mend is not None:
            self.mend(table, names.split(", "), columns)
        self.check_text(table, names.split(", "), columns, codes or {})
        return columns

    def fetch(self, table: str) -> Fetch:
        """A query runner for `table` that turns a value too large or not UTF-8 into a refusal naming it."""
        def run(sql: str, parameters: tuple[Any, ...]) -> list[tuple[Any, ...]]:
            try:
                return self.conn.execute(sql, parameters).fetchall()
            except sqlite3.DataError:
                raise too_large(self.path, find_too_big(self.conn)) from None
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                finding = find_bad_row(self.conn, table)
                if finding is None:
                    raise PlannerError("store.bad_value", f"'{self.path}': table {table}: {exc}",
                                       [str(self.path)]) from None
                raise bad_value(self.path, finding) from None
        return run

    def quick(self, sql: str, parameters: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """Run a query, letting SQLite's errors through (see column_blocks: it reads on by `fetch`)."""
        return self.conn.execute(sql, parameters).fetchall()

    def check_text(self, table: str, names: list[str], columns: list[Sequence[Any]], coded: Iterable[str]) -> None:
        """Refuse text holding a control character (see domain/text.py), naming its row and column.

        A usual value is our own text, and a coded column holds only the values of its CHECK rule.
        """
        kinds = dict(columns_of()[table])
        for name, values in zip(names, columns[1:]):
            if kinds[name] != "TEXT" or isinstance(values, Repeated) or name in coded:
                continue
            multiline = name in MULTI_LINE_FIELDS
            index = first_with_control(values, multiline)
            if index is not None:
                problem = f"the text {describe_control(values[index], multiline)}; plan text never holds one"
                if "bidirectional" in problem:
                    problem += "; " + REPAIR_HINT.format(path=shlex.quote(str(self.path)))
                raise self.fail(table, columns[0][index], name, problem)

    def fail(self, table: str, rowid: int, column: str, problem: str) -> PlannerError:
        """A `store.bad_value` error for a value found wrong while reading."""
        return bad_value(self.path, Finding(table, rowid, column, problem))

    def resolve(self, table: str, column: str, rowids: Sequence[Any], numbers: Sequence[Any],
                target: RowIds, what: str) -> Sequence[Any]:
        """Row numbers in `numbers` turned into ids; a number naming no row of `what` is refused."""
        if numbers.count(None) == len(numbers):  # no task has an owner or a calendar of its own
            return Repeated(None, len(numbers))
        return target.ids_at(self.places(table, column, rowids, numbers, target, what))

    def places(self, table: str, column: str, rowids: Sequence[Any], numbers: Sequence[Any],
               target: RowIds, what: str) -> Any:
        """Where in `target` each of `numbers` is (see RowIds.places); a number naming no row is refused."""
        places = target.places(numbers)
        if places.min(initial=0) == NO_ROW:
            index = int(places.argmin())
            raise self.fail(table, rowids[index], column, f"row {numbers[index]} is not a {what} of the plan")
        return places

    def by_id(self, table: str, rowids: Sequence[Any], ids: Sequence[Any], objects: Iterable[Any]) -> dict[Any, Any]:
        """Objects by id; a second row with the same id is refused (merging relies on unique ids)."""
        result = dict(zip(ids, objects))
        if len(result) != len(ids):
            self.refuse_duplicate(table, rowids, ids)
        return result

    def check_unique(self, table: str, rowids: Sequence[Any], ids: Sequence[Any]) -> None:
        """Refuse a second row with the same id, as `by_id` does, before any object is made."""
        if len(set(ids)) != len(ids):
            self.refuse_duplicate(table, rowids, ids)

    def refuse_duplicate(self, table: str, rowids: Sequence[Any], ids: Sequence[Any]) -> None:
        """Raise the refusal naming the first row whose id an earlier row has."""
        seen: set[Any] = set()
        rowid, duplicate = next((r, i) for r, i in zip(rowids, ids) if i in seen or _note(seen, i))
        raise self.fail(table, rowid, "id", f"id {duplicate} is used by an earlier row too")


def _note(seen: set[Any], value: Any) -> bool:
    """Remember `value`; False, so a search for the first repeated value goes on."""
    seen.add(value)
    return False
