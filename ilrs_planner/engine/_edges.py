"""Turn links and the WBS into edges `ES[dst] >= g(ES[src])` (see _network and _crossings).

An edge reads its source node's position, adds the source's duration when it leaves a finish
(`w_src`), moves by its lag, and lands on its target, subtracting the target's duration when it
binds a finish (`w_dst`). When source, target and lag share one calendar, g is `+ w_src + lag +
w_dst`; otherwise _crossings converts through the day the source's start or finish falls on.

The edges are built as the network's shape (see _shape): which task's duration each edge adds or
subtracts and which link it comes from, not the durations and lags themselves, which `edge_weights`
reads in afterwards; so an edit to a duration or a lag leaves the shape as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from ._edge_index import splice_of

FROM_START, FROM_FINISH, INHERITED = 0, 1, -1  # the moment of day an edge hands a milestone (see _day_ends)
SHAPE_FIELDS = ("src", "dst", "src_task", "dst_task", "from_finish", "link", "lag_task")


def build_edges(links: tuple[np.ndarray, ...], parent: np.ndarray, is_summary: np.ndarray,
                gates: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every plan link and every WBS gate edge, as columns named by SHAPE_FIELDS.

    `src_task` / `dst_task`: the leaf whose duration the edge adds leaving its finish / subtracts
    binding its finish, -1 for none; `link`: the plan link it stands for, -1 for a WBS edge.
    """
    parts = [_link_edges(links, is_summary, gates), *_wbs_edges(parent, is_summary, gates)]
    return {name: np.concatenate([part[k] for part in parts]) for k, name in enumerate(SHAPE_FIELDS)}


def edges_of(links: tuple[np.ndarray, ...], rows: np.ndarray, parent: np.ndarray, children: np.ndarray,
             is_summary: np.ndarray, gates: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The edges of the links at these rows and the WBS edges of these children (see build_edges),
    in build_edges' order among themselves."""
    pred, succ, code = (column[rows] for column in links[:3])
    link_part = _link_edges((pred, succ, code), is_summary, gates)
    link_part = (*link_part[:5], rows.astype(np.int64), link_part[6])
    parts = [link_part, *_wbs_edges(parent, is_summary, gates, children)]
    return {name: np.concatenate([part[k] for part in parts]) for k, name in enumerate(SHAPE_FIELDS)}


def edge_weights(shape: dict[str, np.ndarray], links: tuple[np.ndarray, ...],
                 duration: np.ndarray) -> dict[str, np.ndarray]:
    """The edges' durations and lags read in: `w_src`, `lag`, `w_dst` and `elapsed` beside the shape.

    After an edit to a duration the last edges' lags are the same (the same shape and link columns,
    which are never written to), and only the edges of the tasks whose duration changed take
    another weight: those are patched into the last weights (kept in _LAST_WEIGHTS). An undo or
    redo of an outline edit returns to the shape before it, whose weights are kept too; so does
    deleting a task just added, or undoing a link or a task added, where the link columns are read
    again into new arrays holding the same lags (compared whole: a fraction of reading them in).
    """
    kept = list(_LAST_WEIGHTS)  # a snapshot: an analysis on another thread may replace the list
    last = next((entry for entry in kept if entry[0] is shape and _same(entry[1], links[3])
                 and _same(entry[2], links[4])), None)
    if last is not None:
        read = last[4]
        durations = _patched_durations(shape, last[3], duration, last[4])
    else:
        spliced = _spliced_weights(shape, links, duration, kept)
        read, durations = (_read_lags(shape, links), None) if spliced is None else spliced
    if durations is None:
        durations = _durations(shape, duration)
    for column in (*read.values(), *durations.values()):
        column.flags.writeable = False  # kept for the next edit's weights
    result = shape | read | durations
    _LAST_WEIGHTS[:] = [(shape, links[3], links[4], duration.copy(), result),
                        *[entry for entry in kept if entry is not last][:_KEPT_WEIGHTS - 1]]
    return result


def _same(kept: np.ndarray, given: np.ndarray) -> bool:
    return kept is given or (kept.shape == given.shape and kept.dtype == given.dtype
                             and bool(np.array_equal(kept, given)))


# The last edges' inputs (the shape by identity, lag and elapsed columns, durations copied) and weights,
# the latest first: an edit's and the one before it (for undo and redo, as the shapes are kept).
_LAST_WEIGHTS: list[tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]] = []
_KEPT_WEIGHTS = 2
_FEW_TASKS = 16  # durations changed past which every edge's weight is read again


def _durations(shape: dict[str, np.ndarray], duration: np.ndarray) -> dict[str, np.ndarray]:
    took = duration if duration.size else np.zeros(1, dtype=np.int64)
    src_task, dst_task = shape["src_task"], shape["dst_task"]
    return {"w_src": np.where(src_task >= 0, took[np.maximum(src_task, 0)], 0).astype(np.int64),
            "w_dst": -np.where(dst_task >= 0, took[np.maximum(dst_task, 0)], 0).astype(np.int64)}


def _spliced_weights(shape: dict[str, np.ndarray], links: tuple[np.ndarray, ...], duration: np.ndarray,
                     kept: list[tuple[Any, ...]]) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]] | None:
    """(lags, durations) of a shape patched from one whose weights are kept (an indent, a task or a
    link added: see _edge_index.splice_of), read with the same durations and lags (but for a task
    or a link added at the end): the kept edges' weights taken over, only the new edges' read."""
    splice = splice_of(shape["dst"])
    last = None if splice is None else next((entry for entry in kept if entry[0]["dst"] is splice.old_targets), None)
    if splice is None or last is None or not all(_begins(old, now) for old, now in zip(last[1:4], (*links[3:5],
                                                                                                 duration))):
        return None
    new = {name: column[splice.added] for name, column in shape.items()}
    fresh = _read_lags(new, links) | _durations(new, duration)
    columns = {name: splice.column(last[4][name], fresh[name]) for name in ("lag", "elapsed", "w_src", "w_dst")}
    return {name: columns[name] for name in ("lag", "elapsed")}, {name: columns[name] for name in ("w_src", "w_dst")}


def _begins(old: np.ndarray, now: np.ndarray) -> bool:
    """Does the column `now` begin with `old` (the same, or tasks or links added at the end only)?"""
    return old.size <= now.size and old.dtype == now.dtype and bool(np.array_equal(old, now[: old.size]))


def _read_lags(shape: dict[str, np.ndarray], links: tuple[np.ndarray, ...]) -> dict[str, np.ndarray]:
    lag, elapsed = links[3], links[4]
    link = shape["link"]
    from_link = link >= 0
    at = np.maximum(link, 0)
    read = (lambda column, none: np.where(from_link, column[at], none)) if lag.size else \
        (lambda column, none: np.full(link.size, none, dtype=column.dtype))
    return {"lag": read(lag.astype(np.int64), 0), "elapsed": read(elapsed, False)}


def _patched_durations(shape: dict[str, np.ndarray], before: np.ndarray, duration: np.ndarray,
                       last: dict[str, np.ndarray]) -> dict[str, np.ndarray] | None:
    """The last edges' w_src and w_dst with the durations that changed patched in, or None when
    the tasks differ in number or too many changed."""
    if before.shape != duration.shape:
        return None
    changed = np.flatnonzero(before != duration)
    if not changed.size:
        return {"w_src": last["w_src"], "w_dst": last["w_dst"]}
    if changed.size > _FEW_TASKS:
        return None
    patched = {}
    for name, column, sign in (("w_src", shape["src_task"], 1), ("w_dst", shape["dst_task"], -1)):
        rows = np.flatnonzero(np.isin(column, changed))
        weights = last[name].copy()
        weights[rows] = sign * duration[column[rows]]
        patched[name] = weights
    return patched


def _link_edges(links: tuple[np.ndarray, ...], is_summary: np.ndarray,
                gates: dict[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    """A link leaves its predecessor's start or finish and binds its successor's start or finish.

    FS: s.ES >= p.EF + lag   SS: s.ES >= p.ES + lag   FF: s.EF >= p.EF + lag   SF: s.EF >= p.ES + lag
    On a leaf, a finish is ES + duration; on a summary the matching gate node stands in. The lag is
    counted on the successor's calendar (as MS Project does), or in calendar days when elapsed.
    """
    pred, succ, code = links[:3]
    from_finish = (code == 0) | (code == 2)
    to_finish = code >= 2
    pred_sum, succ_sum = is_summary[pred], is_summary[succ]
    src = np.where(pred_sum, np.where(from_finish, gates["out_finish"][pred], gates["out_start"][pred]), pred)
    dst = np.where(succ_sum, np.where(to_finish, gates["in_finish"][succ], gates["in_start"][succ]), succ)
    src_task = np.where(from_finish & ~pred_sum, pred, -1).astype(np.int64)
    dst_task = np.where(to_finish & ~succ_sum, succ, -1).astype(np.int64)
    return src, dst, src_task, dst_task, from_finish, np.arange(pred.size, dtype=np.int64), succ


def _wbs_edges(parent: np.ndarray, is_summary: np.ndarray, gates: dict[str, np.ndarray],
               child: np.ndarray | None = None) -> Iterator[tuple[np.ndarray, ...]]:
    """Each gate of a summary passes its bound down to (or collects from) every child (or only to
    and from the children given, each with a parent, ascending)."""
    child = np.flatnonzero(parent >= 0) if child is None else child
    up = parent[child]
    leaf = ~is_summary[child]
    for kind, downward, at_finish in (("in_start", True, False), ("in_finish", True, True),
                                      ("out_start", False, False), ("out_finish", False, True)):
        gate = gates[kind]
        has = gate[up] >= 0
        near = np.where(leaf, child, gate[child])[has]
        far = gate[up][has]
        leaf_task = np.where(leaf & at_finish, child, -1)[has].astype(np.int64)
        none = np.full(near.size, -1, dtype=np.int64)
        flag = np.full(near.size, at_finish)
        if downward:
            yield far, near, none, leaf_task, flag, none, none
        else:
            yield near, far, leaf_task, none, flag, none, none
