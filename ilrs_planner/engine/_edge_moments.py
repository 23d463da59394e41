"""Each edge's moment of day, as the milestones after it take it (see _day_ends and _edges)."""

from __future__ import annotations

import numpy as np

from ._edge_index import splice_of
from ._edges import FROM_FINISH, FROM_START, INHERITED


def edge_moments(edges: dict[str, np.ndarray], n_tasks: int, duration: np.ndarray) -> np.ndarray:
    """Per edge: FROM_FINISH (end of a day), FROM_START (start of a day) or INHERITED from its source.

    The last two answers are given again for the same edges (`src`, `from_finish` and `lag` by
    identity: shapes and their weights are never written to) when no task gained or lost its
    duration; for a shape patched from one of them (see _edge_index.splice_of), only the new
    edges' are found, the kept edges' taken over."""
    src, lag, from_finish = edges["src"], edges["lag"], edges["from_finish"]
    worked = duration > 0
    kept = list(_LAST_MOMENTS)
    for last in kept:
        if last[0] is src and last[1] is lag and last[2] is from_finish and _same(last[3], worked):
            _LAST_MOMENTS[:] = [last, *[entry for entry in kept if entry is not last]]
            return last[4]
    splice = splice_of(edges["dst"])
    before = None if splice is None else next((entry for entry in kept if entry[5] is splice.old_targets), None)
    if splice is not None and before is not None and before[3].size <= worked.size and \
            _same(before[3], worked[: before[3].size]):  # a task added at the end: its edges are new
        added = splice.added
        moments = splice.column(before[4], _moments(src[added], lag[added], from_finish[added], n_tasks, worked))
    else:
        moments = _moments(src, lag, from_finish, n_tasks, worked)
    moments.flags.writeable = False
    _LAST_MOMENTS[:] = [(src, lag, from_finish, worked, moments, edges["dst"]), *kept[:_KEPT_MOMENTS - 1]]
    return moments


def _moments(src: np.ndarray, lag: np.ndarray, from_finish: np.ndarray, n_tasks: int,
             worked: np.ndarray) -> np.ndarray:
    leaf_task = src < n_tasks
    has_work = np.zeros(src.size, dtype=bool)
    has_work[leaf_task] = worked[src[leaf_task]]
    fixed = np.where(from_finish, FROM_FINISH, FROM_START)
    return np.asarray(np.where(lag > 0, FROM_FINISH, np.where(has_work, fixed, INHERITED)), dtype=np.int8)


def _same(kept: np.ndarray, worked: np.ndarray) -> bool:
    return kept.shape == worked.shape and bool(np.array_equal(kept, worked))


# The last edges' inputs (source, lag and moment columns by identity, which tasks have work, the
# targets the shape is known by) and moments, the latest first: an edit's and the one before it.
_LAST_MOMENTS: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
_KEPT_MOMENTS = 2
