"""The edges of a kept pass's network as the passes computed again need them (see _kept_passes).

A node computed again reads its incoming edges (the forward pass) and tells its predecessors (the
backward pass), so the edges are wanted by target too: through the index kept with the shape (see
_edge_index), or, for a shape that has none, by scanning the targets for the few nodes an edit
reaches (a link added between two tasks), each scan a pass over the targets, until enough scans
that indexing them costs less.

Between two networks whose nodes mean the same (the same tasks and gates, the same count), the
edges that differ are found per source: a source whose edges are not the same targets with the
same weights in the same order changed, and so did every node its old or new edges reach.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._edge_index import can_carry, index_of, known

# Nodes looked up by scanning all the edges, past which they are indexed: a scan of 220,000 targets
# costs about 0.07 ms, indexing them about 10 ms (about 4 ms carried from the shape before, see
# _edge_index), and the index is kept for the next edit's passes.
SCANS_BEFORE_INDEX = 64
SCANS_BEFORE_CARRY = 16


class EdgeIndex:
    """Each edge's source, and the edges into a node: indexed by target, or found by scanning.
    `climbing`: every edge climbs the kept pass's ranks (they are its own edges, or were checked)."""

    def __init__(self, offsets: np.ndarray, targets: np.ndarray, indexed: bool, sources: np.ndarray | None = None,
                 climbing: bool = False):
        self.n_nodes = offsets.size - 1
        self.offsets, self.targets = offsets, targets
        self.sources = np.repeat(np.arange(self.n_nodes), np.diff(offsets)) if sources is None else sources
        self.climbing = climbing
        self.scans = 0
        found = index_of(targets, self.n_nodes) if indexed else known(targets)
        self.indexed = found is not None
        self.most_scans = SCANS_BEFORE_CARRY if can_carry(targets) else SCANS_BEFORE_INDEX
        self._into, self._into_offsets = found if found is not None else (targets[:0], targets[:0])
        self._aligned: tuple[np.ndarray, np.ndarray, Alignment] | None = None

    def into(self, v: int) -> np.ndarray:
        """The edges into node v."""
        if not self.indexed:
            self.scans += 1
            if self.scans <= self.most_scans:
                return np.flatnonzero(self.targets == v)
            self._into, self._into_offsets = index_of(self.targets, self.n_nodes)
            self.indexed = True
        return np.asarray(self._into[self._into_offsets[v]:self._into_offsets[v + 1]])

    def expect(self, count: int) -> None:
        """The passes will look up at least `count` nodes: when that many scans would lead to
        indexing anyway, index at once rather than after scanning for the first of them (an indent
        starts from some 16 nodes and reaches over a hundred)."""
        if not self.indexed and count >= self.most_scans:
            self._into, self._into_offsets = index_of(self.targets, self.n_nodes)
            self.indexed = True

    def into_any(self, nodes: np.ndarray) -> np.ndarray:
        """The edges into any of these nodes."""
        if self.indexed:
            return np.asarray(self._into[spans(self._into_offsets, nodes)])
        wanted = np.zeros(self.offsets.size, dtype=bool)
        wanted[nodes] = True
        return np.flatnonzero(wanted[self.targets])

    def aligned(self, old_offsets: np.ndarray, old_targets: np.ndarray) -> Alignment:
        """These edges set beside an old network's of the same nodes (see `Alignment`), found once for
        both passes, which compare their different weights through it."""
        known = self._aligned
        if known is None or known[0] is not old_offsets or known[1] is not old_targets:
            known = self._aligned = (old_offsets, old_targets, _align(old_offsets, old_targets, self))
        return known[2]

    def climbs(self, rank: np.ndarray) -> bool:
        """Does every edge run from a lower rank to a higher one (so `rank` orders this network)?"""
        return bool((rank[self.sources] < rank[self.targets]).all())


def spans(offsets: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """The positions offsets[v]:offsets[v+1] of every node v given, concatenated."""
    if not nodes.size:
        return nodes
    counts = offsets[nodes + 1] - offsets[nodes]
    total = int(counts.sum())
    ends = np.cumsum(counts)
    return np.asarray(np.repeat(offsets[nodes] - ends + counts, counts) + np.arange(total))


class Alignment(NamedTuple):
    """A network's edges set beside an old network's of the same nodes: the nodes whose edges differ
    in count or targets (`changed`), and for each edge of a node with as many edges as before, its
    old place (`at`; 0 for the others, where `alike` is False)."""

    changed: np.ndarray
    alike: np.ndarray
    at: np.ndarray


def _align(old_offsets: np.ndarray, old_targets: np.ndarray, new: EdgeIndex) -> Alignment:
    changed = np.diff(old_offsets) != np.diff(new.offsets)
    if not (old_targets.size and new.targets.size):
        return Alignment(changed, np.zeros(new.targets.size, dtype=bool), np.zeros(new.targets.size, dtype=np.int64))
    alike = ~changed[new.sources]  # the same count of edges: compared one by one, in order
    at = np.where(alike, old_offsets[new.sources] + np.arange(new.targets.size) - new.offsets[new.sources], 0)
    changed[new.sources[alike & (old_targets[at] != new.targets)]] = True
    return Alignment(changed, alike, at)


def changed_sources(old: tuple[np.ndarray, np.ndarray, np.ndarray], new: EdgeIndex,
                    weights: np.ndarray) -> np.ndarray:
    """The nodes whose outgoing edges differ from the old network's ((offsets, targets, weights)),
    in targets, count, order or weight; both networks have the same nodes."""
    old_offsets, old_targets, old_weights = old
    if old_offsets is new.offsets and old_targets is new.targets:
        return np.unique(new.sources[old_weights != weights])
    changed, alike, at = new.aligned(old_offsets, old_targets)
    if not old_targets.size:
        return np.flatnonzero(changed)
    reweighed = new.sources[alike & (old_weights[at] != weights)]
    if not reweighed.size:
        return np.flatnonzero(changed)
    changed = changed.copy()
    changed[reweighed] = True
    return np.flatnonzero(changed)


def reached_by(old: tuple[np.ndarray, np.ndarray], new: EdgeIndex, nodes: np.ndarray) -> np.ndarray:
    """The nodes that these nodes' edges reach, in the old network ((offsets, targets)) or the new."""
    return np.union1d(old[1][spans(old[0], nodes)], new.targets[spans(new.offsets, nodes)])
