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

import numpy as np

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
        read, durations = _read_lags(shape, links), None
    if durations is None:
        took = duration if duration.size else np.zeros(1, dtype=np.int64)
        src_task, dst_task = shape["src_task"], shape["dst_task"]
        durations = {"w_src": np.where(src_task >= 0, took[np.maximum(src_task, 0)], 0).astype(np.int64),
                     "w_dst": -np.where(dst_task >= 0, took[np.maximum(dst_task, 0)], 0).astype(np.int64)}
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


def edge_moments(src: np.ndarray, lag: np.ndarray, from_finish: np.ndarray, n_tasks: int,
                 duration: np.ndarray) -> np.ndarray:
    """Per edge: FROM_FINISH (end of a day), FROM_START (start of a day) or INHERITED from its source.

    The last two answers are given again for the same edges (`src`, `from_finish` and `lag` by
    identity: shapes and their weights are never written to) when no task gained or lost its
    duration."""
    worked = duration > 0
    kept = list(_LAST_MOMENTS)
    for last in kept:
        if last[0] is src and last[1] is lag and last[2] is from_finish and \
                last[3].shape == worked.shape and bool(np.array_equal(last[3], worked)):
            _LAST_MOMENTS[:] = [last, *[entry for entry in kept if entry is not last]]
            return last[4]
    leaf_task = src < n_tasks
    has_work = np.zeros(src.size, dtype=bool)
    has_work[leaf_task] = worked[src[leaf_task]]
    fixed = np.where(from_finish, FROM_FINISH, FROM_START)
    moments = np.asarray(np.where(lag > 0, FROM_FINISH, np.where(has_work, fixed, INHERITED)), dtype=np.int8)
    moments.flags.writeable = False
    _LAST_MOMENTS[:] = [(src, lag, from_finish, worked, moments), *kept[:_KEPT_WEIGHTS - 1]]
    return moments


_LAST_MOMENTS: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
