"""Milestones' moments of day found in the forward pass itself, where links cross calendars.

A milestone's position is the moment between two working days of its calendar: the end of the one
before or the start of the next (see _day_ends). On one calendar the two read alike; across
calendars they do not, both ways. Into a milestone, MS Project moves a predecessor's finish to the
next working time of the milestone's calendar: a Saturday finish handed to a Monday-Friday milestone
is the start of Monday, not the end of Friday. Out of a milestone, the link reads the milestone at
its moment: one at the start of Monday hands a 7-day successor Monday, not the Saturday after
Friday's end. So the forward pass carries, beside each node's position, whether it stands at the
end of a day, settled as the node's position is (in topological order): the moment of what drives
it (the start of the next day wins a tie, the later moment), the start of a day on its own date,
the end of one where it is pinned there (a manual milestone kept at 17:00, one held as late as
possible). The passes remember what they found for cpm and the Monte Carlo (see `remember`).
Networks without crossings keep the rule in _day_ends, found after the pass: there both read alike.
"""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._edges import FROM_FINISH, INHERITED
from ._network import Network


def tracked(net: Network) -> bool:
    """Does this network's forward pass carry moments (it has crossings and milestones)?"""
    return net.crossings is not None and bool(((net.duration == 0) & ~net.is_summary).any())


def point_nodes(net: Network) -> np.ndarray:
    """Per node: a milestone, or a gate (which hands on the moment that drives it)."""
    n = len(net.task_ids)
    point = np.ones(net.n_nodes, dtype=bool)
    point[:n] = ~net.is_summary & (net.duration == 0)
    return point


def pinned_ends(net: Network) -> np.ndarray:
    """Per node: a fixed milestone at the end of its day, which no edge into it decides: a manual
    one kept at its manual start's 17:00 (MS Project's ManualStart), one held as late as possible."""
    n = len(net.task_ids)
    pinned = np.zeros(net.n_nodes, dtype=bool)
    point = ~net.is_summary & (net.duration == 0)
    if net.held is not None:
        pinned[:n] |= net.held & point
    for i in np.flatnonzero(net.manual & point & ~net.history).tolist():
        task = net.tasks[i]
        pinned[i] |= task.manual_start is not None and task.manual_start_at_day_end is True
    return pinned


def handed_ends(net: Network, edges: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Per edge: does it hand the end of a day, before crossings move it (`ends` per node)?"""
    moments = net.edge_moments[edges]
    return np.asarray(np.where(moments == INHERITED, ends[net.edge_sources()[edges]], moments == FROM_FINISH))


class Settling:
    """Settles the moments of the nodes one level of the forward pass binds (see _levels)."""

    def __init__(self, net: Network, least: np.ndarray):
        self.point, self.own_bound = point_nodes(net), np.where(least, BIG, net.base)
        self.start = np.zeros(net.n_nodes, dtype=bool)  # scratch, cleared after each level

    def level(self, early: np.ndarray, ends: np.ndarray, dst: np.ndarray, bound: np.ndarray,
              hands_end: np.ndarray) -> None:
        """These edges are all those into their targets, whose positions are settled: a target stands
        at the end of a day where every edge that gives its position hands one, off its own date."""
        point = self.point[dst]
        dst, bound, hands_end = dst[point], bound[point], hands_end[point]
        if not dst.size:
            return
        driving = bound == early[dst]
        nodes = dst[driving]
        self.start[dst[driving & ~hands_end]] = True
        ends[nodes] = ~self.start[nodes] & (early[nodes] != self.own_bound[nodes])
        self.start[nodes] = False


class _Found:
    """The moments the last passes found, by the identity of their network and early positions (the
    same objects, kept here, so no other can take their place); the latest first."""

    entries: list[tuple[Network, np.ndarray, np.ndarray]] = []
    SIZE = 4  # an edit's passes, its as-late-as-possible passes, and an analysis's on another thread


def remember(net: Network, early: np.ndarray, ends: np.ndarray) -> None:
    """Keep the moments a forward pass found (per node) for day_end_flags (read-only)."""
    early.flags.writeable = ends.flags.writeable = False
    _Found.entries = [(net, early, ends), *_Found.entries[: _Found.SIZE - 1]]


def recall(net: Network, early: np.ndarray) -> np.ndarray | None:
    """The moments a forward pass found for exactly these objects, if still kept."""
    return next((ends for known, at, ends in list(_Found.entries) if known is net and at is early), None)
