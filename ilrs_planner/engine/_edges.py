"""Turn links and the WBS into weighted edges `ES[dst] >= ES[src] + weight` (see _network)."""

from __future__ import annotations

import numpy as np


def build_edges(links, parent: np.ndarray, is_summary: np.ndarray, duration: np.ndarray,
                gates: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(src, dst, weight) for every plan link and every WBS gate edge."""
    parts = [_link_edges(links, is_summary, duration, gates), *_wbs_edges(parent, is_summary, duration, gates)]
    src, dst, weight = (np.concatenate([p[k] for p in parts]) for k in range(3))
    return src, dst, weight


def _link_edges(links, is_summary, duration, gates):
    """A link leaves its predecessor's start or finish and binds its successor's start or finish.

    FS: s.ES >= p.EF + lag   SS: s.ES >= p.ES + lag   FF: s.EF >= p.EF + lag   SF: s.EF >= p.ES + lag
    On a leaf, a finish is ES + duration; on a summary the matching gate node stands in.
    """
    pred, succ, code, lag = links
    from_finish = (code == 0) | (code == 2)
    to_finish = code >= 2
    pred_sum, succ_sum = is_summary[pred], is_summary[succ]
    src = np.where(pred_sum, np.where(from_finish, gates["out_finish"][pred], gates["out_start"][pred]), pred)
    dst = np.where(succ_sum, np.where(to_finish, gates["in_finish"][succ], gates["in_start"][succ]), succ)
    weight = lag + np.where(from_finish & ~pred_sum, duration[pred], 0) - np.where(to_finish & ~succ_sum,
                                                                                    duration[succ], 0)
    return src, dst, weight.astype(np.int64)


def _wbs_edges(parent, is_summary, duration, gates):
    """Each gate of a summary passes its bound down to (or collects from) every child."""
    child = np.flatnonzero(parent >= 0)
    up = parent[child]
    leaf = ~is_summary[child]
    zero = np.zeros(child.size, dtype=np.int64)
    for kind, downward, leaf_weight in (("in_start", True, zero), ("in_finish", True, -duration[child]),
                                        ("out_start", False, zero), ("out_finish", False, duration[child])):
        gate = gates[kind]
        has = gate[up] >= 0
        near = np.where(leaf, child, gate[child])[has]
        far = gate[up][has]
        weight = np.where(leaf, leaf_weight, 0)[has]
        yield (far, near, weight) if downward else (near, far, weight)
