"""A directed graph of numbered nodes that keeps a topological order of itself as edges come and go.

With such an order, whether a new edge x → y closes a loop is answered at once when x comes
before y (every path runs forward in the order), and otherwise by a search from y among the nodes
no later than x. Adding an edge that runs backwards moves only the nodes between its ends (Pearce
and Kelly's dynamic topological order, 2006); removing one never spoils the order. A node's rank
is a number, not necessarily a whole one: a node added later slots in between two others.

The edges given at the start are kept as flat lists (two lists, not one per node: a plan's graph has
hundreds of thousands of nodes, and the garbage collector walks every list object); a node whose
edges change afterwards, or that is added later, gets its own list.
"""

from __future__ import annotations

import numpy as np

from ..engine._levels import level_order

LEVELS_AT_MOST = 2000  # beyond this many levels Kahn's loop in Python is the quicker


class _Adjacency:
    """Each node's neighbours one way: the starting edges packed, changed nodes in lists of their own."""

    def __init__(self, n_nodes: int, offsets: np.ndarray, targets: np.ndarray):
        self.offsets: list[int] = offsets.tolist()
        self.targets: list[int] = targets.tolist()
        self.packed = n_nodes  # nodes from here on were added later and have lists of their own
        self.changed: dict[int, list[int]] = {}

    def __call__(self, node: int) -> list[int]:
        own = self.changed.get(node)
        if own is not None:
            return own
        return self.targets[self.offsets[node]:self.offsets[node + 1]] if node < self.packed else []

    def own(self, node: int) -> list[int]:
        """The node's list, made its own first so that it can change."""
        if node not in self.changed:
            self.changed[node] = self(node)
        return self.changed[node]


def _packed(n_nodes: int, heads: np.ndarray, tails: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, targets): node v's neighbours are targets[offsets[v]:offsets[v + 1]]."""
    order = np.argsort(heads, kind="stable")
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(heads, minlength=n_nodes), out=offsets[1:])
    return offsets, tails[order]


def _by_levels(starts: np.ndarray, tails: np.ndarray, n_nodes: int) -> list[float] | None:
    """Each node's place in Kahn's order found a level at a time in numpy (engine's level_order): a
    plan's graph has a few hundred levels, each a handful of array operations (Kahn's loop, node by
    node, took 0.2-0.4 s at 100,000 tasks). None on a loop, or past LEVELS_AT_MOST levels (a long
    chain: the loop is quicker)."""
    found = level_order(starts, tails, n_nodes, LEVELS_AT_MOST - 1)
    if found is None or found[1].size < n_nodes:
        return None  # too many levels, or the nodes left wait on each other: a loop
    rank = np.empty(n_nodes, dtype=np.float64)  # floats, as ranks added later are
    rank[found[1]] = np.arange(n_nodes)
    ranks: list[float] = rank.tolist()
    return ranks


class DynamicOrder:
    """Nodes 0..n-1 and edges between them; `rank` is a topological order, None while there is a loop."""

    def __init__(self, n_nodes: int, sources: np.ndarray, targets: np.ndarray):
        offsets, heads = _packed(n_nodes, sources, targets)
        self.successors = _Adjacency(n_nodes, offsets, heads)
        self.predecessors = _Adjacency(n_nodes, *_packed(n_nodes, targets, sources))
        waiting = np.bincount(targets, minlength=n_nodes)
        self.rank: list[float] | None = _by_levels(offsets, heads, n_nodes)
        if self.rank is None:  # a loop, or too many levels for numpy to be quicker: node by node
            self.rank = self._kahn(waiting.tolist())

    def _kahn(self, waiting: list[int]) -> list[float] | None:
        """Each node's place in a topological order (Kahn's), or None if the graph has a loop."""
        n_nodes = len(waiting)
        ready = [v for v in range(n_nodes) if not waiting[v]]
        offsets, targets = self.successors.offsets, self.successors.targets
        rank: list[float] = [0] * n_nodes
        placed = 0
        while ready:
            u = ready.pop()
            rank[u], placed = placed, placed + 1
            for k in range(offsets[u], offsets[u + 1]):
                v = targets[k]
                waiting[v] -= 1
                if not waiting[v]:
                    ready.append(v)
        return rank if placed == n_nodes else None

    def add_node(self, rank: float) -> int:
        """A new node without edges, at `rank` in the order; its number."""
        assert self.rank is not None, "nodes are added only while there is an order"
        self.rank.append(rank)
        return len(self.rank) - 1

    def reaches(self, start: int, goal: int) -> bool:
        """Is there a path start → … → goal? (Asked only while there is no loop.)"""
        assert self.rank is not None, "a graph with a loop has no order to search by"
        if start == goal:
            return True
        low, high = self.rank[start], self.rank[goal]
        return low < high and goal in self._region(start, self.successors, low, high, stop=goal)

    def add_edge(self, x: int, y: int) -> None:
        """Add x → y, moving the nodes between them in the order if it runs backwards."""
        self.successors.own(x).append(y)
        self.predecessors.own(y).append(x)
        rank = self.rank
        if rank is None or rank[x] < rank[y]:
            return
        low, high = rank[y], rank[x]
        ahead = self._region(y, self.successors, low, high, stop=x)
        if x in ahead:
            self.rank = None  # the new edge closes a loop: no order exists any more
            return
        behind = self._region(x, self.predecessors, low, high)
        by_rank = rank.__getitem__
        places = sorted(map(by_rank, ahead | behind))
        for node, place in zip(sorted(behind, key=by_rank) + sorted(ahead, key=by_rank), places):
            rank[node] = place

    def remove_edge(self, x: int, y: int) -> None:
        """Remove one edge x → y (an order stays an order without it)."""
        self.successors.own(x).remove(y)
        self.predecessors.own(y).remove(x)

    def _region(self, start: int, step: _Adjacency, low: float, high: float, stop: int | None = None) -> set[int]:
        """The nodes reached from `start` along `step` without leaving the ranks low..high (the
        search ends early once it meets `stop`)."""
        rank = self.rank
        assert rank is not None
        found, stack = {start}, [start]
        while stack:
            for v in step(stack.pop()):
                if v not in found and low <= rank[v] <= high:
                    found.add(v)
                    if v == stop:
                        return found
                    stack.append(v)
        return found
