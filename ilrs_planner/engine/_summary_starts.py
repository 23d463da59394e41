"""The start an SS or SF link leaves a summary from: the summary's own start, its earliest sub-task's.

A summary's `out_start` gate (see _network) takes the LEAST start among its descendants, as MS
Project keys such a link (MPXJ's scheduler agrees), where every other gate takes the greatest
bound. The passes therefore fold edges into these gates with `min`, starting from "no bound". In
the backward pass only the sub-tasks that give that least start are bound by the link: a later
sub-task may slip without moving the summary's start, so its edge to the gate is idle there.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ._bounds import BIG
from ._network import Network


def least_nodes(net: Network) -> np.ndarray:
    """Per node: True for the gates that take the least of their incoming bounds."""
    flags = np.zeros(net.n_nodes, dtype=bool)
    gate = net.gates["out_start"]
    flags[gate[gate >= 0]] = True
    return flags


def least_edges(net: Network) -> np.ndarray:
    """Per edge: True when it runs into a least-start gate."""
    return np.asarray(least_nodes(net)[net.targets])


def forward_bounds(net: Network, early: np.ndarray, edges: np.ndarray, ends: np.ndarray | None = None) -> np.ndarray:
    """The bound each of these edges puts on its target, given every node's early position (and
    moment of day, `ends`, which links out of milestones across calendars read: see _moments)."""
    sources = net.edge_sources()[edges]
    bound = early[sources] + net.weights[edges]
    if net.crossings is not None:
        cross = net.crossings.ids(net.targets.size)[edges]
        at = np.flatnonzero(cross >= 0)
        if at.size:
            read = ends[sources[at]] if ends is not None else None
            bound[at] = net.crossings.forward(early[sources[at]], cross[at], read)
    return np.asarray(bound)


def binding_only(net: Network, early: np.ndarray, ends: np.ndarray | None = None) -> Network:
    """The network for the backward pass: edges into least-start gates live only where they bind."""
    edges = np.flatnonzero(least_edges(net))
    if not edges.size:
        return net
    idle = forward_bounds(net, early, edges, ends) != early[net.targets[edges]]
    live = net.live.copy()
    live[edges[idle]] = False
    return dataclasses.replace(net, live=live)


def no_bound(net: Network, least: np.ndarray) -> np.ndarray:
    """Initial early positions: the lower bounds, and "none yet" (BIG) on the least-start gates."""
    return np.asarray(np.where(least, BIG, net.base))
