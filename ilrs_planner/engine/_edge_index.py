"""The edges into each node of a kept shape (an index by target), kept with the shape and carried
to the shape an edit patches from it.

The passes computed again after an edit (see _kept_passes) read a node's incoming edges, and the
edges are ordered by source. Sorting 220,000 targets costs a 100,000-task plan about 10 ms, and
scanning them for one node about 0.07 ms, where an indent reaches some 250 nodes. So the index made
for a shape is remembered by the identity of its targets array (a kept shape's arrays are never
written to), and a shape patched from another (a link added or removed, a task added, a leaf
moved: see _shape, _shape_grown, _shape_moved) takes the last one's index with its edges moved to
their new places and its new edges merged in, in a few milliseconds. The nodes keep their order
through every such patch (gates come or go, the others keep their order), so the index carried is
the one a stable sort by target gives (a test compares them).
"""

from __future__ import annotations

import numpy as np

Index = tuple[np.ndarray, np.ndarray]  # edges sorted by target (stable), and each node's span in them

_KNOWN: list[tuple[np.ndarray, Index]] = []  # (targets array, its index), the most recent first
_SIZE = 4  # two kept shapes, an edit's and the one before, and a shape or two patched from them


def known(targets: np.ndarray) -> Index | None:
    """The index remembered for this very targets array, if any."""
    return next((index for array, index in list(_KNOWN) if array is targets), None)


def index_of(targets: np.ndarray, n_nodes: int) -> Index:
    """The index of these targets: remembered, or made by a stable sort and remembered."""
    found = known(targets)
    if found is None:
        found = _remember(targets, (np.argsort(targets, kind="stable"), _offsets(targets, n_nodes)))
    return found


def carry(old_targets: np.ndarray, new_targets: np.ndarray, n_nodes: int, removed: np.ndarray,
          inserted: np.ndarray) -> None:
    """Remember for `new_targets` the old shape's index (when remembered) with its edges moved.

    The new edges are the old ones without those at `removed` (sorted positions), and with new
    edges put in before the old positions `inserted` (sorted, ties in their order), the nodes
    renumbered keeping their order.
    """
    old = known(old_targets)
    if old is None:
        return
    everything = np.arange(old_targets.size, dtype=np.int64)
    new_of_old = everything - np.searchsorted(removed, everything) + np.searchsorted(inserted, everything, "right")
    new_of_old[removed] = -1
    added = inserted - np.searchsorted(removed, inserted) + np.arange(inserted.size, dtype=np.int64)
    moved = new_of_old[old[0]]
    moved = moved[moved >= 0]
    scale = max(new_targets.size, 1)
    added = added[np.argsort(new_targets[added] * scale + added)]
    at = np.searchsorted(new_targets[moved] * scale + moved, new_targets[added] * scale + added)
    _remember(new_targets, (np.insert(moved, at, added), _offsets(new_targets, n_nodes)))


def forget() -> None:
    _KNOWN.clear()


def _remember(targets: np.ndarray, index: Index) -> Index:
    for column in index:
        column.flags.writeable = False
    _KNOWN[:] = [(targets, index)] + [entry for entry in list(_KNOWN) if entry[0] is not targets][: _SIZE - 1]
    return index


def _offsets(targets: np.ndarray, n_nodes: int) -> np.ndarray:
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(targets, minlength=n_nodes), out=offsets[1:])
    return offsets
