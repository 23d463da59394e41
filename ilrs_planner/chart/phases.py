"""The programme's phase tasks in WBS order, the candidates for the chart's background bands, and the bands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import compress, count, repeat
from operator import attrgetter, eq

import numpy as np

from ..domain import Project, Task
from ..engine.schedule import Schedule
from .row_dates import task_dates


def phase_tasks(project: Project) -> list[Task]:
    """Phase tasks in WBS order, found without walking the whole outline (a few phases among
    100,000 tasks): each is placed by the places of its chain of summaries among their siblings,
    which Project.children_map orders by position, then by their order in the plan."""
    tasks = project.tasks
    phases = list(compress(tasks.values(), map(eq, map(attrgetter("kind"), tasks.values()), repeat("phase"))))
    chains = [(task, chain) for task in phases if (chain := _chain_to_top(tasks, task.id))]
    on_chains = {tid for _task, chain in chains for tid in chain}
    # Plan order of the chains' tasks alone, picked column-wise: a place for every task cost more.
    in_plan = dict(compress(zip(tasks, count()), map(on_chains.__contains__, tasks)))
    placed = [([(tasks[tid].position, in_plan[tid]) for tid in reversed(chain)], task) for task, chain in chains]
    return [task for _path, task in sorted(placed, key=lambda pair: pair[0])]


def on_chains(project: Project, phase_tasks: list[Task]) -> set[str]:
    """The phase tasks and their summaries: only an edit of one of these can reorder the phases."""
    return {tid for task in phase_tasks for tid in _chain_to_top(project.tasks, task.id)}


def _chain_to_top(tasks: Mapping[str, Task], task_id: str) -> list[str]:
    """The task and its summaries up to the top level; [] when the chain breaks off (a missing summary)."""
    chain: list[str] = []
    node_id: str | None = task_id
    while node_id is not None and node_id in tasks:
        chain.append(node_id)
        node_id = tasks[node_id].parent_id
    return chain if node_id is None else []


def phase_bands(project: Project, schedule: Schedule | None, phases: list[Task],
                places: np.ndarray | None = None) -> list[tuple[float, float, str]]:
    """Programme phases as background bands: phase tasks in WBS order that do not overlap an
    earlier band (reconnaissance, construction, utilisation; the parallel programmes that
    overlap them stay rows only, or the background would turn into a patchwork). `places`: the
    phases' places in the schedule's columns, when known (looking tasks up by id in a new
    schedule makes its index of every task)."""
    bands: list[tuple[float, float, str]] = []
    tolerance = 62  # phases announced to a year may touch by a month or two
    if places is not None and schedule is not None and len(places) and places.min() >= 0:
        columns = schedule.tasks.arrays()  # type: ignore[attr-defined]  # places come from a TaskTable
        ends: Iterable[tuple[int, int]] = zip(columns[0][places].tolist(), columns[1][places].tolist())
    else:
        ends = ((start.toordinal(), finish.toordinal()) for start, finish, _ in
                (task_dates(project, schedule, task) for task in phases))
    for task, (first, last) in zip(phases, ends):
        s, f = float(first), float(last)
        if task.kind == "phase" and f > s and all(f <= a + tolerance or s >= b - tolerance for a, b, _ in bands):
            bands.append((s, f, task.name))
    return sorted(bands)
