"""The edges into each node of a kept shape (an index by target), kept with the shape and carried
to the shape an edit patches from it.

The passes computed again after an edit (see _kept_passes) read a node's incoming edges, and the
edges are ordered by source. Sorting 220,000 targets costs a 100,000-task plan about 10 ms, and
scanning them for one node about 0.07 ms, where an indent reaches some 250 nodes. So the index made
for a shape is remembered by the identity of its targets array (a kept shape's arrays are never
written to), and a shape patched from another (a link added or removed, a task added, a leaf
moved: see _shape, _shape_grown, _shape_moved) can take the last one's index with its edges moved
to their new places and its new edges merged in (about half a sort). That is done when the passes
first want it: an edit that reaches a few nodes scans for them instead. The nodes keep their order
through every such patch (gates come or go, the others keep their order), so the index carried is
the one a stable sort by target gives (a test compares them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

Index = tuple[np.ndarray, np.ndarray]  # edges sorted by target (stable), and each node's span in them
NO_EDGES = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class _Patch:
    """How a patched shape's edges came from the old shape's (see `carry`)."""

    old_targets: np.ndarray
    old_nodes: int
    removed: np.ndarray
    inserted: np.ndarray
    n_nodes: int  # the new shape's


# (targets array, its index or patch), the most recently made or used first: the plan's shape before
# a run of edits and their undos is indexed once, though every edit's patched shape comes after it.
_KNOWN: list[tuple[np.ndarray, Index | _Patch]] = []
_SIZE = 4  # two kept shapes, an edit's and the one before, and a shape or two patched from them


def known(targets: np.ndarray) -> Index | None:
    """The index made for this very targets array, if any (one carried but not made yet is not)."""
    found = _entry(targets)
    if not isinstance(found, tuple):
        return None
    _remember(targets, found)
    return found


def can_carry(targets: np.ndarray) -> bool:
    """Can this targets array's index be carried from another's (cheaper than sorting)?"""
    return isinstance(_entry(targets), _Patch)


def index_of(targets: np.ndarray, n_nodes: int) -> Index:
    """The index of these targets: made already, carried from the shape patched, or sorted."""
    found = _entry(targets)
    if isinstance(found, tuple):
        _remember(targets, found)  # used again: kept the longest
        return found
    if isinstance(found, _Patch) and _entry(found.old_targets) is not None:
        return _made(targets, _carried(index_of(found.old_targets, found.old_nodes), found, targets))
    n_nodes = found.n_nodes if isinstance(found, _Patch) else n_nodes
    return _made(targets, (np.argsort(targets, kind="stable"), _offsets(targets, n_nodes)))


def carry(old: tuple[np.ndarray, int], new: tuple[np.ndarray, int], removed: np.ndarray, inserted: np.ndarray) -> None:
    """Note that the new shape's targets (and node count) are the old shape's without the edges at
    `removed` (sorted positions) and with new edges put in before the old positions `inserted`
    (sorted, ties in their order), the nodes renumbered keeping their order."""
    _remember(new[0], _Patch(old[0], old[1], removed, inserted, new[1]))


class Splice(NamedTuple):
    """How a patched shape's edges came from the old shape's, by position: the old targets (by
    identity), which old edges were kept (in order, they fill the new places not `added`), and the
    new edges' places in the new shape."""

    old_targets: np.ndarray
    kept: np.ndarray
    added: np.ndarray

    def column(self, old: np.ndarray, values: np.ndarray) -> np.ndarray:
        """A per-edge column of the new shape: the old shape's kept values, the new edges' `values`."""
        new = np.empty(self.kept.size - int(np.count_nonzero(~self.kept)) + self.added.size, dtype=old.dtype)
        fresh = np.zeros(new.size, dtype=bool)
        fresh[self.added] = True
        new[~fresh] = old[self.kept]
        new[self.added] = values
        return new


def splice_of(targets: np.ndarray) -> Splice | None:
    """How this targets array's shape was patched from another, if it was and that is still known."""
    found = _entry(targets)
    if not isinstance(found, _Patch):
        return None
    kept = np.ones(found.old_targets.size, dtype=bool)
    kept[found.removed] = False
    return Splice(found.old_targets, kept, _added(found))


def _added(patch: _Patch) -> np.ndarray:
    """The new edges' places in the patched shape."""
    inserted = patch.inserted
    return inserted - np.searchsorted(patch.removed, inserted) + np.arange(inserted.size, dtype=np.int64)


def _carried(old: Index, patch: _Patch, targets: np.ndarray) -> Index:
    """The old index with its edges moved to their new places and the new edges merged in."""
    removed, inserted = patch.removed, patch.inserted
    shift = np.zeros(patch.old_targets.size + 1, dtype=np.int64)
    np.subtract.at(shift, removed + 1, 1)  # each removed edge moves the later ones down
    np.add.at(shift, inserted, 1)  # each new edge moves the old ones from its place on up
    new_of_old = np.arange(patch.old_targets.size, dtype=np.int64) + np.cumsum(shift)[:-1]
    new_of_old[removed] = -1
    moved = new_of_old[old[0]]
    moved = moved[moved >= 0]
    added = _added(patch)
    ends = targets[added]
    order = np.lexsort((added, ends))
    added, ends = added[order], ends[order]
    offsets = _offsets(targets, patch.n_nodes)
    at = []  # each new edge's place in `moved`: among its target's edges, by position
    for edge, target in zip(added.tolist(), ends.tolist()):
        start = int(offsets[target]) - int(np.searchsorted(ends, target))
        end = int(offsets[target + 1]) - int(np.searchsorted(ends, target, "right"))
        at.append(start + int(np.searchsorted(moved[start:end], edge)))
    return np.insert(moved, at, added), offsets


def _entry(targets: np.ndarray) -> Index | _Patch | None:
    return next((value for array, value in list(_KNOWN) if array is targets), None)


def _made(targets: np.ndarray, index: Index) -> Index:
    for column in index:
        column.flags.writeable = False
    _remember(targets, index)
    return index


def _remember(targets: np.ndarray, value: Index | _Patch) -> None:
    _KNOWN[:] = [(targets, value)] + [entry for entry in list(_KNOWN) if entry[0] is not targets][: _SIZE - 1]


def _offsets(targets: np.ndarray, n_nodes: int) -> np.ndarray:
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(targets, minlength=n_nodes), out=offsets[1:])
    return offsets
