"""The network's shape as kept across edits (see _shape), its CSR offsets, and how a patch renumbered it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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


@dataclass(frozen=True, slots=True)
class Renumbering:
    """How the last shape patched for a leaf moved (see _shape_moved) numbered the old shape's nodes
    and edges, for the passes kept with the old shape, which are written in the new numbering (see
    _kept_moved) and would otherwise number the same 130,000 nodes and 220,000 edges again."""

    old_offsets: np.ndarray  # the old shape's (by identity)
    old_targets: np.ndarray
    new_targets: np.ndarray  # the patched shape's
    node_map: np.ndarray  # each old node's new number, -1 for a gate gone
    sources: np.ndarray  # each old edge's ends in the new numbering, in the old order (-1: a gate gone)
    targets: np.ndarray

    last: ClassVar[Renumbering | None] = None

    @staticmethod
    def of(old_offsets: np.ndarray, old_targets: np.ndarray, new_targets: np.ndarray) -> Renumbering | None:
        """The renumbering from the shape of these old edges to the shape of these new targets, if known."""
        found = Renumbering.last
        if found is not None and found.old_offsets is old_offsets and found.old_targets is old_targets \
                and found.new_targets is new_targets:
            return found
        return None
