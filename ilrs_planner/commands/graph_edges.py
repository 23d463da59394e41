"""The link check's graph of a plan as two arrays of edges, read from the plan or from its schedule.

Each task has an in-node (2 × its place in the plan) and an out-node (the one after); see
link_graph for what the edges mean. Finding each link's ends by id in a map of 100,000 tasks cost
a quarter of a second of the first link made in a session; the schedule derived last holds every
link's ends as places in its columns already. The window offers it after each derivation
(`offer_schedule`), and it is used when it was read from the plan as it stands: the same tasks in
the same order, the same links in the same order, and the same parent for every task. A link never
changes its ends (an edit changes its type and lag), so the same links have the same ends.
"""

from __future__ import annotations

from operator import attrgetter

import numpy as np

from ..domain import Link, Project
from ..engine.schedule import Schedule, TaskTable

_PRED, _SUCC = attrgetter("pred_id"), attrgetter("succ_id")
Edges = tuple[np.ndarray, np.ndarray]

_offered: list[tuple[Project, Schedule]] = []  # the schedule derived last, and its plan


def offer_schedule(project: Project, schedule: Schedule | None) -> None:
    """The schedule just derived from `project` (None: none could be); the next graph made may read it."""
    _offered[:] = [(project, schedule)] if schedule is not None else []


def forget_schedule() -> None:
    """Let go of the schedule offered (it holds the plan's ids)."""
    _offered.clear()


def offered_link_ends(project: Project) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """(the plan's task ids, each link's predecessor place, its successor place) read from the
    schedule offered, when it was derived from the plan's tasks and links as they stand; else None."""
    if not _offered or _offered[0][0] is not project:
        return None
    derived, table = _offered[0][1].links, _offered[0][1].tasks
    if derived is None or not isinstance(table, TaskTable):
        return None
    ids = list(project.tasks)
    if list(table) != ids or derived.ids != list(project.links):
        return None
    return ids, np.asarray(derived.pred, np.int64), np.asarray(derived.succ, np.int64)


def graph_edges(project: Project, parents: list[str | None], links: list[Link]) -> Edges | None:
    """Every edge's source and target node, or None if something names a task the plan lacks."""
    places = _offered_places(project, parents)
    if places is None:
        places = _looked_up(list(project.tasks), parents, links)
    if places is None:
        return None
    return _edges(*places)


def _offered_places(project: Project, parents: list[str | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(parent place per task, -1 at the top; pred and succ place per link) from the offered
    schedule, when it was derived from the plan as it stands (its outline too); else None."""
    ends = offered_link_ends(project)
    outline = _offered[0][1].outline if ends is not None else None
    if ends is None or outline is None or len(outline) != len(parents):
        return None
    named = [*ends[0], None]  # place -1 names no parent
    if list(map(named.__getitem__, outline.tolist())) != parents:
        return None  # an outline edit since (an earlier part of the same step)
    return np.asarray(outline, np.int64), ends[1], ends[2]


def _looked_up(ids: list[str], parents: list[str | None],
               links: list[Link]) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The same places, each end looked up by id; None if one names a task the plan lacks."""
    place: dict[str | None, int] = dict(zip(ids, range(len(ids))))
    place[None] = -1
    ups = list(map(place.get, parents))
    preds = list(map(place.get, map(_PRED, links)))
    succs = list(map(place.get, map(_SUCC, links)))
    if None in ups or None in preds or None in succs or -1 in preds or -1 in succs:
        return None
    return np.array(ups, np.int64), np.array(preds, np.int64), np.array(succs, np.int64)


def _edges(parent: np.ndarray, pred: np.ndarray, succ: np.ndarray) -> Edges:
    """Sources and targets: leaves' in → out, summary in → child in, child out → summary out, links."""
    child = np.flatnonzero(parent >= 0)
    up = parent[child]
    leaf = np.ones(len(parent), dtype=bool)
    leaf[up] = False
    leaf_at = np.flatnonzero(leaf)
    sources = np.concatenate([2 * leaf_at, 2 * up, 2 * child + 1, 2 * pred + 1])
    targets = np.concatenate([2 * leaf_at + 1, 2 * child, 2 * up + 1, 2 * succ])
    return sources, targets
