"""The tasks a date coarser than the day can drive, found column-wise (engine/shown_precision.py).

A task dated only to the year drives, through its links, the tasks they point at (a link into a
summary: every task under it too), and a sub-task drives its summaries (a summary follows its latest
sub-task); what those drive, they drive in turn. Walked as a graph in numpy, one frontier at a time:
a Python walk link by link took half a second at 100,000 tasks when 1% of them were dated to the year.

Each task has two nodes: the task itself and "everything under it" (its sub-tasks at any depth and
itself), so a link into a summary is one edge, not one per task under it.
"""

from __future__ import annotations

import numpy as np

from ..domain import Precision, Project
from ..domain.column_rows import values_of


def reached_from_coarse(project: Project) -> set[str]:
    """Tasks a task dated coarser than the day can drive (itself included)."""
    ids = list(project.tasks)
    coarse = np.fromiter((p is not Precision.DAY for p in values_of(project.tasks, "precision")), bool, len(ids))
    if not coarse.any():
        return set()
    n, row = len(ids), dict(zip(ids, range(len(ids))))
    parents = np.fromiter(map(row.get, values_of(project.tasks, "parent_id"), [-1] * n), np.int64, n)
    preds = np.fromiter(map(row.__getitem__, values_of(project.links, "pred_id")), np.int64, len(project.links))
    succs = np.fromiter(map(row.__getitem__, values_of(project.links, "succ_id")), np.int64, len(project.links))
    has_parent = parents >= 0
    tasks, children = np.arange(n), np.flatnonzero(has_parent)
    sources = np.concatenate([preds, n + tasks, n + parents[children], children])  # link, under->task,
    targets = np.concatenate([n + succs, tasks, n + children, parents[children]])   # under->under, up
    seen = _reached(sources, targets, 2 * n, np.flatnonzero(coarse))
    return {ids[i] for i in np.flatnonzero(seen[:n]).tolist()}


def _reached(sources: np.ndarray, targets: np.ndarray, nodes: int, start: np.ndarray) -> np.ndarray:
    """Which nodes the edges (sources[k] -> targets[k]) reach from `start`, one frontier at a time."""
    order = np.argsort(sources, kind="stable")
    heads, ends = sources[order], targets[order]
    first = np.searchsorted(heads, np.arange(nodes + 1))
    seen = np.zeros(nodes, bool)
    seen[start] = True
    frontier = start
    while len(frontier):
        lo, count = first[frontier], first[frontier + 1] - first[frontier]
        total = int(count.sum())
        if not total:
            break
        steps = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        found = ends[np.repeat(lo, count) + steps]
        frontier = np.unique(found[~seen[found]])
        seen[frontier] = True
    return seen
