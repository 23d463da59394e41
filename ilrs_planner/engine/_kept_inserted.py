"""A plan's links followed through an edit that put a few back among them, in their old places.

Undoing a deletion puts the deleted task's links back where they were in the plan's dict, not at its
end (where engine/_kept_lists looks for added entries): at 100,000 tasks and 200,000 links the keeper
then listed every link's address and sorted them to find each one's place before (some 30 ms of the
undo). The lists agree but for the links put back, so they are walked side by side a slice at a time,
comparing in C, and only the slices holding a link put back are walked item by item.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np

from ._followed import addresses_of

T = TypeVar("T")

_CHUNK = 512  # items compared per slice
MOST_INSERTED = 512  # links put back looked for before the lists are compared whole instead


def with_inserted(old: list[T], new: list[T],
                  old_addresses: np.ndarray) -> tuple[list[T], np.ndarray, np.ndarray] | None:
    """(the objects, their addresses, each one's place in `old` (-1: put back)) when `new` is `old` with
    a few objects inserted, else None. The objects are `old`'s where the lists hold equal ones, as
    the keeper keeps them (see kept_columns' _Reading): their addresses stay theirs."""
    inserted = _inserted_places(old, new)
    if inserted is None:
        return None
    objects: list[T] = []
    for count, place in enumerate(inserted):  # the old objects before each one put back, then it
        objects += old[len(objects) - count:place - count]
        objects.append(new[place])
    objects += old[len(objects) - len(inserted):]
    before = np.array(inserted, np.int64) - np.arange(len(inserted))  # each one's place in `old` it goes before
    addresses = np.insert(old_addresses, before, addresses_of([new[place] for place in inserted]))
    return objects, addresses, np.insert(np.arange(len(old), dtype=np.int64), before, -1)


def _inserted_places(old: list[T], new: list[T]) -> list[int] | None:
    """The places in `new` of the objects inserted into `old` to make it, or None when it is not so."""
    extra = len(new) - len(old)
    if not 0 < extra <= MOST_INSERTED:
        return None
    places: list[int] = []
    i = j = 0
    while i < len(old):
        step = min(_CHUNK, len(old) - i)
        if old[i:i + step] == new[j:j + step]:
            i, j = i + step, j + step
            continue
        while i < len(old) and j < len(new) and (new[j] is old[i] or new[j] == old[i]):
            i, j = i + 1, j + 1
        if i == len(old):
            break
        places.append(j)
        j += 1
        if len(places) > extra or j > len(new):
            return None
    places.extend(range(j, len(new)))
    return places if len(places) == extra else None
