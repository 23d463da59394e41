"""Would pasting a block of linked tasks close a dependency loop? One search over the block, and a
question to the plan only where a link comes into the block from one of the plan's tasks.

The graph is link_graph's: each task has an in-node and an out-node; a link runs from its
predecessor's out-node to its successor's in-node; a leaf's in-node leads to its out-node; a
summary's in-node leads to its children's, their out-nodes to its own. The plan has no loop (each
link made was checked), and every pasted link ends in the block, so a loop runs through a pasted
link. The only edge out of the block runs from a pasted top task's out-node to the out-node of the
task pasted under (the paste's summary), so a loop that leaves the block goes from that summary's
finish, through the plan, to a task of the plan a pasted link starts from. The block is searched
alone (milliseconds for 10,000 tasks); the plan is asked, through the link check's kept graph,
only whether the summary's finish leads to those tasks, and copied tasks link among themselves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..domain import Link, PlannerError, Project, Task
from ..engine.graph import find_cycle
from .link_graph import graph_of


def refuse_loops(project: Project, block: dict[str, Task], links: Sequence[Link], parent_id: str | None) -> None:
    """Raise link.cycle, naming the loop, when pasting `block` and `links` under `parent_id` closes one."""
    loop = _block_loop(block, links)
    if loop is not None:
        raise _loop_error(loop, block)
    outside = {link.pred_id for link in links if link.pred_id not in block}
    if parent_id is None or not outside or _reaches(project, parent_id, outside) is False:
        return  # nothing leads out of the block and back into it
    joined = dataclasses.replace(project, tasks={**project.tasks, **block},
                                 links={**project.links, **{link.id: link for link in links}})
    loop = find_cycle(joined)  # the whole plan searched, only when the block may close a loop through it
    if loop is not None:
        raise _loop_error(loop, joined.tasks)


def _reaches(project: Project, parent_id: str, tasks: set[str]) -> bool | None:
    """Does the finish of `parent_id` lead to the start of one of `tasks` in the plan? None when
    the kept graph cannot say (the plan has a stray link or a loop already)."""
    graph = graph_of(project)
    order = graph.order
    if order is None or order.rank is None:
        return None
    finish = graph.node[parent_id] + 1
    return any(order.reaches(finish, graph.node[tid]) for tid in tasks)


def _block_loop(block: dict[str, Task], links: Sequence[Link]) -> list[str] | None:
    """A loop among the pasted tasks (through their summaries too), as task ids in link order."""
    ids = list(block)
    place = dict(zip(ids, range(len(ids))))
    after: list[list[int]] = [[] for _ in range(2 * len(ids))]  # node -> the nodes it leads to
    leaf = [True] * len(ids)
    for child, task in enumerate(block.values()):
        up = place.get(task.parent_id)  # type: ignore[arg-type]  # None: a top task of the block
        if up is not None:
            leaf[up] = False
            after[2 * up].append(2 * child)
            after[2 * child + 1].append(2 * up + 1)
    for node in range(len(ids)):
        if leaf[node]:
            after[2 * node].append(2 * node + 1)
    for link in links:
        if link.pred_id in place:
            after[2 * place[link.pred_id] + 1].append(2 * place[link.succ_id])
    left = _unordered(after)
    return [ids[task] for task in _loop_tasks(after, left)] if left else None


def _unordered(after: list[list[int]]) -> set[int]:
    """The nodes Kahn's order cannot reach: empty exactly when there is no loop."""
    waiting = [0] * len(after)
    for targets in after:
        for node in targets:
            waiting[node] += 1
    ready = [node for node, count in enumerate(waiting) if not count]
    while ready:
        for node in after[ready.pop()]:
            waiting[node] -= 1
            if not waiting[node]:
                ready.append(node)
    return {node for node, count in enumerate(waiting) if count}


def _loop_tasks(after: list[list[int]], left: set[int]) -> list[int]:
    """One loop among the nodes left (each has a predecessor left), as task places in link order,
    starting at the one pasted first."""
    before: dict[int, int] = {}
    for node in left:
        for target in after[node]:
            if target in left:
                before.setdefault(target, node)
    seen: dict[int, int] = {}
    walk: list[int] = []
    node = min(left)
    while node not in seen:
        seen[node] = len(walk)
        walk.append(node)
        node = before[node]
    owners = [node // 2 for node in reversed(walk[seen[node]:])]
    tasks = [task for i, task in enumerate(owners) if task != owners[i - 1]] or owners[:1]
    first = tasks.index(min(tasks))
    return tasks[first:] + tasks[:first]


def _loop_error(loop: list[str], tasks: Mapping[str, Task]) -> PlannerError:
    names = " → ".join(f"'{tasks[tid].name}' ({tasks[tid].key})" for tid in loop + loop[:1])
    return PlannerError("link.cycle", f"pasting would link tasks in a loop: {names}", loop)
