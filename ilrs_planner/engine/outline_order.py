"""The outline in order: each row's place in outline order and its count of rows under it.

Found one level of the outline at a time, each level one array operation: walking the 100,000 rows
of a plan one by one, in Python, cost some 60 ms after every edit of a plan dated partly to the year
(the shown precisions read the outline again after each). An outline deeper than DEEPEST_BY_LEVELS
(a chain of thousands of nested tasks) is walked row by row instead: its levels would cost more.
"""

from __future__ import annotations

import numpy as np

from .schedule_check_chain import OutlineChildren

DEEPEST_BY_LEVELS = 64


def outline_order(children: OutlineChildren, outline: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the rows in outline order, each row's count of rows under it, itself included). `outline`:
    each row's parent row (-1 at the top); `children`: the rows grouped by parent in display order."""
    n = len(outline)
    depth = _depths(outline)
    if depth is None or (n and int(depth.max()) > DEEPEST_BY_LEVELS):
        order = preorder_walked(children, n)
        return order, subtree_sizes_walked(outline, order)
    levels = _levels(depth)
    size = np.ones(n, np.int64)
    for rows in reversed(levels[1:]):  # the deepest first: each summary's size once its children's are known
        size += np.bincount(outline[rows], weights=size[rows], minlength=n).astype(np.int64)
    before = _sizes_of_siblings_before(children, outline, size)
    where = np.empty(n, np.int64)
    where[levels[0]] = before[levels[0]]
    for rows in levels[1:]:  # a row comes after its parent and the rows under its earlier siblings
        where[rows] = where[outline[rows]] + 1 + before[rows]
    order = np.empty(n, np.int64)
    order[where] = np.arange(n)
    return order, size


def _depths(outline: np.ndarray) -> np.ndarray | None:
    """Each row's count of summaries above it, by pointer doubling; None for an outline that loops
    (no schedule has one)."""
    up, depth = outline.copy(), (outline >= 0).astype(np.int64)
    for _ in range(max(1, len(outline).bit_length() + 1)):
        on = up >= 0
        if not on.any():
            return depth
        ahead = np.where(on, up, 0)
        depth = np.where(on, depth + depth[ahead], depth)
        up = np.where(on, up[ahead], -1)
    return None


def _levels(depth: np.ndarray) -> list[np.ndarray]:
    """The rows at each depth, the top level first."""
    by_depth = np.argsort(depth, kind="stable")
    bounds = np.searchsorted(depth[by_depth], np.arange(int(depth.max(initial=0)) + 2)).tolist()
    return [by_depth[low:high] for low, high in zip(bounds, bounds[1:])]


def _sizes_of_siblings_before(children: OutlineChildren, outline: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Each row's count of rows under its siblings shown before it (themselves included)."""
    order = children.order  # grouped by parent, each group in display order
    sizes = size[order]
    ends = np.cumsum(sizes) - sizes  # before each place, over the whole order
    parents = outline[order]
    first = np.searchsorted(parents, parents, "left")  # each group's first place
    before = np.empty(len(order), np.int64)
    before[order] = ends - ends[first]
    return before


def preorder_walked(children: OutlineChildren, n: int) -> np.ndarray:
    """The rows in outline order, walked row by row: each summary, then its children's rows in display order."""
    order, bounds = children.row_order, children.bounds  # row r's children: bounds[r + 1]:bounds[r + 2]
    out: list[int] = []
    stack = order[bounds[0]:bounds[1]][::-1]
    while stack:
        row = stack.pop()
        out.append(row)
        low, high = bounds[row + 1], bounds[row + 2]
        if high > low:
            stack.extend(order[low:high][::-1])
    return np.array(out, np.int64)


def subtree_sizes_walked(outline: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Each row's count of rows under it, itself included, summed from the last row in outline order up."""
    size = [1] * len(order)
    up = outline.tolist()
    for row in reversed(order.tolist()):
        if up[row] >= 0:
            size[up[row]] += size[row]
    return np.array(size, np.int64)
