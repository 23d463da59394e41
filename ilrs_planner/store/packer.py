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

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class RowMaker:
    """The bound columns of a row, as Python expressions of an object (and of values resolved for it)."""

    columns: tuple[str, ...]  # e.g. "{o}.id", "{parent} or None": one expression per bound column
    resolved: tuple[str, ...] = ()  # the names of the values passed beside each object, in order

    def rows(self, count: int = 1) -> Callable[..., tuple[Any, ...]]:
        """A function of `count` objects, each followed by its resolved values, returning the bound
        values of their `count` rows one after another, in one tuple."""
        return _compiled(self.columns, self.resolved, count)


@lru_cache(maxsize=32)
def _compiled(columns: tuple[str, ...], resolved: tuple[str, ...], count: int) -> Callable[..., tuple[Any, ...]]:
    names = ("o", *resolved)
    parameters = [f"{name}{i}" for i in range(count) for name in names]
    values = [column.format(**{name: f"{name}{i}" for name in names})
              for i in range(count) for column in columns]
    return _function(f"rows_{count}", ", ".join(parameters), f"({', '.join(values)},)")


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


def _function(name: str, parameters: str, result: str) -> Callable[..., Any]:
    source = f"def {name}({parameters}):\n    return {result}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 (constants)
    function: Callable[..., Any] = namespace[name]
    return function
