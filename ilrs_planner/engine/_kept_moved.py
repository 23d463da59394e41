"""Kept passes carried over to a network whose gate nodes an outline edit renumbered.

Indenting a task under the task above it makes that task a summary, which takes gate nodes of its
own (see _shape_moved); its undo, or an outdent, takes them away. The gates after them, numbered
after the tasks kind by kind, move up or down, so the kept passes (see _kept_passes) match no
network by their nodes and the full passes ran, though the edit reached a handful of nodes. Here
the kept record is written in the new numbering, as _kept_renumbered does for a task added at the
end: a new gate holds UNKNOWN as its bound, cap and dates, so it is computed again; an edge to or
from a gate that is gone is dropped, its target marked for the forward pass and its source for the
backward pass; the new gates take ranks after their predecessors', and a node an edge now enters
from a rank not below its own is raised with what follows it (while that stays small). Every other
input is then compared as for a network with the same nodes, and the result is the full passes' to
the day (the property tests compare both).
"""

from __future__ import annotations

from collections import deque

import numpy as np

from ._kept_passes import MOST_NODES, PassRecord
from ._kept_renumbered import UNKNOWN
from ._network import Network
from ._shape_parts import Renumbering

_MOST_RANK = 2**60  # ranks are doubled at each carry: past this, the full passes number them again


def regated(record: PassRecord, net: Network) -> PassRecord | None:
    """The record in `net`'s numbering when `net` has the record's tasks and their gates but for a
    few gates come or gone; None otherwise."""
    assert record.caps is not None and record.late is not None and record.free is not None
    assert record.open_weights is not None, "a kept pass is kept with its backward pass"
    n = len(net.task_ids)
    if net.crossings is not None or record.n_tasks != n or set(record.gates) != set(net.gates):
        return None
    patched = Renumbering.of(record.offsets, record.targets, net.targets)  # by the shape's patch (see _shape_moved)
    node_map = _node_map(record, net) if patched is None else _counted(patched.node_map, net.n_nodes)
    if node_map is None:
        return None
    ends = (node_map[np.repeat(np.arange(node_map.size), np.diff(record.offsets))], node_map[record.targets]) \
        if patched is None else (patched.sources, patched.targets)
    offsets, targets, kept, lost = _edges(ends, net.n_nodes)
    old_of_new = np.full(net.n_nodes, record.node_task.size, dtype=np.int64)  # past the end: a new node
    old_of_new[node_map[node_map >= 0]] = np.flatnonzero(node_map >= 0)
    base, caps, fixed, early, late, free = (_moved(values, old_of_new) for values in (
        record.base, record.caps, record.fixed, record.early, record.late, record.free))
    base[lost[1]] = UNKNOWN  # lost a predecessor: computed again forward
    caps[lost[0]] = UNKNOWN  # lost a successor: computed again backward
    rank = _ranks(record.rank, node_map, net)
    if rank is None:
        return None
    least = np.zeros(net.n_nodes, dtype=bool)
    least[node_map[node_map >= 0]] = record.least[node_map >= 0]
    return PassRecord(offsets, targets, net.node_task, net.gates, n, record.weights[kept], base, fixed, least,
                      rank, early, caps, record.open_weights[kept], late, free, carried=True, ordered=net.targets)


def _node_map(record: PassRecord, net: Network) -> np.ndarray | None:
    """Each old node's number in `net` (-1: a gate gone), when few gates came or went."""
    n = record.n_tasks
    node_map = np.full(record.node_task.size, -1, dtype=np.int64)
    node_map[:n] = np.arange(n)
    changes = 0
    for kind, old in record.gates.items():
        new = net.gates[kind]
        both = (old >= 0) & (new >= 0)
        changes += int(np.count_nonzero((old >= 0) != (new >= 0)))
        node_map[old[both]] = new[both]
    return node_map if 0 < changes <= _MOST_CHANGES else None  # else the same nodes (see KeptPasses.prior)


_MOST_CHANGES = 16  # gates come or gone past which the full passes number the nodes again


def _counted(node_map: np.ndarray, n_nodes: int) -> np.ndarray | None:
    """The patched shape's node map, when few gates came or went (as _node_map)."""
    gone = int(np.count_nonzero(node_map < 0))
    changes = gone + n_nodes - (node_map.size - gone)
    return node_map if 0 < changes <= _MOST_CHANGES else None


def _moved(values: np.ndarray, old_of_new: np.ndarray) -> np.ndarray:
    """Per-node values in the new numbering (`old_of_new`: each new node's old number, the old
    count for a new node), which holds UNKNOWN: one gather, where a fill and a scatter took three
    passes over the nodes."""
    return np.asarray(np.append(values, np.array([UNKNOWN], dtype=values.dtype))[old_of_new])


def _edges(ends: tuple[np.ndarray, np.ndarray],
           n_nodes: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """(offsets, targets) of the old edges in the new numbering (`ends`: their sources and targets
    renumbered, -1 for a gate gone), which old edges are kept, and the new numbers of the ends of
    the edges that went with a gate: (their sources, their targets)."""
    new_sources, new_targets = ends
    kept = (new_sources >= 0) & (new_targets >= 0)
    lost_sources = new_sources[(new_sources >= 0) & (new_targets < 0)]
    lost_targets = new_targets[(new_sources < 0) & (new_targets >= 0)]
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(new_sources[kept], minlength=n_nodes), out=offsets[1:])
    return offsets, new_targets[kept], kept, (lost_sources, lost_targets)


def _ranks(rank: np.ndarray, node_map: np.ndarray, net: Network) -> np.ndarray | None:
    """The kept ranks doubled, the new nodes' after their predecessors', and nodes an edge enters
    from a rank not below theirs raised with what follows them, so that every edge of `net` climbs
    them; None past MOST_NODES raised."""
    if rank.size and int(rank.max()) >= _MOST_RANK // 4:
        return None
    ranks = np.full(net.n_nodes, UNKNOWN, dtype=np.int64)
    kept = node_map >= 0
    ranks[node_map[kept]] = rank[kept] * 2
    sources = net.edge_sources()
    fresh = ranks == UNKNOWN
    ranks[fresh] = 0
    into_fresh = np.flatnonzero(fresh[net.targets])
    tails, heads = sources[into_fresh], net.targets[into_fresh]
    for _ in range(int(np.count_nonzero(fresh)) + 1):  # a new node after another: its rank follows next round
        np.maximum.at(ranks, heads, ranks[tails] + 1)
    late = np.flatnonzero(ranks[sources] >= ranks[net.targets])
    return _raised(ranks, net, sources[late], net.targets[late])


def raised(rank: np.ndarray, net: Network) -> np.ndarray | None:
    """The kept ranks (not changed) with the heads of the edges that no longer climb them raised,
    and what follows them (an edge added against the kept order, a leaf moved under another
    summary); None past MOST_NODES raised."""
    sources = net.edge_sources()
    late = np.flatnonzero(rank[sources] >= rank[net.targets])
    return _raised(rank.copy(), net, sources[late], net.targets[late])


def _raised(ranks: np.ndarray, net: Network, tails: np.ndarray, heads: np.ndarray) -> np.ndarray | None:
    """The ranks with each head raised above its tail and whatever follows it above it in turn."""
    queue = deque(zip(tails.tolist(), heads.tolist()))
    raised = 0
    while queue:
        tail, head = queue.popleft()
        if ranks[head] > ranks[tail]:
            continue
        ranks[head] = ranks[tail] + 1
        raised += 1
        if raised > MOST_NODES:
            return None  # a long way to raise, or a loop: the full passes order the nodes again
        queue.extend((head, after) for after in net.targets[net.offsets[head]:net.offsets[head + 1]].tolist())
    return ranks
