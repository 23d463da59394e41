"""Row functions compiled from column expressions: for one row, or for many rows as one flat tuple.

A multi-row INSERT binds the values of all its rows as one flat tuple. Making a tuple per row and then
running the rows together costs a Python call per row and several steps in C per value: for the
300,000 rows of a large plan, about as much as reading the values from the objects. A function
written out for N rows at once builds the flat tuple directly, one call for N rows, at about half the
cost. The one-row function and the N-row ones are compiled from the same column expressions, so they
cannot disagree about a row.

Telling which objects are plain (hold the usual value in every later field), and reading one field
of every object, are compiled the same way: one comprehension reading the fields in place, rather
than a call per object (`map(attrgetter(...))` takes half as long again).

The expressions are constants of this package (never text from a plan or a file), written with
`{o}` for the object and `{name}` for each value resolved beforehand and passed beside it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Coded:
    """A column of a few known texts, bound as the number of its text and turned back into the text
    by the INSERT (`CASE ? WHEN 0 THEN 'FS' ...`): SQLite binds a number at a fraction of the cost of
    a text, which it copies twice (about a tenth less time inserting links). A value not among them
    fails the lookup; the row is then refused as SQLite refuses it (see writer._name_refusal)."""

    expression: str  # e.g. "{o}.type"
    texts: tuple[str, ...]  # the texts it can hold, most frequent first (the CASE tries them in order)


class RowMaker:
    """The bound columns of a row, as Python expressions of an object (and of values resolved for it)."""

    def __init__(self, columns: tuple[str | Coded, ...], resolved: tuple[str, ...] = ()):
        self.resolved = resolved  # the names of the values passed beside each object, in order
        self._namespace: dict[str, Any] = {}
        self._expressions = tuple(map(self._expression, columns, itertools.count()))
        # The VALUES text of each bound column.
        self.sql = tuple("?" if isinstance(c, str) else _case(c.texts) for c in columns)
        self._functions: dict[int, Callable[..., tuple[Any, ...]]] = {}

    def _expression(self, column: str | Coded, index: int) -> str:
        if isinstance(column, str):
            return column  # e.g. "{o}.id", "{parent} or None"
        name = f"_codes_{index}"
        self._namespace[name] = {text: code for code, text in enumerate(column.texts)}
        return f"{name}[{column.expression}]"

    def rows(self, count: int = 1) -> Callable[..., tuple[Any, ...]]:
        """A function of `count` objects, each followed by its resolved values, returning the bound
        values of their `count` rows one after another, in one tuple."""
        if count not in self._functions:
            self._functions[count] = self._compiled(count)
        return self._functions[count]

    def _compiled(self, count: int) -> Callable[..., tuple[Any, ...]]:
        names = ("o", *self.resolved)
        parameters = [f"{name}{i}" for i in range(count) for name in names]
        values = [column.format(**{name: f"{name}{i}" for name in names})
                  for i in range(count) for column in self._expressions]
        return _function(f"rows_{count}", ", ".join(parameters), f"({', '.join(values)},)", self._namespace)


def _case(texts: tuple[str, ...]) -> str:
    whens = " ".join(f"WHEN {code} THEN '{text.replace(chr(39), chr(39) * 2)}'" for code, text in enumerate(texts))
    return f"CASE ? {whens} END"


@lru_cache(maxsize=8)
def plain_flags(fields: tuple[str, ...]) -> Callable[[list[Any], tuple[Any, ...]], list[bool]]:
    """A function of (objects, usual) telling for each object whether its `fields` equal `usual`, as
    tuples compare (`==`, field by field, in order)."""
    read = ", ".join(f"o.{name}" for name in fields)
    return _function("plain_flags", "objects, usual", f"[({read},) == usual for o in objects]")


@lru_cache(maxsize=32)
def field_values(name: str) -> Callable[[list[Any]], list[Any]]:
    """A function of objects returning the list of their field `name`."""
    return _function(f"{name}_values", "objects", f"[o.{name} for o in objects]")


def _function(name: str, parameters: str, result: str, names: dict[str, Any] | None = None) -> Callable[..., Any]:
    source = f"def {name}({parameters}):\n    return {result}\n"
    namespace: dict[str, Any] = dict(names or {})
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 (constants)
    function: Callable[..., Any] = namespace[name]
    return function


@lru_cache(maxsize=8)
def fields_into(fields: tuple[str, ...]) -> Callable[[list[Any], list[Any]], None]:
    """A function of (objects, values) appending to `values` each object's `fields`, in order, one
    object after another."""
    read = ", ".join(f"o.{name}" for name in fields)
    source = f"def fields_into(objects, values):\n    for o in objects:\n        values += ({read},)\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<fields_into>", "exec"), namespace)  # noqa: S102 (constants)
    function: Callable[[list[Any], list[Any]], None] = namespace["fields_into"]
    return function
