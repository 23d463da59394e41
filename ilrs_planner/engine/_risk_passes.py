"""The vectorised CPM passes: one Python step per network node, each a numpy operation over a block
of iterations. There is no loop per iteration.

Rows are nodes in topological order, columns are iterations; a row is contiguous, so every step
reads and writes whole vectors. Values are days from the project start (float: sampled durations
are fractional).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._network import BIG
from ._risk_network import RiskNetwork

TOLERANCE = 1e-6  # sums of whole days are exact in floats; sampled ones need a hair of slack


@dataclass(slots=True)
class BlockResult:
    """Per task, for one block of iterations: early start and finish, and the critical flags."""

    start: np.ndarray
    finish: np.ndarray
    critical: np.ndarray


def task_durations(rnet: RiskNetwork, sampled_block: np.ndarray) -> list:
    """Per task: its sampled durations (a row of the block) or its fixed duration (a scalar)."""
    durations: list = [float(d) for d in rnet.net.duration]
    for k, task in enumerate(rnet.sampled.tolist()):
        durations[task] = sampled_block[k]
    return durations


def run_block(rnet: RiskNetwork, sampled_block: np.ndarray) -> BlockResult:
    """Forward pass, backward pass and summary roll-up for one block of iterations."""
    width = sampled_block.shape[1] if sampled_block.ndim == 2 else 1
    dur = task_durations(rnet, sampled_block)
    early = _forward(rnet, dur, width)
    late = _backward(rnet, dur, early, width)
    return _settle(rnet, early, late, width)


def _max_over(values: np.ndarray, rows: np.ndarray, adds: np.ndarray, floor: float, width: int) -> np.ndarray:
    out = np.full(width, floor)
    for row, add in zip(rows.tolist(), adds.tolist()):
        np.maximum(out, values[row] + add, out=out)
    return out


def _forward(rnet: RiskNetwork, dur: list, width: int) -> np.ndarray:
    n_nodes = rnet.n_nodes
    early = np.full((2 * n_nodes, width), -np.inf)
    for rule in rnet.rules:
        d = dur[rule.task] if rule.task >= 0 else 0.0
        if rule.fixed == rule.fixed:  # not NaN: MSO / actual dates win over the links
            start = np.full(width, rule.fixed)
        elif rule.mfo == rule.mfo:
            start = rule.mfo - d + np.zeros(width)
        else:
            start = _max_over(early, rule.start_src, rule.start_add, rule.base, width)
            if rule.finish_src.size or rule.fnet > -np.inf:
                bound = _max_over(early, rule.finish_src, rule.finish_add, rule.fnet, width)
                np.maximum(start, bound - d, out=start)
        early[rule.node] = start
        if rule.task >= 0:
            early[n_nodes + rule.node] = start + d
    return early


def _late_caps(rnet: RiskNetwork, dur: list, early: np.ndarray) -> list:
    """Latest start of each node before its successors are considered (the scheduler's caps)."""
    net, n_nodes = rnet.net, rnet.n_nodes
    leaves = [i for i in range(rnet.n_tasks) if not net.is_summary[i]]
    finish = early[[n_nodes + i for i in leaves]].max(axis=0) if leaves else np.zeros(early.shape[1])
    caps: list = [np.inf] * n_nodes
    for i in leaves:
        cap = finish if net.finish_cap[i] >= BIG else np.minimum(finish, float(net.finish_cap[i] - net.start))
        cap = cap - dur[i]
        caps[i] = cap if net.start_cap[i] >= BIG else np.minimum(cap, float(net.start_cap[i] - net.start))
    gate = net.gates["out_finish"]
    for i in np.flatnonzero((gate >= 0) & (net.finish_cap < BIG)).tolist():
        caps[int(gate[i])] = float(net.finish_cap[i] - net.start)
    return caps


def _backward(rnet: RiskNetwork, dur: list, early: np.ndarray, width: int) -> np.ndarray:
    n_nodes = rnet.n_nodes
    late = np.full((2 * n_nodes, width), np.inf)
    caps = _late_caps(rnet, dur, early)
    for rule in reversed(rnet.rules):
        u = rule.node
        d = dur[rule.task] if rule.task >= 0 else 0.0
        value = np.full(width, np.inf)
        np.minimum(value, caps[u], out=value)
        rows, consts = rnet.out_start[u]
        for row, c in zip(rows.tolist(), consts.tolist()):
            np.minimum(value, late[row] - c, out=value)
        rows, consts = rnet.out_finish[u]
        for row, c in zip(rows.tolist(), consts.tolist()):
            np.minimum(value, late[row] - c - d, out=value)
        late[u] = value
        if rule.task >= 0:
            late[n_nodes + u] = value + d
    return late


def _settle(rnet: RiskNetwork, early: np.ndarray, late: np.ndarray, width: int) -> BlockResult:
    """Task rows: leaves as computed; summaries span their sub-tasks and take their least float."""
    net, n, n_nodes = rnet.net, rnet.n_tasks, rnet.n_nodes
    start = early[:n].copy()
    finish = early[n_nodes:n_nodes + n].copy()
    slack = late[:n] - early[:n]
    done = net.finished
    slack[done] = np.inf  # finished work is never critical and does not make its phase critical
    for s, kids in _summaries_bottom_up(net):
        start[s] = start[kids].min(axis=0)
        finish[s] = finish[kids].max(axis=0)
        slack[s] = slack[kids].min(axis=0)
    critical = slack <= TOLERANCE
    for s, _ in _summaries_bottom_up(net):
        if net.start_cap[s] < BIG:  # SNLT/MSO on a summary lowers its own float only
            own = float(net.start_cap[s] - net.start) - start[s]
            critical[s] = (np.isfinite(slack[s])) & ((slack[s] <= TOLERANCE) | (own <= TOLERANCE))
    return BlockResult(start, finish, critical)


def _summaries_bottom_up(net) -> list[tuple[int, list[int]]]:
    """(summary, its direct children), deepest summaries first."""
    kids: dict[int, list[int]] = {}
    for child, parent in enumerate(net.parent.tolist()):
        if parent >= 0:
            kids.setdefault(parent, []).append(child)
    return sorted(kids.items(), key=lambda item: -int(net.depth[item[0]]))
