"""The last network shape with one leaf task added at the plan's end (Add task), patched in place.

A task added to a plan goes to the end of its tasks, so it becomes node n, and every gate node
(numbered after the tasks, see _shape) moves up by one. When the new task is a leaf without links
under a summary that already has sub-tasks (or at the top level), no gate comes or goes: the shape
is the last one with its gate numbers moved up, the new node's edges to its parent's gates added,
and each in the place a fresh build's stable sort by source would give it (see _edges._wbs_edges:
a gate's edges to its children in the children's order, the new child last; a child's edges to
its parent's least-start gate, then its finish gate). Building the shape afresh costs a
100,000-task plan about 50 ms; this, a few.
"""

from __future__ import annotations

import numpy as np

from ._edge_index import NO_EDGES, carry
from ._shape_parts import Shape, offsets_of


def with_task_added(last: tuple[tuple[np.ndarray, ...], Shape] | None, key: tuple[np.ndarray, ...],
                    is_summary: np.ndarray) -> Shape | None:
    """The last shape (its key and shape) with one linkless leaf appended, when `key` says that is the
    only change; None otherwise. `key`: (pred, succ, code, parent, starts bound, finish bound)."""
    if last is None:
        return None
    old_key, shape = last
    n = old_key[3].size
    parent = key[3]
    if parent.size != n + 1 or is_summary[n] or key[4][n] or key[5][n]:
        return None
    if any(a.shape != b.shape or not np.array_equal(a, b) for a, b in zip(old_key[:3], key[:3])):
        return None
    if any(not np.array_equal(a, b[:n]) for a, b in zip(old_key[3:], key[3:])):
        return None
    above = int(parent[n])
    if above >= 0 and not bool((old_key[3] == above).any()):
        return None  # its parent becomes a summary: gates may come
    return _grown(shape, n, above)


def _grown(shape: Shape, n: int, above: int) -> Shape:
    """The shape with node n inserted (a leaf under task `above`, -1: none) and the gates moved up."""
    gates = {kind: np.append(np.where(nodes >= 0, nodes + 1, -1), -1) for kind, nodes in shape.gates.items()}
    edges = dict(shape.edges)  # columns replaced, never written to
    for name in ("src", "dst"):
        edges[name] = np.where(shape.edges[name] >= n, shape.edges[name] + 1, shape.edges[name])
    rows = _new_edges(gates, n, above)
    inserted: list[int] = []
    if rows:
        offsets = shape.offsets
        at = [int(offsets[n]) if src == n else int(offsets[src]) for src, *_ in rows]  # src is a gate: its old end
        order = sorted(range(len(rows)), key=lambda k: (at[k], k))
        inserted = [at[k] for k in order]
        for field, name in enumerate(("src", "dst", "src_task", "dst_task", "from_finish", "link", "lag_task")):
            values = np.array([rows[k][field] for k in order], dtype=edges[name].dtype)
            edges[name] = np.insert(edges[name], [at[k] for k in order], values)
    n_nodes = shape.n_nodes + 1
    carry((shape.edges["dst"], shape.n_nodes), (edges["dst"], n_nodes), NO_EDGES, np.array(inserted, dtype=np.int64))
    node_task = np.insert(shape.node_task, n, n)
    return Shape(gates, n_nodes, edges, offsets_of(edges["src"], n_nodes), node_task)


def _new_edges(gates: dict[str, np.ndarray], n: int, above: int) -> list[tuple[int, ...]]:
    """The new leaf's WBS edges as (src, dst, src_task, dst_task, from_finish, link, lag_task); a
    gate source is given as its node in the new numbering, whose old end is `offsets[node]`."""
    if above < 0:
        return []
    rows: list[tuple[int, ...]] = []
    for kind, at_finish in (("in_start", False), ("in_finish", True)):
        gate = int(gates[kind][above])
        if gate >= 0:
            rows.append((gate, n, -1, n if at_finish else -1, at_finish, -1, -1))
    for kind, at_finish in (("out_start", False), ("out_finish", True)):
        gate = int(gates[kind][above])
        if gate >= 0:
            rows.append((n, gate, n if at_finish else -1, -1, at_finish, -1, -1))
    return rows
