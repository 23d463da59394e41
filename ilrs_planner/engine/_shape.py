"""The network's shape, kept across edits: gate nodes, and edges ordered by source as CSR.

The shape depends only on the links' ends and types, the WBS, and which summaries bound their
sub-tasks' starts or finish. Most edits (a duration, a lag, a name, progress, a constraint on a
leaf) leave all of these as they were, and an undo or a redo returns to a shape scheduled a moment
ago; allocating the gates, building 300,000 edges and sorting them by source cost a 100,000-task
plan more than the passes themselves. So the last shapes are kept, found again by comparing the
arrays they were made from (see _recent), and only durations and lags are read in per schedule
(see _edges.edge_weights).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._bounds import BIG, Bounds
from ._edges import build_edges
from ._recent import Recent
from ._tree import spread_down

GATE_KINDS = ("in_start", "in_finish", "out_start", "out_finish")


@dataclass(frozen=True, slots=True)
class Shape:
    """Gates and edges of one network, without durations and lags (arrays read-only)."""

    gates: dict[str, np.ndarray]  # gate kind -> node index per task (-1: none)
    n_nodes: int
    edges: dict[str, np.ndarray]  # columns named by _edges.SHAPE_FIELDS, ordered by source node
    offsets: np.ndarray  # CSR: out-edges of node u are offsets[u]:offsets[u+1]
    node_task: np.ndarray  # node -> task index it belongs to


_SHAPES: Recent[Shape] = Recent(size=2)  # an edit's shape and the one before it, for undo and redo


def network_shape(links: tuple[np.ndarray, ...], parent: np.ndarray, jumps: list[np.ndarray],
                  is_summary: np.ndarray, bounds: Bounds) -> Shape:
    """The shape of the network of these links and this WBS, made or found again."""
    pred, succ, code = links[:3]
    starts_bound = is_summary & (bounds.base > -BIG)
    finish_bound = is_summary & (bounds.finish_cap < BIG)
    return _SHAPES.get((pred, succ, code, parent, starts_bound, finish_bound), None,
                       lambda: _read_only(_shape(links, parent, jumps, is_summary, starts_bound, finish_bound)))


def _shape(links: tuple[np.ndarray, ...], parent: np.ndarray, jumps: list[np.ndarray], is_summary: np.ndarray,
           starts_bound: np.ndarray, finish_bound: np.ndarray) -> Shape:
    n = len(is_summary)
    gates, n_nodes = _allocate_gates(links, jumps, is_summary, starts_bound, finish_bound)
    edges = build_edges(links, parent, is_summary, gates)
    order = _stable_order(edges["src"])
    edges = {name: column[order] for name, column in edges.items()}
    node_task = np.concatenate([np.arange(n), np.zeros(n_nodes - n, dtype=np.int64)])
    for nodes in gates.values():
        has = nodes >= 0
        node_task[nodes[has]] = np.flatnonzero(has)
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(edges["src"], minlength=n_nodes), out=offsets[1:])
    return Shape(gates, n_nodes, edges, offsets, node_task)


def _read_only(shape: Shape) -> Shape:
    """A kept shape is shared by every network made from it: writing into one is refused at once."""
    for column in (*shape.gates.values(), *shape.edges.values(), shape.offsets, shape.node_task):
        column.flags.writeable = False
    return shape


def _stable_order(src: np.ndarray) -> np.ndarray:
    """The edges ordered by source node, edges of one source in their order: a stable argsort.

    Sorting the unique keys `src * edges + edge` gives that order through numpy's default sort,
    several times faster on 64-bit keys than its stable one (a merge sort).
    """
    return np.argsort(src * src.size + np.arange(src.size, dtype=np.int64))


def _allocate_gates(links: tuple[np.ndarray, ...], jumps: list[np.ndarray], is_summary: np.ndarray,
                    starts_bound: np.ndarray, finish_bound: np.ndarray) -> tuple[dict[str, np.ndarray], int]:
    """Give each summary the gate nodes that it or an ancestor needs; numbered after the tasks."""
    pred, succ, code = links[:3]
    n = len(is_summary)
    need = np.zeros((len(GATE_KINDS), n), dtype=bool)
    need[0, succ[code <= 1]] = True  # FS, SS end at a start
    need[1, succ[code >= 2]] = True  # FF, SF end at a finish
    need[2, pred[(code == 1) | (code == 3)]] = True  # SS, SF leave from a start
    need[3, pred[(code == 0) | (code == 2)]] = True  # FS, FF leave from a finish
    need[0] |= starts_bound
    need[3] |= finish_bound
    wanted = spread_down(need & is_summary, jumps) & is_summary
    gates, next_node = {}, n
    for kind, row in zip(GATE_KINDS, wanted):
        nodes = np.full(n, -1, dtype=np.int64)
        count = int(row.sum())
        nodes[row] = np.arange(next_node, next_node + count)
        gates[kind], next_node = nodes, next_node + count
    return gates, next_node
