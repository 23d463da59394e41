"""A table of a plan as read, by id, whose objects are made only when one is asked for.

A command that opens a plan file only to print something about it (its schedule) needs a few of
each task's fields, as whole columns, and an object for a handful of tasks at most (the ones with a
constraint, or one an error names). Making 100,000 Task and 200,000 Link objects it never looks at
was a third of such a command's time. `ColumnRows` stands where a plan's `dict` of objects stands:
a read-only mapping whose values are made from their row on each access, and whose fields can be
read as whole columns (`values_of`), made by the same conversions as the objects.

It cannot go stale: it has no way to be changed, and every object it hands out is new, so changing
one changes nothing else. A plan that is to be edited is read with real objects instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class ColumnRows(Mapping[str, T], Generic[T]):
    """Objects by id, in file order; `make(place)` makes the object of the row at `place`,
    `column(field)` gives one field of every row, as the objects would hold it."""

    def __init__(self, ids: Sequence[str], make: Callable[[int], T], column: Callable[[str], list[Any]]):
        self.ids, self.make, self.column = ids, make, column
        self._places: dict[str, int] | None = None

    def __getitem__(self, key: str) -> T:
        if self._places is None:  # only an error path or a few bounded tasks ever ask by id
            self._places = dict(zip(self.ids, range(len(self.ids))))
        return self.make(self._places[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def in_order(self) -> RowList[T]:
        """The objects as a sequence in file order (made one by one as they are indexed)."""
        return RowList(self)


class RowList(Sequence[T], Generic[T]):
    """The values of a ColumnRows in order, each made when it is indexed."""

    def __init__(self, rows: ColumnRows[T]):
        self.rows = rows

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return list(map(self.rows.make, range(len(self))[index]))
        return self.rows.make(range(len(self))[index])  # range: negative places and IndexError as a list's

    def __len__(self) -> int:
        return len(self.rows.ids)

    def __iter__(self) -> Iterator[T]:
        return map(self.rows.make, range(len(self)))


def in_order(rows: Mapping[str, T]) -> Sequence[T]:
    """A plan's objects (its `tasks` or `links`) in file order, without making any yet when they are ColumnRows."""
    if isinstance(rows, ColumnRows):
        return rows.in_order()
    return list(rows.values())


def values_of(objects: Sequence[Any] | Mapping[str, Any], field: str) -> list[Any]:
    """`field` of each object in order: read from the columns when they are ColumnRows' (no object made)."""
    if isinstance(objects, RowList):
        return objects.rows.column(field)
    if isinstance(objects, ColumnRows):
        return objects.column(field)
    return list(map(attrgetter(field), objects.values() if isinstance(objects, Mapping) else objects))
