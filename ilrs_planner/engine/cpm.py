"""The critical-path scheduler: `schedule(project) -> Schedule`, in calendar days.

Rules (issue 2 §2). A task occupies `[start, finish)`, `finish = start + duration`; a milestone's
finish is its start. Finish-type dates (FNET/FNLT/MFO dates, deadlines, actual finishes) are compared
with that exclusive finish. Announcement precision never changes the schedule.

Forward pass, in topological order: `ES = max(project start, constraint, every incoming link)` with
FS: p.EF+lag, SS: p.ES+lag, FF: p.EF+lag-dur, SF: p.ES+lag-dur; SNET raises ES to its date, FNET to
date-dur; MSO fixes ES (MFO fixes EF) even against the links. Backward pass: project finish = max EF;
`LF = min(project finish, deadline/FNLT/MFO, every outgoing link)` with FS: s.LS-lag, SS: s.LS-lag+dur,
FF: s.LF-lag, SF: s.LF-lag+dur; SNLT/MSO cap LS. Total float = LS-ES, negative when a date cannot be
met; free float = least slack on any outgoing link, or to the project finish when there is none;
critical = total float <= 0.

History. Actual dates fix a task (actual start fixes ES, actual finish fixes EF, only an actual finish
gives ES = EF-dur, both give the duration), and links into it no longer bind either way: the past is
not pushed by its predecessors and does not push them back. A finished task has nothing left to
schedule, so its late dates equal its early dates, its floats are 0 and it is never critical: an
old mission must not paint the whole path behind it red. A started but unfinished task keeps its
start and gets a normal late finish, so a late running task shows negative float.

Summaries span their sub-tasks: ES = min, EF = max of their descendants. A link on a summary binds
each descendant as if drawn to or from it (through gate nodes, see _network), so an SS/SF link from a
summary leaves from the latest start among its descendants. A summary's total float is the least
float of its unfinished descendants (LS = ES + float, LF = EF + float), so a phase holding the
critical path is critical; likewise its free float is the least of its own links' slack and its
unfinished descendants' free floats. On a summary, SNET/MSO bound every descendant's start and FNLT/MFO/deadline
every descendant's finish; SNLT/MSO lower the summary's own float; FNET and MFO's lower bound cannot
be placed on any one descendant and are not applied (constrain the last task instead).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from ..domain import Project
from ._network import BIG, Network, compile_network
from . import _levels
from .graph import loop_nodes, loop_task_ids, raise_loop
from .schedule import Schedule, TaskTable

# Level passes cost a few numpy calls per level, the loops about a microsecond per edge: past one
# level per this many edges (measured on 100,000-task plans) the loops win, or soon will.
LEVELS_PER_EDGE = 100


def schedule(project: Project) -> Schedule:
    """Schedule the project by the critical-path method; raises PlannerError on bad input or a loop."""
    return schedule_with(project, vectorised=None)


def schedule_with(project: Project, vectorised: bool | None) -> Schedule:
    """`schedule`, choosing the passes: numpy per level (True), plain loops (False), or by shape (None).

    Both give the same result; by shape, the level passes are tried and abandoned for the loops
    when the plan turns out too deep (long chains) for them to pay off.
    """
    net = compile_network(project)
    n = len(net.task_ids)
    passes = _level_passes(net, vectorised) if vectorised is not False else None
    if passes is None:
        order, early_list = _forward(net)
        if len(order) < net.n_nodes:
            raise_loop(project, loop_task_ids(net, loop_nodes(net, order)))
        early = np.array(early_list, dtype=np.int64)
    else:
        order, early, level = passes
        if len(order) < net.n_nodes:
            raise_loop(project, loop_task_ids(net, loop_nodes(net, order.tolist())))
    leaf = ~net.is_summary
    es = early[:n]
    ef = es + net.duration
    finish = int(ef[leaf].max()) if leaf.any() else net.start
    caps = _late_caps(net, finish, leaf)
    if passes is None:
        late, free = (np.array(c, dtype=np.int64) for c in _backward(net, order, early_list, caps))
    else:
        late, free = _levels.backward(net, level, _count(level), early, caps)
    ff = np.where(free[:n] >= BIG // 2, finish - ef, free[:n])
    columns = _finish_columns(net, es, ef, late[:n], ff, free, finish)
    start = min(net.start, int(es[leaf].min())) if leaf.any() else net.start
    return Schedule(date.fromordinal(start), date.fromordinal(finish), TaskTable(net.task_ids, *columns, index=net.index))


def _level_passes(net: Network, vectorised: bool | None):
    """(order, early starts, levels) by the level passes, or None when the plan is too deep for them."""
    budget = net.n_nodes + 1 if vectorised else max(64, net.targets.size // LEVELS_PER_EDGE)
    found = _levels.levels(net, budget)
    if found is None:
        return None
    level, order = found
    if len(order) < net.n_nodes:
        return order, None, level
    return order, _levels.forward(net, level, _count(level)), level


def _count(level: np.ndarray) -> int:
    return int(level.max()) + 1 if level.size else 0


def _forward(net: Network) -> tuple[list[int], list[int]]:
    """Kahn's topological order and the early starts, in one sweep over the edges."""
    offsets, targets, weights = net.offsets.tolist(), net.targets.tolist(), net.weights.tolist()
    indegree = np.bincount(net.targets, minlength=net.n_nodes).tolist()
    early, fixed = net.base.tolist(), net.fixed.tolist()
    ready = [v for v in range(net.n_nodes) if not indegree[v]]
    ready.reverse()  # pop() then takes nodes in plan order, which keeps results reproducible
    order: list[int] = []
    push, pop, emit = ready.append, ready.pop, order.append
    while ready:
        u = pop()
        emit(u)
        start = fixed[u]
        if start > -BIG:
            early[u] = start  # MSO, MFO and actual dates win over the links
        else:
            start = early[u]
        for k in range(offsets[u], offsets[u + 1]):
            v = targets[k]
            bound = start + weights[k]
            if bound > early[v]:
                early[v] = bound
            indegree[v] -= 1
            if not indegree[v]:
                push(v)
    return order, early


def _late_caps(net: Network, finish: int, leaf: np.ndarray) -> np.ndarray:
    """The latest start each node may take before its successors are considered."""
    n = len(net.task_ids)
    caps = np.full(net.n_nodes, BIG, dtype=np.int64)
    latest_finish = np.minimum(finish, net.finish_cap)
    caps[:n] = np.where(leaf, np.minimum(latest_finish - net.duration, net.start_cap), BIG)
    gate = net.gates["out_finish"]
    capped = (gate >= 0) & (net.finish_cap < BIG)
    caps[gate[capped]] = net.finish_cap[capped]  # the out-finish gate holds the latest finish
    return caps


def _backward(net: Network, order: list[int], early: list[int], caps: np.ndarray) -> tuple[list[int], list[int]]:
    """Late starts and free floats, in reverse topological order.

    Free float follows gates: the slack into a gate plus the gate's own least slack onward, so a
    link into a summary is measured to its earliest descendant and a task inside a summary sees
    the summary's successors.
    """
    offsets, targets = net.offsets.tolist(), net.targets.tolist()
    weights = np.where(net.live, net.weights, -BIG).tolist()  # a dead edge never binds
    n = len(net.task_ids)
    late = caps.tolist()
    free = [BIG] * net.n_nodes
    carry = [0] * n + [BIG] * (net.n_nodes - n)
    for u in reversed(order):
        latest, slack, start = late[u], BIG, early[u]
        for k in range(offsets[u], offsets[u + 1]):
            v = targets[k]
            w = weights[k]
            bound = late[v] - w
            if bound < latest:
                latest = bound
            gap = early[v] - start - w + carry[v]
            if gap < slack:
                slack = gap
        late[u] = latest
        free[u] = slack
        if u >= n:
            carry[u] = slack
    return late, free


def _finish_columns(net: Network, es, ef, ls, ff, free_nodes, finish):
    """Per-task columns (ES, EF, LS, LF, TF, FF, critical), with history and summaries settled."""
    from ._summaries import settle_summaries

    tf = ls - es
    done = net.finished
    ls, tf, ff = np.where(done, es, ls), np.where(done, 0, tf), np.where(done, 0, ff)
    es, ef, tf, ff, open_work = settle_summaries(net, es, ef, tf, ff, free_nodes, finish)
    ls = es + tf
    lf = ef + tf
    critical = (tf <= 0) & open_work
    return es, ef, ls, lf, tf, ff, critical
