"""The scheduling rules of ilrs_planner.engine.cpm written plainly over networkx: the peer of every benchmark.

Links on summaries are expanded to every pair of sub-tasks, the order comes from
networkx.topological_sort, and every date is a dict lookup per node. It imports nothing of the
planner but its plain data classes, so a process running it pays only for networkx.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ilrs_planner.domain import ConstraintType as C

FROM_FINISH = {"FS": True, "FF": True, "SS": False, "SF": False}
TO_FINISH = {"FF": True, "SF": True, "FS": False, "SS": False}


def networkx_schedule(project) -> dict[str, tuple[int, ...]]:
    """The same rules, written plainly: task id -> (ES, EF, LS, LF, TF, FF) in day ordinals."""
    tasks = project.tasks
    children = defaultdict(list)
    for task in tasks.values():
        if task.parent_id is not None:
            children[task.parent_id].append(task.id)
    leaves_of = {tid: _leaves(tid, children) for tid in tasks}
    leaves = [tid for tid in tasks if tid not in children]
    bounds = {tid: _bounds(tasks[tid], project.start.toordinal()) for tid in leaves}
    _summary_bounds(tasks, children, leaves_of, bounds)
    graph = nx.DiGraph()
    graph.add_nodes_from(leaves)
    for link in project.links.values():
        rule = (FROM_FINISH[str(link.type)], TO_FINISH[str(link.type)], link.lag)
        for p in leaves_of[link.pred_id]:
            for s in leaves_of[link.succ_id]:
                if graph.has_edge(p, s):
                    graph[p][s]["rules"].append(rule)
                else:
                    graph.add_edge(p, s, rules=[rule])
    order = list(nx.topological_sort(graph))
    es = _forward(graph, order, bounds)
    finish = max(es[t] + bounds[t]["dur"] for t in leaves) if leaves else project.start.toordinal()
    ls, ff = _backward(graph, order, bounds, es, finish)
    result = {}
    for t in leaves:
        b = bounds[t]
        tf = 0 if b["finished"] else ls[t] - es[t]
        free = 0 if b["finished"] else min(ff[t], tf)  # free float never exceeds total float
        result[t] = (es[t], es[t] + b["dur"], es[t] + tf, es[t] + b["dur"] + tf, tf, free)
    for s in children:
        under = [result[t] for t in leaves_of[s]]
        open_floats = [result[t][4] for t in leaves_of[s] if not bounds[t]["finished"]]
        start, end = min(r[0] for r in under), max(r[1] for r in under)
        tf = min(open_floats) if open_floats else 0
        if open_floats and tasks[s].constraint in (C.SNLT, C.MSO):
            tf = min(tf, tasks[s].constraint_date.toordinal() - start)
        result[s] = (start, end, start + tf, end + tf, tf, None)
    return result


def _leaves(tid, children) -> list[str]:
    if tid not in children:
        return [tid]
    return [leaf for child in children[tid] for leaf in _leaves(child, children)]


def _bounds(task, start: int) -> dict:
    dur, base, fixed = task.duration, start, None
    start_cap = finish_cap = 10**9
    day = task.constraint_date.toordinal() if task.constraint_date else None
    kind = task.constraint
    if kind == C.SNET:
        base = max(base, day)
    elif kind == C.FNET:
        base = max(base, day - dur)
    elif kind == C.MSO:
        fixed, start_cap = day, day
    elif kind == C.MFO:
        fixed, finish_cap = day - dur, day
    elif kind == C.SNLT:
        start_cap = day
    elif kind == C.FNLT:
        finish_cap = day
    if task.deadline:  # the end of its day: a task may finish (exclusive) the day after, a milestone on it
        finish_cap = min(finish_cap, task.deadline.toordinal() + (0 if dur == 0 else 1))
    history = bool(task.actual_start or task.actual_finish)
    if task.actual_start and task.actual_finish:
        dur = (task.actual_finish - task.actual_start).days
    if task.actual_start:
        fixed = task.actual_start.toordinal()
    elif task.actual_finish:
        fixed = task.actual_finish.toordinal() - dur
    return {"dur": dur, "base": base, "fixed": fixed, "start_cap": start_cap, "finish_cap": finish_cap,
            "history": history, "finished": bool(task.actual_finish or (history and dur == 0))}


def _summary_bounds(tasks, children, leaves_of, bounds) -> None:
    """SNET/MSO on a summary hold back its sub-tasks; FNLT/MFO/deadline cap them."""
    for s in children:
        task = tasks[s]
        day = task.constraint_date.toordinal() if task.constraint_date else None
        for leaf in leaves_of[s]:
            if task.constraint in (C.SNET, C.MSO):
                bounds[leaf]["base"] = max(bounds[leaf]["base"], day)
            if task.constraint in (C.FNLT, C.MFO):
                bounds[leaf]["finish_cap"] = min(bounds[leaf]["finish_cap"], day)
            if task.deadline:  # a summary's deadline is the end of its day for every sub-task under it
                bounds[leaf]["finish_cap"] = min(bounds[leaf]["finish_cap"], task.deadline.toordinal() + 1)


def _forward(graph, order, bounds) -> dict[str, int]:
    es = {}
    for v in order:
        b = bounds[v]
        if b["fixed"] is not None:
            es[v] = b["fixed"]
            continue
        start = b["base"]
        for u in graph.predecessors(v):
            for from_finish, to_finish, lag in graph[u][v]["rules"]:
                bound = es[u] + (bounds[u]["dur"] if from_finish else 0) + lag - (b["dur"] if to_finish else 0)
                start = max(start, bound)
        es[v] = start
    return es


def _backward(graph, order, bounds, es, finish):
    ls, ff = {}, {}
    for u in reversed(order):
        b = bounds[u]
        late = min(min(finish, b["finish_cap"]) - b["dur"], b["start_cap"])
        slack = None
        for v in graph.successors(u):
            if bounds[v]["history"]:
                continue
            for from_finish, to_finish, lag in graph[u][v]["rules"]:
                back = (bounds[v]["dur"] if to_finish else 0) - lag - (b["dur"] if from_finish else 0)
                late = min(late, ls[v] + back)
                gap = es[v] + back - es[u]
                slack = gap if slack is None else min(slack, gap)
        ls[u] = late
        ff[u] = finish - es[u] - b["dur"] if slack is None else slack
    return ls, ff
