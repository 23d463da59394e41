"""Summary rows of the schedule: the span and the least float of their sub-tasks, bottom-up."""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._network import Network
from ._tree import gather_up


def settle_summaries(net: Network, es: np.ndarray, ef: np.ndarray, tf: np.ndarray, ff: np.ndarray,
                     free_nodes: np.ndarray, finish: int) -> tuple[np.ndarray, ...]:
    """Fill the summary rows; returns (es, ef, tf, ff, open_work) with open_work False when all done."""
    summary, leaf = net.is_summary, ~net.is_summary
    span_start = np.where(summary, BIG, es)
    span_finish = np.where(summary, -BIG, ef)
    least_float = np.where(summary | net.finished, BIG, tf)
    least_free = np.where(summary | net.finished, BIG, ff)
    span_start = gather_up(span_start, net.jumps, np.minimum)
    span_finish = gather_up(span_finish, net.jumps, np.maximum)
    least_float = gather_up(least_float, net.jumps, np.minimum)
    least_free = gather_up(least_free, net.jumps, np.minimum)
    open_work = least_float < BIG // 2
    own_cap = np.where(summary & (net.start_cap < BIG), net.start_cap - span_start, BIG)
    least_float = np.minimum(least_float, own_cap)  # SNLT/MSO on a summary: its own float only
    tf = np.where(leaf, tf, np.where(open_work, least_float, 0))  # all done: nothing left to float
    own_free = np.minimum(_summary_link_slack(net, free_nodes), least_free)
    ff = np.where(leaf, ff, np.where(own_free < BIG // 2, own_free, np.where(open_work, finish - span_finish, 0)))
    return span_start, span_finish, tf, ff, open_work


def _summary_link_slack(net: Network, free_nodes: np.ndarray) -> np.ndarray:
    """Least slack on the links leaving each summary (through its out gates); BIG when it has none."""
    slack = np.full(len(net.task_ids), BIG, dtype=np.int64)
    for kind in ("out_start", "out_finish"):
        gate = net.gates[kind]
        has = gate >= 0
        slack[has] = np.minimum(slack[has], free_nodes[gate[has]])
    return slack
