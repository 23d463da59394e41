"""Vectorised passes: the network cut into levels (longest chain of edges from a source), numpy per level.

Every edge runs from a lower level to a higher one, so all edges into one level can be relaxed at
once (forward) and all edges out of one level at once (backward). The cost is a handful of numpy
calls per level plus a little per edge, against about a microsecond per edge for the plain loops
in cpm: far faster on wide plans, far slower on a single long chain. `levels()` therefore gives up
once the levels outnumber a budget, and the caller falls back to the loops.
"""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._moments import Settling, handed_ends
from ._network import Network
from ._recent import Recent
from ._summary_starts import least_nodes, no_bound

# An edit's levels and the one's before it (for its undo and redo), as _shape keeps their shapes.
_LEVELS: Recent[tuple[np.ndarray, np.ndarray] | None] = Recent(size=2)
_ORDERS: Recent[tuple[np.ndarray, np.ndarray]] = Recent(size=4)  # forward, backward and gate keys, ALAP's too


def levels(net: Network, budget: int) -> tuple[np.ndarray, np.ndarray] | None:
    """(level of each node, nodes in level order), or None past `budget` levels (read-only arrays).

    On a loop the returned order is short: it holds only the nodes outside (and before) the loop.
    The passes need no more than every edge running from a lower level to a higher one, so after an
    edit that leaves that true (a link added forward, one removed, a duration changed) the levels
    found last are kept, and with them the orderings the passes made by level (see _grouped).
    """
    def found() -> tuple[np.ndarray, np.ndarray] | None:
        return _still_levelled(net, budget) or level_order(net.offsets, net.targets, net.n_nodes, budget)
    return _LEVELS.get((net.offsets, net.targets), (net.n_nodes, budget), found)


def _still_levelled(net: Network, budget: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The last levels found, when they still level this network (every edge climbs; no loop can)."""
    last = _LEVELS.latest()
    found = last[1] if last is not None else None
    if found is None or found[0].size != net.n_nodes or found[1].size != net.n_nodes or not net.n_nodes:
        return None
    level = found[0]
    if int(level.max()) + 1 > budget:
        return None
    sources = net.edge_sources()
    return found if bool((level[sources] < level[net.targets]).all()) else None


def level_order(offsets: np.ndarray, targets: np.ndarray, n_nodes: int,
                budget: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Kahn's order a level at a time of the graph whose node v leads to targets[offsets[v]:offsets[v + 1]]:
    (level of each node, nodes in level order), None past `budget` levels; on a loop the order holds
    only the nodes outside (and before) it."""
    out_count = np.diff(offsets)
    indegree = np.bincount(targets, minlength=n_nodes)
    level = np.full(n_nodes, -1, dtype=np.int64)
    frontier = np.flatnonzero(indegree == 0)
    parts: list[np.ndarray] = []
    for depth in range(budget + 1):
        if not frontier.size:
            return level, np.concatenate(parts) if parts else frontier
        level[frontier] = depth
        parts.append(frontier)
        counts = out_count[frontier]
        total = int(counts.sum())
        if not total:
            frontier = frontier[:0]
            continue
        ends = np.cumsum(counts)
        reached = targets[np.repeat(offsets[frontier] - ends + counts, counts) + np.arange(total)]
        np.subtract.at(indegree, reached, 1)
        reached = _distinct(reached)
        frontier = reached[indegree[reached] == 0]
    return None


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: `np.unique`'s answer, which on a few thousand integers costs it
    twenty times a sort (it hashes them first), paid once per level."""
    ordered = np.sort(values)
    keep = np.ones(ordered.size, dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _grouped(key: np.ndarray, n_levels: int, *columns: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """Columns sorted by `key` (a level per edge) and the slice bounds of each level."""
    bounds, order = _ORDERS.get((key,), n_levels, lambda: _level_order(key, n_levels))
    return bounds, [c[order] for c in columns]


def _level_order(key: np.ndarray, n_levels: int) -> tuple[np.ndarray, np.ndarray]:
    """(slice bounds of each level, the order that sorts `key`, stably)."""
    small = key.astype(np.int32 if n_levels >= 2**15 else np.int16)  # radix sort for small keys
    order = np.argsort(small, kind="stable")
    return np.searchsorted(key[order], np.arange(n_levels + 1)), order


def _crossing_ids(net: Network) -> np.ndarray:
    """Per edge: its crossing number (see _crossings), or -1 for a plain `+ weight` edge."""
    if net.crossings is None:
        return np.full(net.targets.size, -1, dtype=np.int64)
    return net.crossings.ids(net.targets.size)


class _Crossed:
    """Where, in edges grouped by level, the crossings sit, so each level converts only its own."""

    def __init__(self, net: Network, cross: np.ndarray):
        self.crossings = net.crossings
        self.cross = cross
        self.at = np.flatnonzero(cross >= 0)

    def in_slice(self, a: int, b: int) -> np.ndarray:
        if self.crossings is None or not self.at.size:
            return self.at[:0]
        return self.at[np.searchsorted(self.at, a):np.searchsorted(self.at, b)]


def forward(net: Network, level: np.ndarray, n_levels: int, ends: np.ndarray | None = None) -> np.ndarray:
    """Early starts: each level's incoming edges relaxed at once. Fixed nodes ignore their links.

    `ends` (per node, its fixed milestones' moments set): filled with each node's moment of day,
    which links out of milestones across calendars read (see _moments)."""
    sources = net.edge_sources()
    fixed = net.fixed > -BIG
    least = least_nodes(net)
    early = np.where(fixed, net.fixed, no_bound(net, least))
    binding = ~fixed[net.targets]
    columns = [sources[binding], net.targets[binding], net.weights[binding], _crossing_ids(net)[binding]]
    if ends is not None:
        columns.append(np.flatnonzero(binding))
    bounds, grouped = _grouped(level[net.targets[binding]], n_levels, *columns)
    src, dst, weight, cross = grouped[:4]
    crossed = _Crossed(net, cross)
    settle = Settling(net, least) if ends is not None else None
    to_least = least[dst] if least.any() else None
    for depth in range(1, n_levels):
        a, b = bounds[depth], bounds[depth + 1]
        if a < b:
            bound = early[src[a:b]] + weight[a:b]
            hands_end = handed_ends(net, grouped[4][a:b], ends) if ends is not None else None
            at = crossed.in_slice(a, b)
            if at.size and net.crossings is not None:
                if ends is None:
                    bound[at - a] = net.crossings.forward(early[src[at]], cross[at])
                else:
                    assert hands_end is not None
                    bound[at - a], hands_end[at - a] = net.crossings.forward_at(
                        early[src[at]], cross[at], ends[src[at]], hands_end[at - a])
            if to_least is None:
                np.maximum.at(early, dst[a:b], bound)
            else:  # a summary's least-start gate takes the least bound (see _summary_starts)
                m = to_least[a:b]
                np.maximum.at(early, dst[a:b][~m], bound[~m])
                np.minimum.at(early, dst[a:b][m], bound[m])
            if settle is not None and hands_end is not None and ends is not None:
                settle.level(early, ends, dst[a:b], bound, hands_end)
    return early


def backward(net: Network, level: np.ndarray, n_levels: int, early: np.ndarray,
             caps: np.ndarray, ends: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Late starts and free floats (with gate carry, as in cpm._backward), level by level from the end
    (`ends`: per node, the forward pass's moments, see _loops.backward)."""
    n = len(net.task_ids)
    sources = net.edge_sources()
    weights = np.where(net.live, net.weights, -BIG)
    bounds, (src, dst, weight, cross, live) = _grouped(level[sources], n_levels, sources, net.targets, weights,
                                                       _crossing_ids(net), net.live)
    crossed = _Crossed(net, cross)
    gate_nodes = np.arange(n, net.n_nodes)
    gate_bounds, (gates,) = _grouped(level[gate_nodes], n_levels, gate_nodes)
    late = caps.copy()
    free = np.full(net.n_nodes, BIG, dtype=np.int64)
    carry = np.zeros(net.n_nodes, dtype=np.int64)
    carry[n:] = BIG
    for depth in range(n_levels - 1, -1, -1):
        a, b = bounds[depth], bounds[depth + 1]
        if a < b:
            u, v, w = src[a:b], dst[a:b], weight[a:b]
            latest, slack = late[v] - w, early[v] - early[u] - w + carry[v]
            at = crossed.in_slice(a, b)
            if at.size and net.crossings is not None:
                v = dst[at]
                at_start = None if ends is None else np.concatenate([~ends[v] & (late[v] == early[v]), ~ends[v]])
                through = net.crossings.backward(np.concatenate([late[v], early[v] + carry[v]]),
                                                 np.concatenate([cross[at], cross[at]]), at_start)
                dead = ~live[at]
                latest[at - a] = np.where(dead, BIG, through[:at.size])
                slack[at - a] = np.where(dead, BIG, through[at.size:] - early[src[at]])
            np.minimum.at(late, u, latest)
            np.minimum.at(free, u, slack)
        g = gates[gate_bounds[depth]:gate_bounds[depth + 1]]
        carry[g] = free[g]
    return late, free
