"""Plain passes: Kahn's order with the forward pass in one sweep, then the backward pass, in Python.

About a microsecond per edge whatever the plan's shape; used for small plans and for plans too
deep (long chains) for the numpy level passes in _levels to pay off. Both give the same result.
"""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._network import Network
from ._summary_starts import least_nodes, no_bound


def forward(net: Network) -> tuple[list[int], list[int]]:
    """Kahn's topological order and the early starts, in one sweep over the edges."""
    offsets, targets, weights = net.offsets.tolist(), net.targets.tolist(), net.weights.tolist()
    crossing = _crossing_of(net)
    through = net.crossings.scalar().forward if net.crossings is not None else _no_crossing
    indegree = np.bincount(net.targets, minlength=net.n_nodes).tolist()
    least = least_nodes(net)
    early, fixed = no_bound(net, least).tolist(), net.fixed.tolist()
    special = dict.fromkeys(np.flatnonzero(least[net.targets]).tolist(), -1) | crossing
    least_set = set(np.flatnonzero(least).tolist())
    ready = [v for v in range(net.n_nodes) if not indegree[v]]
    ready.reverse()  # pop() then takes nodes in plan order, which keeps results reproducible
    order: list[int] = []
    push, pop, emit = ready.append, ready.pop, order.append
    while ready:
        u = pop()
        emit(u)
        start = fixed[u]
        if start > -BIG:
            early[u] = start  # MSO, MFO and actual dates win over the links
        else:
            start = early[u]
        for k in range(offsets[u], offsets[u + 1]):
            v = targets[k]
            if k not in special:
                bound = start + weights[k]
                if bound > early[v]:
                    early[v] = bound
            else:  # a crossing between calendars, or an edge into a summary's least-start gate
                c = special[k]
                bound = start + weights[k] if c < 0 else through(c, start)
                if (bound < early[v]) if v in least_set else (bound > early[v]):
                    early[v] = bound
            indegree[v] -= 1
            if not indegree[v]:
                push(v)
    return order, early


def backward(net: Network, order: list[int], early: list[int], caps: np.ndarray,
             ends: list[bool] | None = None) -> tuple[list[int], list[int]]:
    """Late starts and free floats, in reverse topological order (`ends`: per node, the forward
    pass's moments, which links into milestones across calendars read: see _crossings.backward).

    Free float follows gates: the slack into a gate plus the gate's own least slack onward, so a
    link into a summary is measured to its earliest descendant and a task inside a summary sees
    the summary's successors.
    """
    offsets, targets = net.offsets.tolist(), net.targets.tolist()
    weights = np.where(net.live, net.weights, -BIG).tolist()  # a dead edge never binds
    live = net.live.tolist()
    crossing = _crossing_of(net)
    back = net.crossings.scalar().backward if net.crossings is not None else _no_crossing
    n = len(net.task_ids)
    late = caps.tolist()
    free = [BIG] * net.n_nodes
    carry = [0] * n + [BIG] * (net.n_nodes - n)
    for u in reversed(order):
        latest, slack, start = late[u], BIG, early[u]
        for k in range(offsets[u], offsets[u + 1]):
            v = targets[k]
            w = weights[k]
            if k in crossing:
                i = crossing[k]
                if not live[k]:
                    bound, gap = BIG, BIG
                elif ends is None:
                    bound, gap = back(i, late[v]), back(i, early[v] + carry[v]) - start
                else:  # a milestone's late moment is an end of day, unless it has no room to move
                    at_start = not ends[v]
                    bound = back(i, late[v], at_start and late[v] == early[v])
                    gap = back(i, early[v] + carry[v], at_start) - start
            else:
                bound, gap = late[v] - w, early[v] - start - w + carry[v]
            if bound < latest:
                latest = bound
            if gap < slack:
                slack = gap
        late[u] = latest
        free[u] = slack
        if u >= n:
            carry[u] = slack
    return late, free


def _crossing_of(net: Network) -> dict[int, int]:
    """Edge index -> crossing number, for the few edges that are not `+ weight`."""
    if net.crossings is None:
        return {}
    return dict(zip(net.crossings.edges.tolist(), range(net.crossings.edges.size)))


def _no_crossing(_crossing: int, _position: int, _at_start: bool = True) -> int:
    raise AssertionError("only an edge listed among the crossings is converted")
