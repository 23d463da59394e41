"""A checked table's columns turned into domain objects: all at once, one row at a time, or field by field.

The reader checks a table's columns and then hands them here. A plan to be edited gets every
object at once (`objects`, which `map` builds positionally: much faster than by keyword); a plan
read only to be shown gets a ColumnRows (domain.column_rows) that makes an object from its row
when one is asked for and reads fields as columns. All three ways apply the same conversion to
the same stored values, so they always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from typing import Any, Generic, TypeVar

from ..domain.column_rows import ColumnRows
from .column_read import Repeated

T = TypeVar("T")
# One field of an object: a conversion of stored values (None: the value as stored) and the columns
# it converts (one, or more when a field is stored in several columns), in the file's row order.
Field = tuple[Callable[..., Any] | None, tuple[Sequence[Any], ...]]


class ObjectColumns(Generic[T]):
    """The rows of one table as objects of `make` (called positionally with `fields`' values in order)."""

    def __init__(self, make: Callable[..., T], names: tuple[str, ...], fields: Sequence[Field], ids: Sequence[str]):
        self.make, self.names, self.fields, self.ids = make, names, fields, ids
        self._columns: dict[str, list[Any]] = {}
        self._cells: list[Callable[[int], Any]] | None = None  # per field: its value in a row, by place

    def objects(self) -> Iterator[T]:
        """Every row's object, in file order."""
        return map(self.make, *map(_values, self.fields))

    def by_id(self) -> dict[str, T]:
        """Every row's object by id (ids were found unique when the columns were checked)."""
        return dict(zip(self.ids, self.objects()))

    def at(self, place: int) -> T:
        """The object of the row at `place`."""
        if self._cells is None:
            self._cells = list(map(_cell, self.fields))
        return self.make(*[cell(place) for cell in self._cells])

    def column(self, name: str) -> list[Any]:
        """Field `name` of every row, as the objects hold it (made once and kept; each caller gets
        its own copy, so what one does with it cannot change what the next one reads)."""
        found = self._columns.get(name)
        if found is None:
            found = self._columns[name] = list(_values(self.fields[self.names.index(name)]))
        return found.copy()

    def rows(self) -> ColumnRows[T]:
        """The objects by id, each made when asked for (see domain.column_rows).

        Every distinct stored value is converted here once, so a value no object could hold is
        refused now, as `objects` would refuse it, not when some later step asks for its row.
        """
        for field in self.fields:
            _convert_distinct(field)
        return ColumnRows(self.ids, self.at, self.column)


class LaterColumn(Sequence[Any]):
    """A column made when first read (`make()`): ids looked up from row places, say, which a plan
    read without objects may never need."""

    def __init__(self, make: Callable[[], Sequence[Any]]):
        self._make: Callable[[], Sequence[Any]] | None = make
        self._made: Sequence[Any] = ()

    def column(self) -> Sequence[Any]:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made

    def __getitem__(self, index: Any) -> Any:
        return self.column()[index]

    def __len__(self) -> int:
        return len(self.column())

    def __iter__(self) -> Iterator[Any]:
        return iter(self.column())


def _values(field: Field) -> Iterator[Any]:
    """A field's converted values; a column of one repeated value is converted once."""
    convert, columns = field
    if convert is None:
        return iter(columns[0])
    if all(isinstance(column, Repeated) for column in columns):
        return repeat(convert(*(column.value for column in columns)), len(columns[0]))  # type: ignore[attr-defined]
    return map(convert, *columns)


def _cell(field: Field) -> Callable[[int], Any]:
    """A field's value in the row at a place: one lookup, converted (a repeated value converted once)."""
    convert, columns = field
    if all(isinstance(column, Repeated) for column in columns):
        value = columns[0].value if convert is None else convert(*(column.value for column in columns))  # type: ignore[attr-defined]
        return lambda _place: value
    if convert is None:
        return columns[0].__getitem__
    if len(columns) == 1:
        column = columns[0]
        return lambda place: convert(column[place])
    return lambda place: convert(*(column[place] for column in columns))


def _convert_distinct(field: Field) -> None:
    """Convert each distinct value of a field once (raising what converting its rows would raise)."""
    convert, columns = field
    if convert is None:
        return
    if all(isinstance(column, Repeated) for column in columns):
        convert(*(column.value for column in columns))  # type: ignore[attr-defined]
    elif len(columns) == 1:
        for value in set(columns[0]):
            convert(value)
    else:
        for values in set(zip(*columns)):
            convert(*values)
