"""Summary rows of the schedule: the span and the least float of their sub-tasks, bottom-up."""

from __future__ import annotations

import numpy as np

from ._network import BIG, Network


def settle_summaries(net: Network, es, ef, tf, ff, free_nodes: np.ndarray, finish: int):
    """Fill the summary rows; returns (es, ef, tf, ff, open_work) with open_work False when all done."""
    summary, leaf = net.is_summary, ~net.is_summary
    span_start = np.where(summary, BIG, es)
    span_finish = np.where(summary, -BIG, ef)
    least_float = np.where(summary | net.finished, BIG, tf)
    least_free = np.where(summary | net.finished, BIG, ff)
    for at in _levels_bottom_up(net):
        up = net.parent[at]
        np.minimum.at(span_start, up, span_start[at])
        np.maximum.at(span_finish, up, span_finish[at])
        np.minimum.at(least_float, up, least_float[at])
        np.minimum.at(least_free, up, least_free[at])
    open_work = least_float < BIG // 2
    own_cap = np.where(summary & (net.start_cap < BIG), net.start_cap - span_start, BIG)
    least_float = np.minimum(least_float, own_cap)  # SNLT/MSO on a summary: its own float only
    tf = np.where(leaf, tf, np.where(open_work, least_float, 0))  # all done: nothing left to float
    own_free = np.minimum(_summary_link_slack(net, free_nodes), least_free)
    ff = np.where(leaf, ff, np.where(own_free < BIG // 2, own_free, np.where(open_work, finish - span_finish, 0)))
    return span_start, span_finish, tf, ff, open_work


def _levels_bottom_up(net: Network) -> list[np.ndarray]:
    """Tasks that have a parent, grouped by depth, deepest first."""
    child = np.flatnonzero(net.parent >= 0)
    if not child.size:
        return []
    by_depth = child[np.argsort(-net.depth[child], kind="stable")]
    cuts = np.flatnonzero(np.diff(net.depth[by_depth])) + 1
    return np.split(by_depth, cuts)


def _summary_link_slack(net: Network, free_nodes: np.ndarray) -> np.ndarray:
    """Least slack on the links leaving each summary (through its out gates); BIG when it has none."""
    slack = np.full(len(net.task_ids), BIG, dtype=np.int64)
    for kind in ("out_start", "out_finish"):
        gate = net.gates[kind]
        has = gate >= 0
        slack[has] = np.minimum(slack[has], free_nodes[gate[has]])
    return slack
