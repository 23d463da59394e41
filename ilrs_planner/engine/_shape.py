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

import numpy as np

from ._bounds import BIG, Bounds
from ._edge_index import NO_EDGES, carry
from ._edges import build_edges
from ._recent import Recent
from ._shape_grown import with_task_added
from ._shape_moved import with_leaf_moved
from ._shape_parts import GATE_KINDS, Shape, offsets_of
from ._tree import spread_down

_SHAPES: Recent[Shape] = Recent(size=2)  # an edit's shape and the one before it, for undo and redo


def network_shape(links: tuple[np.ndarray, ...], parent: np.ndarray, jumps: list[np.ndarray],
                  is_summary: np.ndarray, bounds: Bounds) -> Shape:
    """The shape of the network of these links and this WBS, made or found again."""
    pred, succ, code = links[:3]
    starts_bound = is_summary & (bounds.base > -BIG)
    finish_bound = is_summary & (bounds.finish_cap < BIG)
    key = (pred, succ, code, parent, starts_bound, finish_bound)
    return _SHAPES.get(key, None, lambda: _read_only(
        _patched(key, is_summary) or with_task_added(_SHAPES.latest(), key, is_summary)
        or with_leaf_moved(_SHAPES.latest(), key, is_summary)
        or _shape(links, parent, jumps, is_summary, starts_bound, finish_bound)))


def _patched(key: tuple[np.ndarray, ...], is_summary: np.ndarray) -> Shape | None:
    """The last shape with links added at the end or a run of links removed (adding or removing a
    link), when the WBS and bounds are the same and every link added or removed joins two leaves,
    so that no gate comes or goes; None otherwise."""
    last = _SHAPES.latest()
    if last is None or any(not _equal(a, b) for a, b in zip(last[0][3:], key[3:])):
        return None
    old, new, shape = last[0][:3], key[:3], last[1]
    m_old, m_new = old[0].size, new[0].size
    same = min(m_old, m_new)
    if m_new > m_old and all(_equal(a[:same], b[:same]) for a, b in zip(old, new)):
        added = np.arange(m_old, m_new)
        if not is_summary[new[0][added]].any() and not is_summary[new[1][added]].any():
            return _with_links(shape, new, added)
    elif m_new < m_old:
        first = _first_difference(old, new, same)
        gone = m_old - m_new
        if all(_equal(a[first + gone:], b[first:]) for a, b in zip(old, new)):
            removed = np.arange(first, first + gone)
            if not is_summary[old[0][removed]].any() and not is_summary[old[1][removed]].any():
                return _without_links(shape, first, gone)
    return None


def _equal(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.array_equal(a, b))


def _first_difference(old: tuple[np.ndarray, ...], new: tuple[np.ndarray, ...], size: int) -> int:
    """The first link row where the columns differ, `size` when the first `size` rows agree."""
    differ = np.zeros(size, dtype=bool)
    for a, b in zip(old, new):
        differ |= a[:size] != b[:size]
    found = np.flatnonzero(differ)
    return int(found[0]) if found.size else size


def _with_links(shape: Shape, links: tuple[np.ndarray, ...], added: np.ndarray) -> Shape:
    """The shape with the edges of links between leaves added: each after its source's link edges
    (it is the latest link) and before its WBS edges, as a stable sort would place it."""
    pred, succ, code = (column[added] for column in links)
    from_finish = (code == 0) | (code == 2)
    new = {"src": pred, "dst": succ, "src_task": np.where(from_finish, pred, -1),
           "dst_task": np.where(code >= 2, succ, -1), "from_finish": from_finish, "link": added, "lag_task": succ}
    edges, offsets = shape.edges, shape.offsets
    at = np.array([int(offsets[u]) + int(np.count_nonzero(edges["link"][offsets[u]:offsets[u + 1]] >= 0))
                   for u in pred.tolist()], dtype=np.int64)
    order = np.lexsort((pred, at))  # empty segments share a place: there the sources keep their order
    columns = {name: np.insert(column, at[order], new[name][order].astype(column.dtype))
               for name, column in edges.items()}
    carry((edges["dst"], shape.n_nodes), (columns["dst"], shape.n_nodes), NO_EDGES, at[order])
    return Shape(shape.gates, shape.n_nodes, columns, offsets_of(columns["src"], shape.n_nodes), shape.node_task)


def _without_links(shape: Shape, first: int, gone: int) -> Shape:
    """The shape without the edges of links first..first+gone-1; the later links' numbers move down."""
    link = shape.edges["link"]
    keep = (link < first) | (link >= first + gone)
    columns = {name: column[keep] for name, column in shape.edges.items()}
    columns["link"] = np.where(columns["link"] >= first + gone, columns["link"] - gone, columns["link"])
    carry((shape.edges["dst"], shape.n_nodes), (columns["dst"], shape.n_nodes), np.flatnonzero(~keep), NO_EDGES)
    return Shape(shape.gates, shape.n_nodes, columns, offsets_of(columns["src"], shape.n_nodes), shape.node_task)


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
    return Shape(gates, n_nodes, edges, offsets_of(edges["src"], n_nodes), node_task)


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
