"""A plan's tasks or links followed through an edit that added or removed a few, without listing them.

Listing 100,000 tasks or 200,000 links costs milliseconds (each object is touched), though an edit
adds a task or a link at the end of the plan's dict, or removes a few, and names their tasks (see
kept_columns). So the objects that may have gone are looked up by their keys, and the entries added
since are read from the dict's end, back to the last object that was there before. The new order is
then the old one without those gone, followed by those added: a dict keeps its order but for
entries removed, and appends what is inserted. An object in its place under its key is the one kept
(an edit never replaces a task or link under its key; when one is seen, the lists are compared
instead); so is the old order when an object that was there before turns up among those added
(deleted and put back: it moved to the end), or more were added than expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

import numpy as np

from ._followed import addresses_of

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Followed(Generic[T]):
    """The objects and keys now, each one's place before (-1: added), and the addresses of both."""

    objects: list[T]
    keys: list[str]
    old_of_new: np.ndarray
    addresses: np.ndarray
    key_addresses: np.ndarray | None  # None when not asked for
    added: int


def followed(old: tuple[list[T], list[str], np.ndarray, np.ndarray | None], now: dict[str, T],
             candidates: list[int], most_added: int) -> Followed[T] | None:
    """The dict `now` as the old objects and keys (and their addresses) with some removed and a few
    added, or None when it cannot be told so. `candidates`: the old places of every object that
    may have been removed (or removed and put back)."""
    objects, keys, addresses, key_addresses = old
    gone = []
    for place in candidates:
        current = now.get(keys[place])
        if current is not objects[place]:
            if current is not None:
                return None  # another object under the key
            gone.append(place)
    added = _added(objects, keys, now, set(gone), {id(objects[place]) for place in candidates}, most_added)
    if added is None or len(now) != len(objects) - len(gone) + len(added[0]):
        return None
    kept = np.delete(np.arange(len(objects)), gone) if gone else np.arange(len(objects))
    new_objects, new_keys = added
    return Followed(_joined(objects, gone, new_objects), _joined(keys, gone, new_keys),
                    np.concatenate([kept, np.full(len(new_objects), -1, dtype=np.int64)]),
                    np.concatenate([addresses[kept], addresses_of(new_objects)]),
                    None if key_addresses is None else np.concatenate([key_addresses[kept], addresses_of(new_keys)]),
                    len(new_objects))


def _added(objects: list[T], keys: list[str], now: dict[str, T], gone: set[int], named: set[int],
           most: int) -> tuple[list[T], list[str]] | None:
    """The entries at the end of `now` that were not there before, oldest first; None when that
    cannot be told, or more than `most` are. Those that may have moved (`named`, by address) are
    looked for after the last old entry that cannot have: they must follow it as they did before,
    and come before every entry added."""
    last = len(objects) - 1
    while last >= 0 and (last in gone or id(objects[last]) in named):
        last -= 1
    after = [place for place in range(last + 1, len(objects)) if place not in gone]
    found: list[tuple[str, T]] = []
    for key, current in islice(reversed(now.items()), most + len(after) + 1):
        if last >= 0 and current is objects[last] and key == keys[last]:
            break
        found.append((key, current))
    else:
        if last >= 0 or len(found) > most + len(after):
            return None
    found.reverse()
    if any(found[k][1] is not objects[place] for k, place in enumerate(after[:len(found)])) or len(found) < len(after):
        return None  # an entry that may have moved did
    added = found[len(after):]
    if any(id(current) in named for _, current in added):
        return None  # deleted and put back: it moved to the end
    return [current for _, current in added], [key for key, _ in added]


def _joined(values: list[T], gone: list[int], added: list[T]) -> list[T]:
    """A new list: `values` without the places gone, then `added` (one copy of the long list)."""
    if not gone:
        return values + added
    values = list(values)
    for place in sorted(gone, reverse=True):
        del values[place]
    values.extend(added)
    return values
