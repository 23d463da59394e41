"""Every task in WBS order with its depth, as `Project.walk` gives them, sorted in numpy.

`walk` is a Python loop over the outline (a generator step and a stack push per task), a fifth of
a second at 100,000 tasks. Here each task gets the ranks of its ancestors from the top down as
a sort key; sorting those keys (a shorter key, a summary, before the keys it begins) is the walk's
pre-order. That costs one numpy pass per outline level, so a deep outline, where the key matrix
would grow as tasks x depth, is walked as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..domain import Project, Task
from ..domain.column_rows import values_of
from ..engine.task_places import TaskPlaces

MAX_SORTED_DEPTH = 64  # deeper outlines are walked: a key per level per task would grow too large


class WbsRows(NamedTuple):
    """The rows of a WBS-ordered table: each row's place in `project.tasks`, depth and summary flag."""

    places: np.ndarray
    depths: np.ndarray
    summary: np.ndarray


def wbs_rows(project: Project, tasks: Sequence[Task], parent: np.ndarray | None = None) -> WbsRows:
    """The tasks in WBS order (pre-order, siblings by position, ties in plan order) as places in
    `tasks` (the plan's tasks in plan order), with depths and summary flags.

    `parent`: each task's parent's place (-1 at the top) as the scheduler read them (the plan's
    schedule's outline), which spares finding every parent again; else found here.
    """
    if parent is None:
        parent_ids = values_of(tasks, "parent_id")
        parent = TaskPlaces(list(project.tasks)).of(parent_ids)
        outside = int(np.count_nonzero(parent < 0)) != parent_ids.count(None)
    else:
        outside = False  # the scheduler refuses a parent outside the plan
    depth = _depths(parent)
    if depth is None or outside:
        # Deeper than MAX_SORTED_DEPTH, or a parent outside the plan or a loop (a plan the scheduler
        # refuses): walked, which leaves out what it cannot reach.
        return _walked(project, TaskPlaces(list(project.tasks)).index())
    order = _pre_order(parent, depth, np.fromiter(values_of(tasks, "position"), dtype=np.int64, count=len(tasks)))
    summary = np.zeros(len(tasks), dtype=bool)
    summary[parent[parent >= 0]] = True
    return WbsRows(order, depth[order], summary[order])


def _walked(project: Project, index: dict[str, int]) -> WbsRows:
    walked = list(project.walk())
    ids = [task.id for task, _ in walked]
    summaries = project.summary_ids()
    return WbsRows(np.array([index[tid] for tid in ids], dtype=np.int64),
                   np.array([depth for _, depth in walked], dtype=np.int64),
                   np.array([tid in summaries for tid in ids], dtype=bool))


def _depths(parent: np.ndarray) -> np.ndarray | None:
    """Each task's depth (0 at the top), or None if it is MAX_SORTED_DEPTH or more, or some chain
    of parents never reaches the top."""
    depth = np.zeros(parent.size, dtype=np.int64)
    up = parent.copy()
    for _ in range(MAX_SORTED_DEPTH):
        below = up >= 0
        if not below.any():
            return depth
        depth += below
        up = np.where(below, parent[np.where(below, up, 0)], -1)
    return None


def _pre_order(parent: np.ndarray, depth: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Task indices in pre-order: keys of ancestor ranks from the top, compared level by level."""
    n = parent.size
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(position, kind="stable")] = np.arange(n)  # siblings by position, ties in plan order
    levels = int(depth.max()) + 1 if n else 0
    keys = np.full((levels, n), -1, dtype=np.int64)  # -1 below a task's own level: it sorts before its children
    tasks, node = np.arange(n), np.arange(n)
    for step in range(levels):
        level = depth - step
        live = level >= 0
        keys[level[live], tasks[live]] = rank[node[live]]
        node = np.where(live & (parent[node] >= 0), parent[node], node)
    return np.lexsort(keys[::-1]) if levels else tasks
