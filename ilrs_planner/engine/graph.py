"""Dependency graph helpers: topological order and dependency loops, reported by task key."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..domain import Link, PlannerError, Project
from ._levels import levels
from ._network import Network, compile_network


def node_order(net: Network) -> list[int]:
    """A topological order of the network's nodes; shorter than the node count when there is a loop."""
    if net.n_nodes >= 3000:  # large and wide: numpy level by level (see cpm for the thresholds)
        found = levels(net, max(64, net.targets.size // 100))
        if found is not None:
            return [int(node) for node in found[1].tolist()]
    return _kahn(net)


def _kahn(net: Network) -> list[int]:
    """Kahn's order, one node at a time."""
    offsets, targets = net.offsets.tolist(), net.targets.tolist()
    indegree = np.bincount(net.targets, minlength=net.n_nodes).tolist()
    ready = [v for v in range(net.n_nodes) if not indegree[v]]
    ready.reverse()  # pop() then takes nodes in plan order, which keeps the order stable
    order: list[int] = []
    push, pop, emit = ready.append, ready.pop, order.append
    while ready:
        u = pop()
        emit(u)
        for k in range(offsets[u], offsets[u + 1]):
            v = targets[k]
            indegree[v] -= 1
            if not indegree[v]:
                push(v)
    return order


def loop_nodes(net: Network, order: list[int]) -> list[int]:
    """One loop among the nodes Kahn's order could not reach, in link direction."""
    left = np.ones(net.n_nodes, dtype=bool)
    left[order] = False
    sources = np.repeat(np.arange(net.n_nodes), np.diff(net.offsets))
    inside = left[sources] & left[net.targets]
    preds: dict[int, int] = {}
    for u, v in zip(sources[inside].tolist(), net.targets[inside].tolist()):
        preds.setdefault(v, u)  # every node left over has a predecessor that is left over too
    seen: dict[int, int] = {}
    node = int(np.flatnonzero(left)[0])
    walk: list[int] = []
    while node not in seen:
        seen[node] = len(walk)
        walk.append(node)
        node = preds[node]
    return list(reversed(walk[seen[node]:]))


def loop_task_ids(net: Network, nodes: list[int]) -> list[str]:
    """The loop as task ids (gate nodes shown as their summary), starting at the earliest-added task."""
    owners = [int(net.node_task[v]) for v in nodes]
    tasks = [t for i, t in enumerate(owners) if t != owners[i - 1]] or owners[:1]
    first = tasks.index(min(tasks))
    return [net.task_ids[t] for t in tasks[first:] + tasks[:first]]


def raise_loop(project: Project, loop: list[str]) -> None:
    """Raise `link.cycle` naming the loop by task keys: `A → B → C → A`."""
    keys = [project.tasks[tid].key for tid in loop]
    raise PlannerError("link.cycle", " → ".join(keys + keys[:1]), loop)


def find_cycle(project: Project, extra_links: Iterable[Link] = ()) -> list[str] | None:
    """A dependency loop as task ids (first not repeated at the end), or None if there is none.

    `extra_links` are considered as if added, so a command can refuse a link that would close a loop.
    A loop may pass through a summary: a link into a summary binds its sub-tasks.
    """
    extra = list(extra_links)
    if extra:
        project = Project(project.name, project.start, tasks=project.tasks,
                          links={**project.links, **{link.id: link for link in extra}})
    net = compile_network(project)
    order = node_order(net)
    if len(order) == net.n_nodes:
        return None
    return loop_task_ids(net, loop_nodes(net, order))


def topological_order(project: Project) -> list[str]:
    """Task ids so that every task comes after the tasks it depends on; raises `link.cycle` on a loop.

    A summary comes right after the last of its sub-tasks.
    """
    net = compile_network(project)
    order = node_order(net)
    if len(order) < net.n_nodes:
        raise_loop(project, loop_task_ids(net, loop_nodes(net, order)))
    position = np.empty(net.n_nodes, dtype=np.int64)
    position[order] = np.arange(net.n_nodes)
    rank = position[: len(net.task_ids)].copy()
    for level in sorted(set(net.depth[net.parent >= 0].tolist()), reverse=True):
        at = np.flatnonzero((net.depth == level) & (net.parent >= 0))
        np.maximum.at(rank, net.parent[at], rank[at] + 1)
    keys = sorted(range(len(rank)), key=lambda i: (int(rank[i]), -int(net.depth[i])))
    return [net.task_ids[i] for i in keys]
