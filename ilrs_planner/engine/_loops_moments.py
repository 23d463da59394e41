"""The plain forward pass (see _loops) carrying each milestone's moment of day (see _moments), for
networks whose links cross calendars: a link out of a milestone reads it at its moment, and a node
takes the moment of what drives it as it takes its position."""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._edges import FROM_FINISH, FROM_START
from ._moments import pinned_ends, point_nodes
from ._network import Network
from ._summary_starts import least_nodes, no_bound


def forward(net: Network) -> tuple[list[int], list[int], list[bool]]:
    """Kahn's order, the early positions and per node whether it stands at the end of a day."""
    assert net.crossings is not None, "moments are carried where links cross calendars"
    offsets, targets, weights = net.offsets.tolist(), net.targets.tolist(), net.weights.tolist()
    crossing = dict(zip(net.crossings.edges.tolist(), range(net.crossings.edges.size)))
    scalar = net.crossings.scalar()
    moments = net.edge_moments.tolist()
    indegree = np.bincount(net.targets, minlength=net.n_nodes).tolist()
    least = least_nodes(net)
    early, fixed, base = no_bound(net, least).tolist(), net.fixed.tolist(), net.base.tolist()
    point, pinned, least_of = point_nodes(net).tolist(), pinned_ends(net).tolist(), least.tolist()
    ends = [False] * net.n_nodes
    ready = [v for v in range(net.n_nodes) if not indegree[v]]
    ready.reverse()  # pop() then takes nodes in plan order, as _loops does
    order: list[int] = []
    while ready:
        u = ready.pop()
        order.append(u)
        start = fixed[u]
        if start > -BIG:
            early[u], ends[u] = start, pinned[u]  # MSO, MFO and actual dates win over the links
        else:
            start = early[u]
            ends[u] = ends[u] and start != base[u]  # on its own date: the start of the day
        end_u = ends[u]
        for k in range(offsets[u], offsets[u + 1]):
            v = targets[k]
            moment = moments[k]
            hands_end = moment == FROM_FINISH or (moment != FROM_START and end_u)
            c = crossing.get(k)
            if c is None:
                bound = start + weights[k]
            else:
                bound, hands_end = scalar.forward_at(c, start, end_u, hands_end)
            if least_of[v]:
                if bound < early[v]:
                    early[v], ends[v] = bound, hands_end
                elif bound == early[v]:
                    ends[v] = ends[v] and hands_end
            elif bound > early[v]:
                early[v], ends[v] = bound, hands_end
            elif bound == early[v]:
                ends[v] = ends[v] and hands_end  # a tie: the start of the next day, the later moment, wins
            indegree[v] -= 1
            if not indegree[v]:
                ready.append(v)
    return order, early, [e and p for e, p in zip(ends, point)]
