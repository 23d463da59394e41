"""The scheduler's own constraint network, made ready for durations that vary per iteration.

The Monte Carlo must follow exactly the CPM's rules (link types, lags, constraints, actual dates,
summary gates), so it reuses `_network.compile_network` instead of restating them. That network
holds edges `ES[dst] >= ES[src] + weight` whose weights already include durations. Which duration
each weight holds is found by compiling once more with every task's duration shifted by a distinct
amount: edge k then moved by `+(s+1)` when it carries its source task's duration (FS/FF from a
leaf, leaf -> finish gate), by `-(d+1)` when it carries its target's (FF/SF into a leaf, finish
gate -> leaf), by both, or not at all.

Rows of the pass matrices: [0, N) node early/late starts, [N, 2N) leaf early/late finishes, so an
edge reads one row and adds one constant, whatever its type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np

from ..domain import ConstraintType, PlannerError, Project, Task
from . import cpm
from ._bounds import BIG
from ._network import Network, compile_network
from ._risk_sampling import ThreePoint, estimate_of
from ._summary_starts import least_nodes
from .graph import loop_nodes, loop_task_ids, node_order, raise_loop


@dataclass(slots=True)
class NodeRule:
    """How one node's early start is computed from the rows before it (and its late start after)."""

    node: int
    task: int  # the leaf task this node is, or -1 for a summary/gate node
    starts: list[tuple[int, float]]  # (row read, constant added) of the start-bound edges
    finishes: list[tuple[int, float]]  # ... of the finish-bound edges (subtract own duration)
    base: float  # lower bound (days from project start), -inf if none
    fnet: float  # FNET date: ES >= fnet - duration (-inf if none)
    fixed: float  # fixed start (NaN if none)
    mfo: float  # MFO date: ES = mfo - duration (NaN if none)
    least: bool = False  # a summary's start gate: the least of its bounds (see _summary_starts)


@dataclass(slots=True)
class RiskNetwork:
    """The compiled plan plus the per-node rules in topological order and the sampled tasks."""

    net: Network
    order: list[int]
    rules: list[NodeRule]  # in `order`
    out_start: list[list[tuple[int, float]]]  # per node: (row of a successor's late value, -constant)
    out_finish: list[list[tuple[int, float]]]  # bounds on the node's late finish (leaf only)
    out_least: list[list[tuple[int, float, float]]]  # into summary start gates: bind only where they give it
    sampled: np.ndarray  # task indices with an uncertain duration
    estimates: ThreePoint

    @property
    def n_nodes(self) -> int:
        return self.net.n_nodes

    @property
    def n_tasks(self) -> int:
        return len(self.net.task_ids)


def compile_risk_network(project: Project, use_defaults: bool = True) -> RiskNetwork:
    """Compile the project (raising the scheduler's errors, loops by name) and classify every edge."""
    net = compile_network(project)
    order = node_order(net)
    if len(order) < net.n_nodes:
        raise_loop(project, loop_task_ids(net, loop_nodes(net, order)))
    cs, cd = _duration_roles(project, net)
    src = np.repeat(np.arange(net.n_nodes), np.diff(net.offsets))
    dst = net.targets
    # weight = const + cs * D[src task] - cd * D[dst task]; rows: src EF when cs, dst EF when cd.
    const = net.weights - np.where(cs, net.duration[net.node_task[src]], 0) \
        + np.where(cd, net.duration[net.node_task[dst]], 0)
    const, const_late = _linearised(project, net, src, const)
    read_row = np.where(cs, src + net.n_nodes, src)
    rules = _node_rules(project, net, order, read_row, dst, cd, const.astype(np.float64))
    out_start, out_finish, out_least = _late_edges(net, src, dst, cs, cd, const_late.astype(np.float64),
                                                   const.astype(np.float64))
    sampled, estimates = _uncertain_tasks(project, net, use_defaults)
    return RiskNetwork(net, order, rules, out_start, out_finish, out_least, sampled, estimates)


def _linearised(project: Project, net: Network, src: np.ndarray,
                const: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hold each calendar crossing (see _crossings) at the offset it has in the deterministic
    schedule: for the forward pass at its source's early start, for the backward pass at its
    target's late start (the offset differs where float spans a weekend or a holiday).

    The Monte Carlo adds constants to rows; a link between calendars is not a constant, but near
    the planned dates it moves by the same number of days as there, which is what the samples need.
    """
    crossings = net.crossings
    if crossings is None:
        return const, const
    early, late, at_end = cpm.scheduled_positions(project, net)
    edges = crossings.edges
    x0, y0 = early[src[edges]], late[net.targets[edges]]
    held = const.astype(np.int64)
    held_late = held.copy()
    n = len(net.task_ids)
    ends = np.zeros(net.n_nodes, dtype=bool)
    ends[:n] = at_end  # a link out of a milestone reads it at its moment, as the schedule does (see _moments)
    held[edges] += crossings.forward(x0, ends=ends[src[edges]]) - x0 - net.weights[edges]
    bounded = y0 < BIG // 2  # a target without a late bound gives its source none either
    target = net.targets[edges]  # a milestone's late moment is an end of day, unless it has no room to move
    at_start = ~ends[target] & (late[target] == early[target])
    held_late[edges] = np.where(bounded, held_late[edges] + y0 - crossings.backward(y0, at_start=at_start)
                                - net.weights[edges],
                                held[edges])
    return held, held_late


_TASK_FIELDS = attrgetter(*(f.name for f in dataclasses.fields(Task)))
_DURATION = [f.name for f in dataclasses.fields(Task)].index("duration")


def _with_duration(task: Task, duration: int) -> Task:
    """`dataclasses.replace(task, duration=duration)` at a quarter of its cost (it ran once per task)."""
    values = list(_TASK_FIELDS(task))
    values[_DURATION] = duration
    return Task(*values)


def _duration_roles(project: Project, net: Network) -> tuple[np.ndarray, np.ndarray]:
    shifted = {tid: _with_duration(t, t.duration + i + 1) for i, (tid, t) in enumerate(project.tasks.items())}
    probe = compile_network(Project(project.name, project.start, status_date=project.status_date, tasks=shifted,
                                    links=project.links, calendars=project.calendars,
                                    default_calendar_id=project.default_calendar_id),
                            node_rows=net.node_row[: len(net.task_ids)])
    if not np.array_equal(probe.targets, net.targets):
        raise PlannerError("task.bad_value", "the plan's network changed shape with its durations")
    src = np.repeat(np.arange(net.n_nodes), np.diff(net.offsets))
    s, d = net.node_task[src] + 1, net.node_task[net.targets] + 1
    moved = probe.weights - net.weights
    leaf_src, leaf_dst = (src < len(net.task_ids)), (net.targets < len(net.task_ids))
    both = (moved == s - d) & (moved != 0) & leaf_src & leaf_dst
    cs = both | ((moved == s) & leaf_src)
    cd = both | ((moved == -d) & leaf_dst)
    # A task under way at the status date takes the remaining share of its duration (see cpm), not all of
    # it; its edges are history either way and carry no sampled duration.
    history = net.history[net.node_task[src]] & leaf_src | net.history[net.node_task[net.targets]] & leaf_dst
    if not np.all((moved == 0) | cs | cd | history):
        raise PlannerError("task.bad_value", "an edge of the plan's network has an unexpected weight")
    return cs & ~net.history[net.node_task[src]], cd & ~net.history[net.node_task[net.targets]]


def _node_rules(project: Project, net: Network, order: Iterable[int], read_row: np.ndarray, dst: np.ndarray,
                cd: np.ndarray, const: np.ndarray) -> list[NodeRule]:
    n, origin = len(net.task_ids), float(net.start)
    # Plain lists: a thousand nodes of numpy indexing each cost more than the rest of the compile.
    rows, consts, finish_bound = read_row.tolist(), const.tolist(), cd.tolist()
    into: list[list[int]] = [[] for _ in range(net.n_nodes)]
    for k, v in enumerate(dst.tolist()):
        into[v].append(k)
    bases, fixes, least = net.base.tolist(), net.fixed.tolist(), least_nodes(net).tolist()
    summary, history = net.is_summary.tolist(), net.history.tolist()
    rules = []
    for v in order:
        task = v if v < n and not summary[v] else -1
        base = float(bases[v]) - origin if bases[v] > -BIG else -np.inf
        fixed = float(fixes[v]) - origin if fixes[v] > -BIG else np.nan
        fnet, mfo = -np.inf, np.nan
        if task >= 0 and not history[task]:
            fnet, mfo, base, fixed = _duration_bound(project, net, task, base, fixed, origin)
        rules.append(NodeRule(v, task, [(rows[k], consts[k]) for k in into[v] if not finish_bound[k]],
                              [(rows[k], consts[k]) for k in into[v] if finish_bound[k]],
                              base, fnet, fixed, mfo, least[v]))
    return rules


def _duration_bound(project: Project, net: Network, i: int, base: float, fixed: float,
                    origin: float) -> tuple[float, float, float, float]:
    """FNET and MFO bounds depend on the (sampled) duration: keep their dates, not date - duration."""
    task = net.tasks[i]

    def position(day: int) -> float:
        return float(net.positions_of(np.full(len(net.task_ids), day))[i]) - origin

    day = position(task.constraint_date.toordinal()) if task.constraint_date else np.nan
    earliest = max(project.start, project.status_date or project.start)  # no remaining work before the status date
    if task.constraint == ConstraintType.FNET:
        return day, np.nan, position(earliest.toordinal()), fixed
    if task.constraint == ConstraintType.MFO and not fixed > day - float(net.duration[i]):
        return -np.inf, day, base, np.nan  # (a passed MFO date held on the status date stays fixed)
    return -np.inf, np.nan, base, fixed


def _late_edges(net: Network, src: np.ndarray, dst: np.ndarray, cs: np.ndarray, cd: np.ndarray,
                const: np.ndarray, const_early: np.ndarray) -> tuple[list[Any], list[Any], list[Any]]:
    """Per node, the live out-edges as (row of the successor's late start/finish, constant).

    Edges into a summary's start gate come apart (third list): they bind a sub-task only in the
    iterations where it gives the summary's start, which the forward pass's constant tells (a third
    item): across calendars the two differ where float spans a weekend (see _linearised), and the
    late one found no sub-task giving the start, so a phase's SS link to a late task left its
    sub-tasks unbound, without the negative float the schedule gives them.
    """
    n_nodes = net.n_nodes
    rows, consts, early_consts = np.where(cd, dst + n_nodes, dst).tolist(), const.tolist(), const_early.tolist()
    to_least, from_finish, live = least_nodes(net)[dst].tolist(), cs.tolist(), net.live.tolist()
    out_start: list[Any] = [[] for _ in range(n_nodes)]
    out_finish: list[Any] = [[] for _ in range(n_nodes)]
    out_least: list[Any] = [[] for _ in range(n_nodes)]
    for k, u in enumerate(src.tolist()):
        if live[k]:
            kind = out_least if to_least[k] else out_finish if from_finish[k] else out_start
            kind[u].append((rows[k], consts[k], early_consts[k]) if to_least[k] else (rows[k], consts[k]))
    return out_start, out_finish, out_least


def _uncertain_tasks(project: Project, net: Network, use_defaults: bool) -> tuple[np.ndarray, ThreePoint]:
    """Leaves without actual dates whose estimate has a spread (or a most likely other than planned)."""
    rows, points = [], []
    for i, task in enumerate(net.tasks):
        if net.is_summary[i] or net.history[i]:
            continue  # history is certain; a summary has no duration of its own
        low, mode, high = estimate_of(task, use_defaults)
        if high > low or mode != task.duration:
            rows.append(i)
            points.append((low, mode, high))
    arr = np.asarray(points, dtype=np.float64).reshape(-1, 3)
    return np.asarray(rows, dtype=np.int64), ThreePoint(arr[:, 0], arr[:, 1], arr[:, 2])
