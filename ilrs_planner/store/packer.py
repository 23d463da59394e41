"""Row functions compiled from column expressions: for one row, or for many rows as one flat tuple.

A multi-row INSERT binds the values of all its rows as one flat tuple. Making a tuple per row and then
running the rows together costs a Python call per row and several steps in C per value: for the
300,000 rows of a large plan, about as much as reading the values from the objects. A function
written out for N rows at once builds the flat tuple directly, one call for N rows, at about half the
cost. The one-row function and the N-row ones are compiled from the same column expressions, so they
cannot disagree about a row.

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
    source = f"def rows_{count}({', '.join(parameters)}):\n    return ({', '.join(values)},)\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<{count} rows of {', '.join(columns)}>", "exec"), namespace)  # noqa: S102 (constants)
    function: Callable[..., tuple[Any, ...]] = namespace[f"rows_{count}"]
    return function
