"""Compile a project into the integer network the scheduler runs on.

Every scheduling rule becomes a difference constraint `ES[v] >= ES[u] + weight` between nodes whose
value is a day ordinal. A leaf task is one node (its early start). A summary task gets up to four
gate nodes instead of links fanned out to every descendant (which would grow as children x
children):

- in_start:  lower bound on every descendant's start  (links FS/SS into the summary, SNET/MSO)
- in_finish: lower bound on every descendant's finish (links FF/SF into the summary)
- out_start:  the latest start of any descendant  (source of SS/SF links out of the summary)
- out_finish: the latest finish of any descendant (source of FS/FF links out; FNLT/deadline cap)

A gate exists only when the summary or one of its ancestors needs it. A link on a summary thus
binds each of its descendants exactly as if it had been drawn to or from that descendant.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from ..domain import LinkType, PlannerError, Project, Task
from . import _checks
from ._bounds import BIG, Bounds, task_bounds
from ._tree import ancestor_jumps, spread_down

_PRED, _SUCC, _TYPE, _LAG = (attrgetter(name) for name in ("pred_id", "succ_id", "type", "lag"))
_TYPE_CODE = {LinkType.FS: 0, LinkType.SS: 1, LinkType.FF: 2, LinkType.SF: 3}


@dataclass(slots=True)
class Network:
    """A project as arrays: tasks are nodes 0..n-1, gate nodes follow; edges in CSR form."""

    task_ids: list[str]
    index: dict[str, int]  # task id -> task index
    tasks: list[Task]
    start: int  # the plan's start (ordinal)
    duration: np.ndarray  # effective duration per task (actual dates win)
    parent: np.ndarray  # parent task index, -1 at the top level
    depth: np.ndarray
    is_summary: np.ndarray
    history: np.ndarray  # task has an actual date: its dates are fixed, its incoming links dead
    finished: np.ndarray  # task has an actual finish
    gates: dict[str, np.ndarray]  # gate kind -> node index per task (-1: none)
    n_nodes: int
    node_task: np.ndarray  # node -> task index it belongs to
    base: np.ndarray  # early lower bound per node
    fixed: np.ndarray  # fixed early start per node, or -BIG
    start_cap: np.ndarray  # per task: latest start allowed (SNLT/MSO), BIG if none
    finish_cap: np.ndarray  # per task: latest finish allowed (FNLT/MFO/deadline), BIG if none
    offsets: np.ndarray  # CSR: out-edges of node u are offsets[u]:offsets[u+1]
    targets: np.ndarray
    weights: np.ndarray
    live: np.ndarray  # False for edges into a task with actual dates (history ignores links)
    jumps: list[np.ndarray]  # the WBS as jump pointers (see _tree)


def compile_network(project: Project) -> Network:
    """Validate the project and build its constraint network (raises PlannerError on bad input)."""
    tasks = list(project.tasks.values())
    task_ids = list(project.tasks)
    index = {tid: i for i, tid in enumerate(task_ids)}
    n = len(tasks)
    durations = list(map(attrgetter("duration"), tasks))
    if not _checks.all_whole(durations):
        _checks.raise_bad_duration(tasks, durations)
    planned = np.fromiter(durations, dtype=np.int64, count=n)
    _checks.check_durations(planned, tasks)
    parent = _checks.parent_indices(tasks, index)
    depth = _checks.depths(parent, tasks)
    jumps = ancestor_jumps(parent, depth)
    is_summary = np.zeros(n, dtype=bool)
    is_summary[parent[parent >= 0]] = True
    links = _link_arrays(project, index, tasks)
    _checks.check_summary_links(links[0], links[1], is_summary, depth, jumps, tasks)
    bounds = task_bounds(tasks, planned, is_summary, project.start.toordinal())
    return _assemble(project, tasks, task_ids, index, parent, depth, jumps, is_summary, links, bounds)


def _link_arrays(project: Project, index: dict[str, int], tasks: list[Task]) -> tuple[np.ndarray, ...]:
    """(pred, succ, type code, lag) arrays of every link, checked for unknown and self links."""
    # One attribute at a time: a tuple per link would wake the garbage collector on large plans.
    links = list(project.links.values())
    count = len(links)
    pred_list = list(map(index.get, map(_PRED, links)))
    succ_list = list(map(index.get, map(_SUCC, links)))
    if None in pred_list or None in succ_list:
        _checks.raise_unknown_task([(link.pred_id, link.succ_id) for link in links], index, tasks)
    pred = np.fromiter(pred_list, dtype=np.int64, count=count)
    succ = np.fromiter(succ_list, dtype=np.int64, count=count)
    same = np.flatnonzero(pred == succ)
    if same.size:
        task = tasks[int(pred[same[0]])]
        raise PlannerError("link.self", f"task '{task.key}' is linked to itself", [task.id])
    codes = list(map(_TYPE_CODE.get, map(_TYPE, links)))
    lags = list(map(_LAG, links))
    if None in codes or not _checks.all_whole(lags):
        _checks.raise_bad_link(links, codes, lags, tasks, index)
    code = np.fromiter(codes, dtype=np.int64, count=count)
    return pred, succ, code, np.fromiter(lags, dtype=np.int64, count=count)



def _assemble(project, tasks, task_ids, index, parent, depth, jumps, is_summary, links, bounds: Bounds) -> Network:
    """Allocate gate nodes, turn links and the WBS into weighted edges, and pack them as CSR."""
    from ._edges import build_edges  # local: the edge builder is the second half of compilation

    n = len(tasks)
    gates, n_nodes = _allocate_gates(links, jumps, is_summary, bounds)
    src, dst, weight = build_edges(links, parent, is_summary, bounds.duration, gates)
    node_task = np.concatenate([np.arange(n), np.zeros(n_nodes - n, dtype=np.int64)])
    base = np.full(n_nodes, -BIG, dtype=np.int64)
    base[:n] = bounds.base
    fixed = np.full(n_nodes, -BIG, dtype=np.int64)
    fixed[:n] = bounds.fixed
    for kind, nodes in gates.items():
        has = nodes >= 0
        node_task[nodes[has]] = np.flatnonzero(has)
    has_in = gates["in_start"] >= 0
    base[gates["in_start"][has_in]] = bounds.base[has_in]
    base[:n][is_summary] = -BIG
    order = np.argsort(src, kind="stable")
    offsets = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n_nodes), out=offsets[1:])
    targets = dst[order]
    live = ~(bounds.history[node_task[targets]] & (targets < n))
    return Network(task_ids, index, tasks, project.start.toordinal(), bounds.duration, parent, depth, is_summary,
                   bounds.history, bounds.finished, gates, n_nodes, node_task, base, fixed, bounds.start_cap,
                   bounds.finish_cap, offsets, targets, weight[order], live, jumps)


def _allocate_gates(links, jumps, is_summary, bounds: Bounds) -> tuple[dict[str, np.ndarray], int]:
    """Give each summary the gate nodes that it or an ancestor needs; numbered after the tasks."""
    pred, succ, code, _ = links
    n = len(is_summary)
    kinds = ("in_start", "in_finish", "out_start", "out_finish")
    need = np.zeros((len(kinds), n), dtype=bool)
    need[0, succ[code <= 1]] = True  # FS, SS end at a start
    need[1, succ[code >= 2]] = True  # FF, SF end at a finish
    need[2, pred[(code == 1) | (code == 3)]] = True  # SS, SF leave from a start
    need[3, pred[(code == 0) | (code == 2)]] = True  # FS, FF leave from a finish
    need[0] |= bounds.base > -BIG
    need[3] |= bounds.finish_cap < BIG
    wanted = spread_down(need & is_summary, jumps) & is_summary
    gates, next_node = {}, n
    for kind, row in zip(kinds, wanted):
        nodes = np.full(n, -1, dtype=np.int64)
        count = int(row.sum())
        nodes[row] = np.arange(next_node, next_node + count)
        gates[kind], next_node = nodes, next_node + count
    return gates, next_node
