"""The plan's links as arrays for the scheduler: both ends as task indices, type codes, lags, flags.

Read one attribute at a time through C-level `map` (a tuple per link would wake the garbage
collector on large plans), each checked as it is read: an unknown task, a link to itself, an
unknown type or a lag that is not a whole number of days is refused naming the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import numpy as np

from ..domain import LinkType, PlannerError, Project, Task
from . import _checks
from .task_places import TaskPlaces

_PRED, _SUCC, _TYPE, _LAG, _ELAPSED = (attrgetter(name) for name in ("pred_id", "succ_id", "type", "lag", "elapsed"))
TYPE_CODES = {LinkType.FS: 0, LinkType.SS: 1, LinkType.FF: 2, LinkType.SF: 3}


def link_arrays(project: Project, places: TaskPlaces, tasks: Sequence[Task]) -> tuple[np.ndarray, ...]:
    """(pred, succ, type code, lag, elapsed) arrays of every link, in the plan's order, checked."""
    links = list(project.links.values())
    count = len(links)
    pred, succ = places.of(list(map(_PRED, links))), places.of(list(map(_SUCC, links)))
    if (pred < 0).any() or (succ < 0).any():
        _checks.raise_unknown_task([(link.pred_id, link.succ_id) for link in links], places.index(), tasks)
    refuse_self_links(pred, succ, tasks)
    types = list(map(_TYPE, links))
    all_fs = types.count(LinkType.FS) == count  # the usual case: one C-level count, no lookup per link
    codes = [0] * count if all_fs else list(map(TYPE_CODES.get, types))
    lags = list(map(_LAG, links))
    if None in codes or not _checks.all_whole(lags):
        _checks.raise_bad_link(links, codes, lags, tasks, places.index())
    code = np.zeros(count, dtype=np.int64) if all_fs else np.fromiter(codes, dtype=np.int64, count=count)
    return pred, succ, code, np.fromiter(lags, dtype=np.int64, count=count), flags(list(map(_ELAPSED, links)))


def refuse_self_links(pred: np.ndarray, succ: np.ndarray, tasks: Sequence[Task]) -> None:
    """`link.self` naming the first task linked to itself."""
    same = np.flatnonzero(pred == succ)
    if same.size:
        task = tasks[int(pred[same[0]])]
        raise PlannerError("link.self", f"task '{task.key}' is linked to itself", [task.id])


def flags(values: list[Any]) -> np.ndarray:
    """Truth values as a bool array; all false (the usual case) is seen by one C-level count."""
    if values.count(False) == len(values):
        return np.zeros(len(values), dtype=bool)
    return np.fromiter(map(bool, values), dtype=bool, count=len(values))
