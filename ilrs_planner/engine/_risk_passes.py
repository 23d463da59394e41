"""The vectorised CPM passes: one Python step per network node, each a numpy operation over a block
of iterations. There is no loop per iteration.

Rows are nodes in topological order, columns are iterations; a row is contiguous, so every step
reads and writes whole vectors, in place (no temporaries per step). Values are days from the
project start (float: sampled durations are fractional).

As late as possible, as the scheduler does it (see _late_tasks), per iteration: after the first
forward and backward passes each ALAP task is held on its late start of that iteration (its early
one when that is later), the forward pass runs again from the first such task in the order, so
what follows it starts from there, and the backward pass once more; its float stays the room it
had in the first pass.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._bounds import BIG
from ._late_tasks import late_tasks
from ._risk_network import RiskNetwork
from ._risk_settle import TOLERANCE, BlockResult, settle, summaries_bottom_up

__all__ = ["TOLERANCE", "BlockResult", "PassPlan", "pass_matrices", "run_block", "task_durations"]

# Single precision: half the memory traffic of doubles, which is what the passes are bound by.
# Day counts from the project start stay exact (whole numbers below 2**24); sampled dates carry
# about 0.004 days of rounding at a century's distance (hence `_risk_settle.TOLERANCE`).
DTYPE = np.float32
FINISH_ROWS = 256  # leaves converted to days at a time on working calendars (a few MB of int64)


class PassPlan:
    """The network's rules as plain Python lists, prepared once per run (not once per block)."""

    def __init__(self, rnet: RiskNetwork, day_ends: np.ndarray | None = None):
        """`day_ends`: per task, a milestone the schedule puts at the end of a working day (see _day_ends)."""
        net = rnet.net
        self.rnet = rnet
        self.n_nodes, self.n_tasks = rnet.n_nodes, rnet.n_tasks
        self.forward = [(r.node, r.task, r.fixed, r.mfo, r.base, r.fnet, r.starts, r.finishes, r.least)
                        for r in rnet.rules]
        alap = late_tasks(net)
        self.alap = np.flatnonzero(alap).tolist()  # the leaves held late (a node's row is its task's)
        # The second forward pass: from the first ALAP task in the order on, the held tasks left out.
        first = next((k for k, r in enumerate(rnet.rules) if r.task >= 0 and alap[r.task]), len(rnet.rules))
        self.after_held = [rule for rule in self.forward[first:] if not (rule[1] >= 0 and alap[rule[1]])]
        caps = _cap_rules(rnet, day_ends)
        self.backward = [(r.node, r.task, caps.get(r.node), rnet.out_start[r.node], rnet.out_finish[r.node],
                          rnet.out_least[r.node]) for r in reversed(rnet.rules)]
        self.leaves = np.flatnonzero(~net.is_summary[: self.n_tasks])
        self.summaries = summaries_bottom_up(net)
        self.sampled = rnet.sampled.tolist()
        # On working calendars: the leaves by calendar row, and the milestones on one (see _finish_caps);
        # on the calendar-days row a milestone's day is its position, however it got there.
        rows = net.node_row[self.leaves]
        point = (net.duration[self.leaves] == 0) & (rows != 0)
        self.milestones_on_calendars = self.leaves[point].tolist()
        self.leaves_by_row = {row: self.leaves[~point & (rows == row)] for row in np.unique(rows[~point]).tolist()}


def task_durations(plan: PassPlan, block: np.ndarray) -> list[Any]:
    """Per task: its sampled durations (a row of the block) or its fixed duration (a scalar)."""
    durations: list[Any] = plan.rnet.net.duration.astype(np.float64).tolist()
    for k, task in enumerate(plan.sampled):
        durations[task] = block[k]
    return durations


def pass_matrices(plan: PassPlan, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Early starts and late starts of every node, late finishes of the tasks, for blocks up to
    `width` iterations, allocated once per run (the early finishes of the tasks are the result's).

    Each is tens of MB for a 1,000-task plan: allocated per block, the fresh pages cost as much
    as a quarter of the passes (the kernel faults in and zeroes every page).
    """
    return (np.empty((plan.n_nodes, width), dtype=DTYPE), np.empty((plan.n_nodes, width), dtype=DTYPE),
            np.empty((plan.n_tasks, width), dtype=DTYPE))


def run_block(plan: PassPlan, block: np.ndarray, matrices: tuple[np.ndarray, np.ndarray, np.ndarray],
              finish: np.ndarray) -> BlockResult:
    """Forward pass, backward pass and summary roll-up for one block of iterations.

    `finish` (tasks × the block's iterations, a slice of the run's result) receives the finishes.
    """
    width = block.shape[1]
    dur = task_durations(plan, block)
    early, late, late_finish = (m[:, :width] for m in matrices)
    early_rows, late_rows = _rows(plan, early, finish), _rows(plan, late, late_finish)
    project_finish = _forward(plan, plan.forward, dur, early_rows)
    _backward(plan, dur, early, _finish_caps(plan, project_finish, finish), late_rows)
    if not plan.alap:
        return settle(plan.rnet.net, plan.summaries, early, finish, late)
    first_starts = _hold_late(plan, dur, early_rows, late_rows)
    # Held tasks only move later, so nothing finishes earlier than in the first pass.
    np.maximum(project_finish, _forward(plan, plan.after_held, dur, early_rows), out=project_finish)
    _backward(plan, dur, early, _finish_caps(plan, project_finish, finish), late_rows)
    return settle(plan.rnet.net, plan.summaries, early, finish, late, first_starts)


def _finish_caps(plan: PassPlan, project_finish: np.ndarray, finish: np.ndarray) -> list[Any]:
    """Per task: the project's finish as a position on its calendar (all the same vector in days).

    On working calendars positions of different calendars do not compare: the finish is the
    latest exclusive finish day of any leaf, as the scheduler takes it, then a position per calendar.
    Finish days grow with positions, so each calendar's latest leaf gives its latest day.
    """
    net = plan.rnet.net
    if net.time is None:
        return [project_finish] * plan.n_tasks
    last_day = np.full(project_finish.shape, np.iinfo(np.int64).min)
    for row, leaves in plan.leaves_by_row.items():
        latest = np.full(project_finish.shape, -np.inf, dtype=DTYPE)
        for lo in range(0, leaves.size, FINISH_ROWS):
            np.maximum(latest, finish[leaves[lo:lo + FINISH_ROWS]].max(axis=0), out=latest)
        at = np.ceil(latest - 1e-3).astype(np.int64) + net.start
        np.maximum(last_day, net.time.finish_day(row, at), out=last_day)
    for task in plan.milestones_on_calendars:  # held by its own date it sits at the start of that day
        at = np.ceil(finish[task] - 1e-3).astype(np.int64) + net.start
        own = (at == net.base[task]) | (at == net.fixed[task])
        row = int(net.node_row[task])
        np.maximum(last_day, np.where(own, net.time.day(row, at), net.time.finish_day(row, at)), out=last_day)
    rows = net.node_row[: plan.n_tasks]
    by_row = {row: (net.time.pos(row, last_day) - net.start).astype(DTYPE) for row in np.unique(rows).tolist()}
    return [by_row[row] for row in rows.tolist()]


def _hold_late(plan: PassPlan, dur: list[Any], early: list[Any], late: list[Any]) -> list[tuple[int, np.ndarray]]:
    """Each ALAP task's start raised to its late start (and its finish with it); returns
    (task, its first-pass start), which its total float counts from."""
    first_starts = []
    for task in plan.alap:
        first_starts.append((task, early[task].copy()))
        np.maximum(early[task], late[task], out=early[task])
        np.add(early[task], dur[task], out=early[plan.n_nodes + task])
    return first_starts


def _rows(plan: PassPlan, starts: np.ndarray, finishes: np.ndarray) -> list[Any]:
    """Rows [0, N) starts of the nodes, [N, N + tasks) finishes of the tasks, as a list of views
    (a list indexes faster than a matrix). Only a task has a finish row: the rest are never read."""
    return list(starts) + list(finishes) + [None] * (plan.n_nodes - plan.n_tasks)


def _max_into(out: np.ndarray, values: list[np.ndarray], edges: list[Any], floor: float, tmp: np.ndarray) -> None:
    if not edges:
        out.fill(floor)
        return
    row, add = edges[0]
    if add:
        np.add(values[row], add, out=out)
    elif floor > -np.inf:  # the floor taken with the first edge instead of in a pass of its own
        np.maximum(values[row], floor, out=out)
        floor = -np.inf
    else:
        np.copyto(out, values[row])
    for row, add in edges[1:]:
        if add:
            np.add(values[row], add, out=tmp)
            np.maximum(out, tmp, out=out)
        else:  # most links have no lag: adding 0.0 changes no value (no -0.0 arises), skip it
            np.maximum(out, values[row], out=out)
    if floor > -np.inf:
        np.maximum(out, floor, out=out)


def _forward(plan: PassPlan, rules: list[Any], dur: list[Any], early: list[Any]) -> np.ndarray:
    """Early starts and finishes of the nodes `rules` make (`plan.forward`: all); returns the
    project's finish (the latest of those leaves', 0 without any)."""
    n_nodes, width = plan.n_nodes, len(early[0]) if early else 0
    tmp, bound = np.empty(width, dtype=DTYPE), np.empty(width, dtype=DTYPE)
    # Taken as each finish row is made, while it is in the cache, not gathered from them all after.
    project = np.full(width, -np.inf if plan.leaves.size else 0.0, dtype=DTYPE)
    for node, task, fixed, mfo, base, fnet, starts, finishes, least in rules:
        d = dur[task] if task >= 0 else 0.0
        row = early[node]
        if least:  # a summary's start gate: its earliest sub-task's start (see _summary_starts)
            _least_into(row, early, starts, tmp)
        elif fixed == fixed:  # not NaN: MSO / actual dates win over the links
            row.fill(fixed)
        elif mfo == mfo:
            np.subtract(mfo, d, out=row) if isinstance(d, np.ndarray) else row.fill(mfo - d)
        else:
            _max_into(row, early, starts, base, tmp)
            if len(finishes) == 1 and not finishes[0][1] and fnet == -np.inf:  # the usual FF link, no lag
                np.subtract(early[finishes[0][0]], d, out=bound)
                np.maximum(row, bound, out=row)
            elif finishes or fnet > -np.inf:
                _max_into(bound, early, finishes, fnet, tmp)
                np.subtract(bound, d, out=bound)
                np.maximum(row, bound, out=row)
        if task >= 0:  # a leaf
            np.add(row, d, out=early[n_nodes + node])
            np.maximum(project, early[n_nodes + node], out=project)
    return project


def _least_into(out: np.ndarray, values: list[np.ndarray], edges: list[Any], tmp: np.ndarray) -> None:
    out.fill(np.inf)
    for row, add in edges:
        np.add(values[row], add, out=tmp)
        np.minimum(out, tmp, out=out)


def _cap_rules(rnet: RiskNetwork, day_ends: np.ndarray | None = None) -> dict[int, tuple[float, float]]:
    """Per node with a late cap: (latest finish, latest start) in days, inf where none.

    A milestone with a deadline that the schedule puts at the end of a day may stand at the end of
    the deadline's day, as in the scheduler (_passes._late_caps): its moment of day is the schedule's in
    every iteration, as the samples are read (RiskResult._as_days).
    """
    net = rnet.net

    def to_days(cap: int) -> float:
        return float(cap - net.start) if cap < BIG else np.inf

    finish_cap = net.finish_cap
    if day_ends is not None:
        finish_cap = np.where(day_ends & (net.day_end_cap < BIG), net.day_end_cap, finish_cap)
    caps = {i: (to_days(finish_cap[i]), to_days(net.start_cap[i]))
            for i in np.flatnonzero(~net.is_summary[: rnet.n_tasks]).tolist()}
    gate = net.gates["out_finish"]
    for i in np.flatnonzero((gate >= 0) & (net.finish_cap < BIG)).tolist():
        caps[int(gate[i])] = (to_days(net.finish_cap[i]), np.inf)  # the gate holds the latest finish
    return caps


def _cap_into(row: np.ndarray, cap: tuple[float, float] | None, finish: Any, d: np.ndarray | float,
              is_leaf: bool) -> None:
    """The scheduler's caps: a leaf's LS <= min(project finish, FNLT/MFO/deadline) - dur, SNLT/MSO."""
    if cap is None:
        row.fill(np.inf)
        return
    if not is_leaf:
        row.fill(cap[0])
        return
    if cap[0] < np.inf:
        np.minimum(finish, cap[0], out=row)
        np.subtract(row, d, out=row)
    else:  # no finish cap: skip the minimum, a copy of the project finish
        np.subtract(finish, d, out=row)
    if cap[1] < np.inf:
        np.minimum(row, cap[1], out=row)


def _min_into(out: np.ndarray, values: list[np.ndarray], edges: list[Any], tmp: np.ndarray) -> None:
    for row, const in edges:
        if const:
            np.subtract(values[row], const, out=tmp)
            np.minimum(out, tmp, out=out)
        else:  # subtracting 0.0 changes no value: skip it
            np.minimum(out, values[row], out=out)


def _backward(plan: PassPlan, dur: list[Any], early: np.ndarray, finish: list[Any], late: list[Any]) -> None:
    """Late starts (and the tasks' late finishes); `finish`: per task, the project's finish on its calendar."""
    n_nodes, width = plan.n_nodes, early.shape[1]
    tmp, bound = np.empty(width, dtype=DTYPE), np.empty(width, dtype=DTYPE)
    for node, task, cap, starts, finishes, least in plan.backward:
        d = dur[task] if task >= 0 else 0.0
        row = late[node]
        _cap_into(row, cap, finish[node] if task >= 0 else None, d, task >= 0)
        _min_into(row, late, starts, tmp)
        for gate, const in least:  # bound only where this node gives the summary's start
            np.subtract(late[gate], const, out=tmp)
            tmp[early[node] + const != early[gate]] = np.inf
            np.minimum(row, tmp, out=row)
        if finishes:
            first, const = finishes[0]
            if const or len(finishes) > 1:
                np.subtract(late[first], const, out=bound)
                _min_into(bound, late, finishes[1:], tmp)
                np.subtract(bound, d, out=bound)
            else:  # one link without lag (subtracting 0.0 changes nothing): straight from its row
                np.subtract(late[first], d, out=bound)
            np.minimum(row, bound, out=row)
        if task >= 0:
            np.add(row, d, out=late[n_nodes + node])
