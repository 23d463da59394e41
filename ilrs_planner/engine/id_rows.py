"""Id -> row of a schedule's task ids, made once per list and, after an edit, from the list's before.

A schedule of 100,000 tasks is asked for rows by id after every edit (the shown precisions, the
rows in view); the dict of every id cost 15-45 ms to make. The schedule after an edit that added,
removed or moved no task has the very id list of the one before (TaskTable.ids): its index is that
one's. After an add or a deletion the plan's kept columns know each new row's row before
(`places_known`): the index before is copied (at C speed) and only the rows that moved are set again
(an added task is the plan's last: one row).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# The ids list last indexed and its index; the last pair of lists whose places are known.
_LAST_INDEX: list[tuple[list[str], dict[str, int]]] = []
_KNOWN: list[tuple[Sequence[str], Sequence[str], np.ndarray]] = []


def places_known(old: Sequence[str], new: Sequence[str], old_of_new: np.ndarray) -> None:
    """Two lists of distinct ids, never to be changed, `new` holding at place i `old[old_of_new[i]]`
    (-1: an id `old` lacks): the index of `new` is made from that of `old`, and `old_rows` answers."""
    _KNOWN[:] = [(old, new, old_of_new)]


def old_rows(old: Sequence[str], new: Sequence[str]) -> np.ndarray | None:
    """Each place of `new` as a place of `old` (-1: not there), when known (see places_known), else None."""
    if _KNOWN and _KNOWN[0][0] is old and _KNOWN[0][1] is new:
        return _KNOWN[0][2]
    return None


def rows_of(ids: list[str]) -> dict[str, int]:
    """Id -> row of `ids`, never changed once made (see the module doc)."""
    if _LAST_INDEX and _LAST_INDEX[0][0] is ids:
        return _LAST_INDEX[0][1]
    index = _from_before(ids) or dict(zip(ids, range(len(ids))))
    _LAST_INDEX[:] = [(ids, index)]
    return index


def _from_before(ids: list[str]) -> dict[str, int] | None:
    """The index of `ids` made from the last one's, whose list's places in `ids` are known."""
    if not _LAST_INDEX:
        return None
    before, index = _LAST_INDEX[0]
    old_of_new = old_rows(before, ids)
    if old_of_new is None or len(old_of_new) != len(ids):
        return None
    n = len(ids)
    moved = np.flatnonzero(old_of_new != np.arange(n)).tolist()
    if len(moved) > n // 2:
        return None  # most rows moved: made afresh as quickly
    new_of_old = np.full(len(before), -1, np.int64)
    kept = old_of_new >= 0
    new_of_old[old_of_new[kept]] = np.flatnonzero(kept)
    index = index.copy()
    for gone in np.flatnonzero(new_of_old < 0).tolist():
        del index[before[gone]]
    index.update(zip(map(ids.__getitem__, moved), moved))
    return index
