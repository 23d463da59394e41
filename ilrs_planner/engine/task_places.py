"""Task ids to their places in the plan's task list, in bulk, found by the id objects themselves.

A plan read from a file holds each task id once: the ends of its links and the parents of its
tasks are the very string objects that key `project.tasks`. Looking 300,000 of them up in a dict
compares no text, yet visits memory all over the heap for each (the string's hash, the dict's
slot and entry, the place's int object): at 100,000 tasks that was a third of scheduling, and
more on a busy machine whose caches other work keeps emptying. Here the ids' addresses are
sorted once and searched in numpy. The addresses searched for are sorted first: numpy's search
for ascending keys starts each from where the last one ended and reads the table in order, while
200,000 searches in random order (the ends of links) missed the cache at each step, costing
several times the sort. An id that is an equal but separate object (a plan built in code), or
that names no task, is looked up in the dict as before, so the answer is the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

import numpy as np


class TaskPlaces:
    """Task id -> place (index) in `task_ids`, for many ids at once."""

    def __init__(self, task_ids: list[str], index: dict[str, int] | None = None):
        self._ids = task_ids  # kept: an address stands for its object only while the object lives
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None  # made when first searched
        self._index = index

    def of(self, ids: Sequence[Any]) -> np.ndarray:
        """The place of each of `ids` (int64), or -1 for one that is no task's id (None included)."""
        wanted = np.fromiter(map(id, ids), dtype=np.uintp, count=len(ids))
        places = np.full(len(ids), -1, dtype=np.int64)
        order, addresses = self._addresses()
        if addresses.size:
            by = np.argsort(wanted)  # ascending: see the module doc
            ascending = wanted[by]
            at = np.minimum(np.searchsorted(addresses, ascending), addresses.size - 1)
            same = addresses[at] == ascending
            places[by[same]] = order[at[same]]
        missed = np.flatnonzero((places < 0) & (wanted != id(None)))  # None (no parent) is no task's: no lookup
        if missed.size:
            found = map(self.index().get, map(ids.__getitem__, missed.tolist()), repeat(-1))
            places[missed] = np.fromiter(found, dtype=np.int64, count=missed.size)
        return places

    def _addresses(self) -> tuple[np.ndarray, np.ndarray]:
        """(task places in the order of their ids' addresses, those addresses ascending)."""
        if self._sorted is None:
            addresses = np.fromiter(map(id, self._ids), dtype=np.uintp, count=len(self._ids))
            order = np.argsort(addresses)
            self._sorted = order, addresses[order]
        return self._sorted

    def index(self) -> dict[str, int]:
        """Task id -> place, as a dict (made when first needed)."""
        if self._index is None:
            self._index = dict(zip(self._ids, range(len(self._ids))))
        return self._index
