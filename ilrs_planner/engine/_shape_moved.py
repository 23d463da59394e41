"""The last network shape with one leaf task moved under another parent (Indent, Outdent, their undo
and redo), patched rather than built again.

Indenting a task under the task above it makes that task a summary: its links leave and reach its
gate nodes instead of its own node, and it takes the gates it or an ancestor needs (see _shape), so
the gates after it, numbered after the tasks kind by kind, move up. Only the moved leaf, and the old
or new parent whose summary status changed, have other edges than before: their edges are dropped,
the rest renumbered, and theirs made again and put where a fresh build's stable sort by source puts
them (a source's link edges in link order, then its WBS edges kind by kind, each in child order). A
property test compares the patched shape with a fresh one edge for edge. Building the shape afresh
costs a 100,000-task plan about 50 ms; this, a few.
"""

from __future__ import annotations

import numpy as np

from ._edge_index import carry
from ._edges import edges_of
from ._kept_edges import spans
from ._shape_parts import GATE_KINDS, Renumbering, Shape, offsets_of


def with_leaf_moved(last: tuple[tuple[np.ndarray, ...], Shape] | None, key: tuple[np.ndarray, ...],
                    is_summary: np.ndarray) -> Shape | None:
    """The last shape (its key and shape) with one leaf under another parent, when `key` says that,
    and summaries made or unmade by it, are the only changes; None otherwise. `key`: (pred, succ,
    code, parent, starts bound, finish bound)."""
    if last is None:
        return None
    old_key, shape = last
    parent, old_parent = key[3], old_key[3]
    if parent.size != old_parent.size or not all(_same(a, b) for a, b in zip(old_key[:3], key[:3])):
        return None
    moved = np.flatnonzero(parent != old_parent)
    if moved.size != 1 or is_summary[moved[0]]:
        return None  # a branch moved: its sub-tasks' gates may change too
    leaf = int(moved[0])
    made = [int(end) for end in (old_parent[leaf], parent[leaf])
            if end >= 0 and bool(is_summary[end]) != bool((old_parent == end).any())]
    touched = np.array(sorted({leaf, *made}), dtype=np.int64)
    for old, new in zip(old_key[4:], key[4:]):
        if not np.isin(np.flatnonzero(old != new), touched).all():
            return None
    gates = _gates(shape, key, is_summary, made)
    return _patched(shape, key, is_summary, gates, touched)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a is b or (a.shape == b.shape and bool(np.array_equal(a, b)))


def _gates(shape: Shape, key: tuple[np.ndarray, ...], is_summary: np.ndarray,
           made: list[int]) -> dict[str, np.ndarray]:
    """The gates after the summaries `made` or unmade: a new summary takes each gate it needs or
    its parent has (whose ancestors all kept theirs), numbered as _shape._allocate_gates does."""
    parent = key[3]
    n = parent.size
    gates, next_node = {}, n
    needs = {task: _needs(key, task) for task in made}
    for kind_index, kind in enumerate(GATE_KINDS):
        wanted = shape.gates[kind] >= 0
        for task in made:
            above = int(parent[task])
            inherited = above >= 0 and bool(shape.gates[kind][above] >= 0)
            wanted[task] = bool(is_summary[task]) and (inherited or needs[task][kind_index])
        nodes = np.full(n, -1, dtype=np.int64)
        count = int(np.count_nonzero(wanted))
        nodes[wanted] = np.arange(next_node, next_node + count)
        gates[kind], next_node = nodes, next_node + count
    return gates


def _needs(key: tuple[np.ndarray, ...], task: int) -> tuple[bool, bool, bool, bool]:
    """Which kinds of gate the task needs of its own (its links, its bounds; see _allocate_gates),
    in GATE_KINDS' order."""
    pred, succ, code, _, starts_bound, finish_bound = key
    into, out = code[succ == task], code[pred == task]
    return (bool((into <= 1).any() or starts_bound[task]), bool((into >= 2).any()),
            bool(((out == 1) | (out == 3)).any()), bool(((out == 0) | (out == 2)).any() or finish_bound[task]))


def _patched(shape: Shape, key: tuple[np.ndarray, ...], is_summary: np.ndarray, gates: dict[str, np.ndarray],
             touched: np.ndarray) -> Shape:
    """The shape with the touched tasks' edges made again under `gates`, the others' renumbered."""
    n = key[3].size
    n_nodes = n + sum(int(np.count_nonzero(nodes >= 0)) for nodes in gates.values())
    node_map = np.arange(shape.n_nodes, dtype=np.int64)  # old node -> new, -1: a gate gone
    old_of_new = np.full(n_nodes, -1, dtype=np.int64)
    old_of_new[:n] = np.arange(n)
    node_task = np.concatenate([np.arange(n), np.zeros(n_nodes - n, dtype=np.int64)])
    touched_nodes = [touched]
    for kind, nodes in gates.items():
        old = shape.gates[kind]
        had, has = old >= 0, nodes >= 0
        node_map[old[had]] = nodes[had]
        old_of_new[nodes[had & has]] = old[had & has]
        node_task[nodes[has]] = np.flatnonzero(has)
        touched_nodes.append(old[touched][old[touched] >= 0])
    at_touched = np.zeros(shape.n_nodes, dtype=bool)
    at_touched[np.concatenate(touched_nodes)] = True
    old_edges = shape.edges
    gone = np.union1d(np.flatnonzero(at_touched[old_edges["dst"]]),
                      spans(shape.offsets, np.flatnonzero(at_touched)))
    renumbered = dict(old_edges, src=node_map[old_edges["src"]], dst=node_map[old_edges["dst"]])
    in_touched = np.zeros(n + 1, dtype=bool)  # the extra row: the parent -1 of a top-level task
    in_touched[touched] = True
    pred, succ, parent = key[0], key[1], key[3]
    rows = np.flatnonzero(in_touched[pred] | in_touched[succ])
    children = np.union1d(touched[parent[touched] >= 0], np.flatnonzero(in_touched[parent]))
    new = edges_of(key[:3], rows, parent, children, is_summary, gates)
    order = _Order(gates, node_task, n, max(n, pred.size) + 1)
    keys = order.of(new["src"], new["dst"], new["link"])
    sorted_new = np.lexsort((keys, new["src"]))
    new = {name: column[sorted_new] for name, column in new.items()}
    kept = np.ones(old_edges["src"].size, dtype=bool)
    kept[gone] = False
    places = [_place(int(src), int(k), shape.offsets, old_of_new, renumbered, kept, order)
              for src, k in zip(new["src"].tolist(), keys[sorted_new].tolist())]
    edges = _spliced(renumbered, gone.tolist(), places, new)
    carry((old_edges["dst"], shape.n_nodes), (edges["dst"], n_nodes), gone, np.sort(np.array(places, dtype=np.int64)))
    Renumbering.last = Renumbering(shape.offsets, old_edges["dst"], edges["dst"], node_map, renumbered["src"],
                                   renumbered["dst"])
    return Shape(gates, n_nodes, edges, offsets_of(edges["src"], n_nodes), node_task)



class _Order:
    """Each edge's place among its source's edges in a fresh build: link edges by link, then WBS
    edges by gate kind and child (see _edges.build_edges and _shape._stable_order)."""

    def __init__(self, gates: dict[str, np.ndarray], node_task: np.ndarray, n: int, scale: int):
        counts = [int(np.count_nonzero(gates[kind] >= 0)) for kind in GATE_KINDS]
        self.kind_starts = n + np.cumsum([0, *counts])
        self.node_task, self.scale = node_task, scale

    def of(self, src: np.ndarray, dst: np.ndarray, link: np.ndarray) -> np.ndarray:
        src_kind = np.searchsorted(self.kind_starts, src, "right") - 1  # -1: a task's node
        dst_kind = np.searchsorted(self.kind_starts, dst, "right") - 1
        down = (src_kind == 0) | (src_kind == 1)  # from an in-gate to a child
        group = np.where(link >= 0, 0, 1 + np.where(down, src_kind, dst_kind))
        within = np.where(link >= 0, link, np.where(down, self.node_task[dst], self.node_task[src]))
        return np.asarray(group * self.scale + within)


def _place(src: int, key: int, offsets: np.ndarray, old_of_new: np.ndarray, renumbered: dict[str, np.ndarray],
           kept: np.ndarray, order: _Order) -> int:
    """Where a new edge from `src` (new numbering) goes among the old edges (their positions): before
    the first edge kept of its source's that comes after it, else at its source's end."""
    old = int(old_of_new[src])
    if old < 0:  # a new gate, whose edges go where the next old node's begin
        later = np.flatnonzero(old_of_new[src + 1:] >= 0)
        return int(offsets[old_of_new[src + 1 + later[0]]]) if later.size else int(offsets[-1])
    first, last = int(offsets[old]), int(offsets[old + 1])
    among = order.of(renumbered["src"][first:last], renumbered["dst"][first:last], renumbered["link"][first:last])
    after = np.flatnonzero(kept[first:last] & (among > key))
    return first + int(after[0]) if after.size else last


def _spliced(edges: dict[str, np.ndarray], gone: list[int], places: list[int],
             new: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The edge columns without the edges gone, the new ones (in order) put in before their places."""
    steps = sorted([(place, 0, k) for k, place in enumerate(places)] + [(at, 1, -1) for at in gone])
    spliced = {}
    for name, column in edges.items():
        pieces, start = [], 0
        for at, removed, k in steps:
            pieces.append(column[start:at])
            if removed:
                start = at + 1
            else:
                pieces.append(new[name][k:k + 1].astype(column.dtype))
                start = at
        pieces.append(column[start:])
        spliced[name] = np.concatenate(pieces)
    return spliced
