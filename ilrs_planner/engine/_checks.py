"""Input checks of the scheduler: each names the offending tasks by key (message) and id (subjects)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import numpy as np

from ..domain import PlannerError, Task
from ._tree import is_ancestor
from .task_places import TaskPlaces

_PARENT = attrgetter("parent_id")


def check_durations(durations: np.ndarray, tasks: Sequence[Task]) -> None:
    """Refuse negative durations."""
    negative = np.flatnonzero(durations < 0)
    if negative.size:
        bad = [tasks[int(i)] for i in negative[:5]]
        names = ", ".join(f"'{t.key}' ({t.duration} days)" for t in bad)
        raise PlannerError("task.negative_duration", f"a duration cannot be negative: {names}", [t.id for t in bad])


def all_whole(values: list[Any]) -> bool:
    """True when every value is a whole number (bool, float, None and text are not)."""
    return set(map(type, values)) <= {int} or all(map(_is_whole, values))


def _is_whole(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def raise_bad_duration(tasks: Sequence[Task], durations: list[Any]) -> None:
    """Name the first task whose duration is not a whole number of days."""
    task, value = next((t, d) for t, d in zip(tasks, durations) if not _is_whole(d))
    raise PlannerError("task.bad_value", f"task '{task.key}' has a duration of {value!r}, not a whole number of days",
                       [task.id])


def raise_bad_link(links: list[Any], codes: list[Any], lags: list[Any], tasks: Sequence[Task],
                   index: dict[str, int]) -> None:
    """Name the first link whose type is not FS/SS/FF/SF or whose lag is not a whole number of days."""
    for link, code, lag in zip(links, codes, lags):
        if code is None or not _is_whole(lag):
            what = f"type {link.type!r}" if code is None else f"lag {lag!r}"
            names = " → ".join(tasks[index[tid]].key for tid in (link.pred_id, link.succ_id))
            raise PlannerError("link.bad_value", f"the link {names} has a {what} that cannot be scheduled",
                               [link.pred_id, link.succ_id])


def parent_indices(tasks: Sequence[Task], places: TaskPlaces) -> np.ndarray:
    """Parent index of every task (-1 at the top level); a parent that is not in the plan is an error."""
    parent_ids = list(map(_PARENT, tasks))
    found = places.of(parent_ids)
    if int(np.count_nonzero(found < 0)) != parent_ids.count(None):
        task = next(t for t, p in zip(tasks, found.tolist()) if p < 0 and t.parent_id is not None)
        raise PlannerError("task.unknown", f"task '{task.key}' is under a parent that is not in the plan "
                           f"({task.parent_id})", [task.id])
    return found


def depths(parent: np.ndarray, tasks: Sequence[Task]) -> np.ndarray:
    """Outline depth of every task (0 = top level); a task placed under itself is an error."""
    depth = np.zeros(len(parent), dtype=np.int64)
    up = parent.copy()
    for _ in range(64):  # plans are shallow: walk all tasks up together, level by level
        above = up >= 0
        if not above.any():
            return depth
        depth[above] += 1
        up[above] = parent[up[above]]
    return _deep_depths(parent, tasks)


def _deep_depths(parent: np.ndarray, tasks: Sequence[Task]) -> np.ndarray:
    """Depths one task at a time, remembering each chain, so a loop of parents is found."""
    parents = parent.tolist()
    depth: list[int | None] = [None] * len(parents)
    for i in range(len(parents)):
        chain, up = [], i
        while up >= 0 and depth[up] is None:
            if up in chain:
                task = tasks[up]
                raise PlannerError("task.parent_cycle", f"task '{task.key}' is placed under itself", [task.id])
            chain.append(up)
            up = parents[up]
        known = -1 if up < 0 else depth[up]
        assert known is not None  # the walk up stopped at a task whose depth is set
        for offset, node in enumerate(reversed(chain), start=1):
            depth[node] = known + offset
    return np.array(depth, dtype=np.int64)


def raise_unknown_task(fields: list[tuple[Any, ...]], index: dict[str, int], tasks: Sequence[Task]) -> None:
    """Name the first link whose end is not a task of the plan."""
    for pred_id, succ_id, *_ in fields:
        for missing, other in ((pred_id, succ_id), (succ_id, pred_id)):
            if missing not in index:
                known = tasks[index[other]].key if other in index else other
                raise PlannerError("link.unknown_task", f"a link of task '{known}' names a task that is not in "
                                   f"the plan ({missing})", [missing] + ([other] if other in index else []))


def check_summary_links(pred: np.ndarray, succ: np.ndarray, is_summary: np.ndarray, depth: np.ndarray,
                        jumps: list[np.ndarray], tasks: Sequence[Task]) -> None:
    """Refuse a link between a summary and one of its own descendants (it would bind itself)."""
    touching = np.flatnonzero(is_summary[pred] | is_summary[succ])
    a, b = pred[touching], succ[touching]
    bad = np.flatnonzero(is_ancestor(a, b, depth, jumps) | is_ancestor(b, a, depth, jumps))
    if bad.size:
        first, other = int(a[bad[0]]), int(b[bad[0]])
        summary, sub = (first, other) if depth[first] < depth[other] else (other, first)
        raise PlannerError("link.summary_child", f"summary task '{tasks[summary].key}' is linked to its "
                           f"own sub-task '{tasks[sub].key}'", [tasks[first].id, tasks[other].id])
