"""Where two lists of ids start and stop agreeing, compared a slice at a time (at C speed).

After one edit, a 100,000-row list and the one before it agree on all but a few rows at one place.
Comparing them item by item through Python-level calls took several milliseconds per list; equal
slices of 512 items compare in C, mostly by identity (the same id objects), and only the slice
holding the first difference is walked item by item.

After an edit several readers compare the same two lists: the task table and the chart the rows
before and after, and both the schedule's tasks before and after. Lists handed here are kept as
they are by whoever made them (the task table's rows and a schedule's id list are replaced, never
changed), so the last answer is kept for the same two lists, and a schedule's id list is made once
(`table_ids`): listing 100,000 ids and comparing them cost 1-2 ms each time at this size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from ..engine.schedule import TaskTable

_CHUNK = 512  # items compared per slice while looking for the first difference


def common_prefix(a: Sequence, b: Sequence) -> int:
    """How many first items the two lists share."""
    limit, p = min(len(a), len(b)), 0
    if len(a) != len(b) and limit and a[limit - 1] == b[limit - 1] and _one_heads_the_other(a, b, limit):
        return limit
    while p + _CHUNK <= limit and a[p:p + _CHUNK] == b[p:p + _CHUNK]:
        p += _CHUNK
    while p < limit and a[p] == b[p]:
        p += 1
    return p


def _one_heads_the_other(a: Sequence, b: Sequence, limit: int) -> bool:
    """True when the shorter list is the longer's first items: a schedule's tasks after a task was
    added last, or that task deleted. Compared in one slice of one list, where the slices of both
    cost twice as much (1.7 ms for 100,000 ids against 1.0 at load 10)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[:limit] == shorter


def common_suffix(a: Sequence, b: Sequence, floor: int = 0) -> int:
    """How many last items the two lists share, never reaching back into the first `floor` items."""
    limit, s = min(len(a), len(b)) - floor, 0
    while s + _CHUNK <= limit and a[len(a) - s - _CHUNK:len(a) - s] == b[len(b) - s - _CHUNK:len(b) - s]:
        s += _CHUNK
    while s < limit and a[len(a) - s - 1] == b[len(b) - s - 1]:
        s += 1
    return s


def agreeing_ends(old: Sequence, new: Sequence) -> tuple[int, int]:
    """(first, last): the two lists agree on their first `first` and last `last` items, which do not
    overlap. Neither list may change after it is handed here: the answer for the same two lists of
    the same sizes is kept, so a list sorted in place would be given the answer for its old order
    (make a new list instead, as the task table and the schedule do)."""
    sizes = len(old), len(new)
    if old is new:
        return sizes[0], 0
    for pair in _Last.pairs:
        if pair[1] is new and pair[2] == sizes and (pair[0] is old or _same_items(pair[0], old)):
            return pair[3]
    if old == new:  # the usual case after an edit that moved no row, compared in C
        ends = min(sizes), 0
    else:
        first = common_prefix(old, new)
        ends = first, common_suffix(old, new, first)
    agreed(old, new, ends)
    return ends


def agreed(old: Sequence, new: Sequence, ends: tuple[int, int]) -> None:
    """Keep `ends` as the answer of agreeing_ends for these two lists, which whoever made `new`
    from `old` knows without comparing them (the task table, which put a few rows in a list of
    100,000); the same rules hold: neither list changes from here on."""
    _Last.pairs = [(old, new, (len(old), len(new)), ends), *_Last.pairs[:1]]  # the rows' pair and the schedule's


def agreed_places(old: Sequence, new: Sequence, old_of_new: np.ndarray) -> None:
    """Keep the answer of agreeing_ends for two lists of distinct ids, `new` holding at each place i
    the item `old[old_of_new[i]]` (-1: an item `old` lacks), found from the places alone: a schedule's
    ids after an add or a deletion, whose places the plan's kept columns know, were compared with the
    ids before (1-3 ms at 100,000 tasks). An item at another place in `old` counts as another item,
    so the ends found may be shorter than a comparison finds, never longer."""
    limit = min(len(old), len(new))
    head = old_of_new[:limit] != np.arange(limit)
    first = int(np.argmax(head)) if head.any() else limit
    room = limit - first
    tail = old_of_new[len(new) - room:] != np.arange(len(old) - room, len(old))
    last = room - 1 - int(np.flatnonzero(tail)[-1]) if tail.any() else room
    agreed(old, new, (first, last))


def _same_items(kept: Sequence, given: Sequence) -> bool:
    """True when `given` holds the very items of `kept`, in order: a reader that kept a list equal to
    the one a new list was compared with (the chart's rows before an edit, the table's being a copy)
    is given that answer. Compared in C by identity, a tenth of a millisecond for 100,000 rows, where
    finding the ends again cost 1-3 ms; lists of equal items that are other objects compare as long."""
    return type(kept) is list and type(given) is list and kept == given


def table_ids(table: Iterable[str]) -> list[str]:
    """The ids `table` lists (a schedule's tasks), as a list never to be changed: the same list for
    the same table (the last two asked about are kept, a schedule and the one before it), so the
    readers of one schedule share it and its comparison with the one before."""
    for kept, ids in _Last.tables:
        if kept is table:
            return ids
    # A schedule's own list, never changed either: copying 100,000 ids cost 1-3 ms per reader's edit.
    ids = table.ids() if isinstance(table, TaskTable) else list(table)
    _Last.tables = [(table, ids), *_Last.tables[:1]]
    return ids


def forget_lists() -> None:
    """Let go of the lists kept (a plan replaced: its rows and its schedule's ids are no longer read)."""
    _Last.pairs, _Last.tables = [], []


class _Last:
    """The two pairs of lists compared last (with their sizes) and where they agree; the two tables
    listed last and their ids."""

    pairs: list[tuple[Sequence, Sequence, tuple[int, int], tuple[int, int]]] = []
    tables: list[tuple[Iterable[str], list[str]]] = []
