"""The last passes kept, and after an edit only the nodes it reached computed again.

An edit to one task moves the early dates of its successors at most, and the late dates of its
predecessors: on a 100,000-task plan a handful of nodes, where the whole passes walk 200,000 edges
level by level. So the inputs and results of the last passes are kept, and when the network has
the same nodes (the same tasks and gates: a duration, a lag, a constraint, an actual date or a link
between two tasks changed, or an undo or redo of one), the inputs are compared with those kept: the
nodes whose own bound changed, or an edge into them, are computed again in topological order (the
kept one, while every edge still climbs it), and
so is every node one of them moved, as the full pass computes it (its bound, then the greatest of
its incoming edges', or the least into a summary's least-start gate; a fixed node its date). The
backward pass does the same in reverse from the nodes whose cap, outgoing edges or early date
changed. A node no change reached has the inputs it had, so its dates are those kept; the result
is the full passes' to the day. When the change reaches more than a few thousand nodes (the
project finish moved, and with it every late date it bounds), or a new shape more than a hundred
or so (see _kept_edges), the full pass runs instead.

Only networks on one calendar each way are kept (no crossings: see _crossings); the passes are
compared with their full runs by the property tests.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._bounds import BIG
from ._kept_edges import EdgeIndex, changed_sources, reached_by
from ._network import Network
from ._summary_starts import least_nodes

MOST_NODES = 3000  # past this many nodes computed again, the full pass costs less


@dataclass(slots=True)
class PassRecord:
    """One network's pass inputs (copies) and results; `rank` orders the nodes topologically."""

    offsets: np.ndarray  # the shape's arrays (read-only, shared), compared first by identity
    targets: np.ndarray
    node_task: np.ndarray
    gates: dict[str, np.ndarray]
    n_tasks: int
    weights: np.ndarray
    base: np.ndarray
    fixed: np.ndarray
    least: np.ndarray
    rank: np.ndarray
    early: np.ndarray
    caps: np.ndarray | None = None
    open_weights: np.ndarray | None = None  # the weights the backward pass read: -BIG on a dead edge
    late: np.ndarray | None = None
    free: np.ndarray | None = None
    carried: bool = False  # carried over from another numbering (see _kept_renumbered): ranks not checked
    ordered: np.ndarray | None = None  # the targets of a network every edge of which climbs `rank` (made so)

    def same_shape(self, net: Network) -> bool:
        return self.same_nodes(net) and _same(self.offsets, net.offsets) and _same(self.targets, net.targets)

    def same_nodes(self, net: Network) -> bool:
        return net.crossings is None and self.n_tasks == len(net.task_ids) and _same(self.node_task, net.node_task) \
            and all(_same(self.gates[kind], net.gates[kind]) for kind in self.gates)

    def edges(self, net: Network) -> EdgeIndex:
        """This network's edges by target: indexed for the shape kept (or a shape patched from an
        indexed one, see _edge_index), scanned at first for another."""
        kept = not self.carried and self.same_shape(net)
        return EdgeIndex(net.offsets, net.targets, indexed=kept, sources=net.sources,
                         climbing=kept or self.ordered is net.targets)


def _same(kept: np.ndarray, given: np.ndarray) -> bool:
    return kept is given or (kept.shape == given.shape and bool(np.array_equal(kept, given)))


class KeptPasses:
    """The passes of the last two networks (an edit's, and the as-late-as-possible pass after it)."""

    def __init__(self) -> None:
        self._entries: list[PassRecord] = []

    def prior(self, net: Network) -> PassRecord | None:
        """The kept passes of a network of this shape, else of one with the same nodes, if any."""
        if net.crossings is not None:
            return None
        entries = list(self._entries)
        return next((entry for entry in entries if entry.same_shape(net)), None) or \
            next((entry for entry in entries if entry.same_nodes(net)), None)

    def entries(self) -> list[PassRecord]:
        return list(self._entries)

    def keep(self, entry: PassRecord) -> None:
        self._entries = [entry] + [e for e in self._entries if e is not entry][:1]


def started(net: Network, rank: np.ndarray, early: np.ndarray) -> PassRecord:
    """A record of the forward pass just made (full or again), to be completed by `finished`."""
    return PassRecord(net.offsets, net.targets, net.node_task, net.gates, len(net.task_ids), net.weights.copy(),
                      net.base.copy(), net.fixed.copy(), least_nodes(net), rank, early.copy())


def finished(entry: PassRecord, net: Network, caps: np.ndarray, late: np.ndarray, free: np.ndarray) -> PassRecord:
    """The record with its backward pass (`net`: the network the backward pass read)."""
    entry.caps, entry.open_weights = caps.copy(), _open_weights(net)
    entry.late, entry.free = late.copy(), free.copy()
    return entry


def _open_weights(net: Network) -> np.ndarray:
    return np.asarray(np.where(net.live, net.weights, -BIG))


def forward_again(net: Network, prior: PassRecord,
                  edges: EdgeIndex) -> tuple[np.ndarray, np.ndarray] | None:
    """(early positions, nodes they moved at) from the kept pass, or None when too many to follow."""
    if not edges.climbing and not edges.climbs(prior.rank):
        return None  # an edge added against the kept order: levels are found again
    least = least_nodes(net)
    changed = (net.base != prior.base) | (net.fixed != prior.fixed) | (least != prior.least)
    moved_edges = changed_sources((prior.offsets, prior.targets, prior.weights), edges, net.weights)
    seeds = np.union1d(np.flatnonzero(changed), reached_by((prior.offsets, prior.targets), edges, moved_edges))
    if seeds.size > MOST_NODES:
        return None
    edges.expect(seeds.size)
    early = prior.early.copy()
    moved = _follow(seeds, prior.rank, lambda v: _early_of(net, least, edges, early, v), early,
                    lambda v: net.targets[net.offsets[v]:net.offsets[v + 1]].tolist())
    return (early, np.array(sorted(moved), dtype=np.int64)) if moved is not None else None


def _early_of(net: Network, least: np.ndarray, edges: EdgeIndex, early: np.ndarray, v: int) -> int:
    """Node v's early position from its bound and incoming edges, as the full forward pass finds it."""
    if net.fixed[v] > -BIG:
        return int(net.fixed[v])
    into = edges.into(v)
    if least[v]:
        return int((early[edges.sources[into]] + net.weights[into]).min()) if into.size else BIG
    if not into.size:
        return int(net.base[v])
    return max(int(net.base[v]), int((early[edges.sources[into]] + net.weights[into]).max()))


def backward_again(net: Network, prior: PassRecord, edges: EdgeIndex, early: np.ndarray, moved: np.ndarray,
                   caps: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(late positions, free slack) from the kept pass; `net` as the backward pass reads it, `moved`
    the nodes whose early position changed. None when too many nodes are reached."""
    assert prior.caps is not None and prior.open_weights is not None and prior.late is not None
    assert prior.free is not None, "a kept pass is kept with its backward pass"
    weights = _open_weights(net)
    seeds = np.flatnonzero(caps != prior.caps)
    if seeds.size > MOST_NODES:
        return None
    before = edges.sources[edges.into_any(moved)]
    seeds = np.union1d(np.union1d(seeds, changed_sources((prior.offsets, prior.targets, prior.open_weights), edges,
                                                         weights)), np.union1d(moved, before))
    if seeds.size > MOST_NODES:
        return None
    late, free = prior.late.copy(), prior.free.copy()
    n = prior.n_tasks

    def recompute(u: int) -> tuple[int, int]:
        out = slice(int(net.offsets[u]), int(net.offsets[u + 1]))
        v, w = net.targets[out], weights[out]
        if not v.size:
            return int(caps[u]), BIG
        carry = np.where(v >= n, free[v], 0)
        return min(int(caps[u]), int((late[v] - w).min())), min(BIG, int((early[v] - early[u] - w + carry).min()))

    def store(u: int, value: tuple[int, int]) -> bool:
        moved_late = value[0] != late[u]
        moved_carry = u >= n and value[1] != free[u]
        late[u], free[u] = value
        return bool(moved_late or moved_carry)

    reached = _follow_back(seeds, prior.rank, recompute, store, lambda u: edges.sources[edges.into(u)].tolist())
    return (late, free) if reached else None


def _follow(seeds: np.ndarray, rank: np.ndarray, compute: Callable[[int], int], values: np.ndarray,
            onward: Callable[[int], list[int]]) -> set[int] | None:
    """Compute the seeds again in rank order, and whatever they reach when their value moves."""
    queue = [(int(rank[v]), int(v)) for v in seeds.tolist()]
    heapq.heapify(queue)
    queued = set(seeds.tolist())
    moved: set[int] = set()
    while queue:
        if len(queued) > MOST_NODES:
            return None
        _, v = heapq.heappop(queue)
        value = compute(v)
        if value == values[v]:
            continue
        values[v] = value
        moved.add(v)
        for w in onward(v):
            if w not in queued:
                queued.add(w)
                heapq.heappush(queue, (int(rank[w]), w))
    return moved


def _follow_back(seeds: np.ndarray, rank: np.ndarray, compute: Callable[[int], tuple[int, int]],
                 store: Callable[[int, tuple[int, int]], bool], onward: Callable[[int], list[int]]) -> bool:
    """As _follow, in reverse rank order, through `store` (True when the predecessors must follow)."""
    queue = [(-int(rank[v]), int(v)) for v in seeds.tolist()]
    heapq.heapify(queue)
    queued = set(seeds.tolist())
    while queue:
        if len(queued) > MOST_NODES:
            return False
        _, u = heapq.heappop(queue)
        if not store(u, compute(u)):
            continue
        for w in onward(u):
            if w not in queued:
                queued.add(w)
                heapq.heappush(queue, (-int(rank[w]), w))
    return True
