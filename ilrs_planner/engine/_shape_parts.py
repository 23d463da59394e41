"""The network's shape as kept across edits (see _shape), and its CSR offsets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GATE_KINDS = ("in_start", "in_finish", "out_start", "out_finish")  # numbered in this order after the tasks


@dataclass(frozen=True, slots=True)
class Shape:
    """Gates and edges of one network, without durations and lags (arrays read-only)."""

    gates: dict[str, np.ndarray]  # gate kind -> node index per task (-1: none)
    n_nodes: int
    edges: dict[str, np.ndarray]  # columns named by _edges.SHAPE_FIELDS, ordered by source node
    offsets: np.ndarray  # CSR: out-edges of node u are offsets[u]:offsets[u+1]
    node_task: np.ndarray  # node -> task index it belongs to


def offsets_of(src: np.ndarray, n_nodes: int) -> np.ndarray:
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n_nodes), out=offsets[1:])
    return offsets
