"""Row numbers turned into the ids of the rows they name, for a whole column at once.

Rows refer to each other by row number (the rowid, see schema.py), so reading 200,000 links
turns 400,000 numbers into task ids. A dict lookup per number, even inside `map`, costs more than
reading the number from SQLite did; numpy finds the row of every number in one sorted search,
and a number that names no row is found by the same search, then named by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import is_
from typing import Any

import numpy as np

NO_ROW = -1  # the place of a number naming no row


class RowIds:
    """The ids of one table's rows, by row number (`rowids` ascending, as the reader reads them)."""

    def __init__(self, rowids: Sequence[int], ids: Sequence[Any]):
        self.rowids = rowids
        # Row numbers without a gap need no array: a row's place is its number's difference from the first.
        gapless = isinstance(rowids, range)
        self._rows = np.empty(0, np.int64) if gapless else np.fromiter(rowids, dtype=np.int64, count=len(rowids))
        # One slot past the ids holds None: the place of an empty reference (no parent, no owner).
        self._ids = np.empty(len(ids) + 1, dtype=object)
        self._ids[: len(ids)] = ids

    def __len__(self) -> int:
        return len(self.rowids)

    def places(self, numbers: Sequence[int | None]) -> np.ndarray:
        """For each number, the index of the row it names; len(self) for None; NO_ROW if it names none."""
        try:  # numbers without None (links' ends, or a column of numbers SQLite handed over whole)
            values = numbers if isinstance(numbers, np.ndarray) else np.fromiter(numbers, np.int64, len(numbers))
            return self._places_of(values)
        except TypeError:  # None among them (no parent): asking first would compare every number with None
            pass
        empty = np.fromiter(map(is_, numbers, repeat(None)), dtype=bool, count=len(numbers))
        values = np.array(numbers, dtype=object)
        values[empty] = 0
        places = self._places_of(values.astype(np.int64))
        places[empty] = len(self)
        return places

    def _places_of(self, values: np.ndarray) -> np.ndarray:
        if isinstance(self.rowids, range):
            first, last = self.rowids.start, self.rowids.stop - 1
            outside = (values < first) | (values > last)  # compared first: the difference may overflow
            places = values - first
        else:
            places = np.searchsorted(self._rows, values)
            outside = places == len(self._rows)
            outside[~outside] = self._rows[places[~outside]] != values[~outside]
        places[outside] = NO_ROW
        return places

    def ids_at(self, places: np.ndarray) -> list[Any]:
        """The ids of the rows at `places` (None at len(self)); every place must name a row or be len(self)."""
        ids: list[Any] = self._ids[places].tolist()
        return ids


def some_chain_loops(up: np.ndarray, top: int) -> bool:
    """Does some chain of places (`up[i]` the place above i, `top` for none) never reach the top?

    Pointer doubling: after k steps each place points 2**k levels up, so chains without a loop, at
    most len(up) long, are through in log2(len(up)) steps; the loop itself is named by the caller
    (consistency.find_parent_loop), on that error path only.
    """
    up = np.where(up == top, -1, up)  # as places every row is >= 0, and -1 is free to mean "at the top"
    for _ in range(len(up).bit_length() + 1):
        at_top = up < 0
        if at_top.all():
            return False
        up = np.where(at_top, -1, up[np.where(at_top, 0, up)])
    return True
