"""Objects followed from one reading of a plan to the next by their addresses (see kept_columns).

An edit adds or removes a task or a link, or a run of them, and leaves the rest in their order: the
new list is the old one with one run inserted or removed. That is recognised by comparing the two
lists' addresses at C speed; any other change finds each object's old place by sorting addresses.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_FEW = 64  # objects inserted at once that are checked one by one for appearing twice


class Unreadable(Exception):
    """An input the scheduler would refuse: leave the reading, and the refusal, to it."""


def addresses_of(objects: Sequence[object]) -> np.ndarray:
    """id() of each object (kept alive by the reading that holds them, so never reused)."""
    return np.fromiter(map(id, objects), dtype=np.uintp, count=len(objects))


def old_places(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    """Each new object's place in the old list (-1: not there before), by the objects' addresses."""
    shifted = _one_run(old, new)
    return shifted if shifted is not None else _by_sorting(old, new)


def _one_run(old: np.ndarray, new: np.ndarray) -> np.ndarray | None:
    """old_places when `new` is `old` with one run inserted or removed, else None."""
    same = min(old.size, new.size)
    differ = np.flatnonzero(old[:same] != new[:same])
    first = int(differ[0]) if differ.size else same
    run = new.size - old.size
    if run >= 0 and run <= _FEW and np.array_equal(new[first + run:], old[first:]):
        inserted = new[first:first + run]
        if any(int(np.count_nonzero(new == address)) > 1 for address in inserted.tolist()):
            raise Unreadable  # one object twice: nothing to follow each by
        return np.concatenate([np.arange(first), np.full(run, -1), np.arange(first, old.size)]).astype(np.int64)
    if run < 0 and np.array_equal(new[first:], old[first - run:]):
        return np.concatenate([np.arange(first), np.arange(first - run, old.size)]).astype(np.int64)
    return None


def _by_sorting(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    order = np.argsort(new)
    ascending = new[order]
    if (ascending[1:] == ascending[:-1]).any():
        raise Unreadable  # one object twice: nothing to follow each by
    old_of_new = np.full(new.size, -1, dtype=np.int64)
    if new.size:
        at = np.minimum(np.searchsorted(ascending, old), new.size - 1)
        kept = ascending[at] == old
        old_of_new[order[at[kept]]] = np.flatnonzero(kept)
    return old_of_new
