"""The programme's phase tasks in WBS order: the candidates for the chart's background bands."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import compress, count, repeat
from operator import attrgetter, eq

from ..domain import Project, Task


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
