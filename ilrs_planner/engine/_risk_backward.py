"""The vectorised backward pass: late starts (and the tasks' late finishes) under the scheduler's caps,
counted back from the project's finish on each task's calendar (see _risk_passes for the rows)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._risk_plan import PassPlan
from ._risk_settle import DTYPE

FINISH_ROWS = 256  # leaves converted to days at a time on working calendars (a few MB of int64)

def finish_caps(plan: PassPlan, project_finish: np.ndarray, finish: np.ndarray) -> list[Any]:
    """Per task: the project's finish as a position on its calendar (all the same vector in days).

    On working calendars positions of different calendars do not compare: the finish is the
    latest exclusive finish day of any leaf, as the scheduler takes it, then a position per calendar.
    Finish days grow with positions, so each calendar's latest leaf gives its latest day.
    """
    net = plan.rnet.net
    if net.time is None:
        return [project_finish] * plan.n_tasks
    last_day = np.full(project_finish.shape, np.iinfo(np.int64).min)
    latest_on: dict[int, np.ndarray] = {}  # per calendar row: the latest finish of its leaves (fractional)
    for row, leaves in plan.leaves_by_row.items():
        latest = latest_on[row] = np.full(project_finish.shape, -np.inf, dtype=DTYPE)
        for lo in range(0, leaves.size, FINISH_ROWS):
            np.maximum(latest, finish[leaves[lo:lo + FINISH_ROWS]].max(axis=0), out=latest)
        at = np.ceil(latest - 1e-3).astype(np.int64) + net.start
        np.maximum(last_day, net.time.finish_day(row, at), out=last_day)
    for task in plan.milestones_on_calendars:  # held by its own date it sits at the start of that day
        at = np.ceil(finish[task] - 1e-3).astype(np.int64) + net.start
        own = (at == net.base[task]) | (at == net.fixed[task])
        row = int(net.node_row[task])
        np.maximum(last_day, np.where(own, net.time.day(row, at), net.time.finish_day(row, at)), out=last_day)
        latest = latest_on.setdefault(row, np.full(project_finish.shape, -np.inf, dtype=DTYPE))
        np.maximum(latest, np.where(own, -np.inf, finish[task]), out=latest)
    rows = net.node_row[: plan.n_tasks]
    by_row = {row: _within_last_day((net.time.pos(row, last_day) - net.start).astype(DTYPE), latest_on.get(row))
              for row in np.unique(rows).tolist()}
    return [by_row[row] for row in rows.tolist()]


def _within_last_day(day_end: np.ndarray, latest: np.ndarray | None) -> np.ndarray:
    """The plan's finish on one calendar: the end of its last day, or, where this calendar's latest
    finish falls within that day (a sampled 10.4 d ends in the 11th day), that finish itself, as
    continuous time reads it: the task that ends the plan then has no float, and is critical, as in
    Primavera Risk Analysis. Whole-day finishes are the day's end either way (the schedule's)."""
    if latest is None:
        return day_end
    inside = np.ceil(latest - 1e-3) == day_end
    return np.where(inside, np.minimum(latest, day_end), day_end).astype(DTYPE)


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


def backward_pass(plan: PassPlan, dur: list[Any], early: np.ndarray, finish: list[Any], late: list[Any]) -> None:
    """Late starts (and the tasks' late finishes); `finish`: per task, the project's finish on its calendar."""
    n_nodes, width = plan.n_nodes, early.shape[1]
    tmp, bound = np.empty(width, dtype=DTYPE), np.empty(width, dtype=DTYPE)
    for node, task, cap, starts, finishes, least in plan.backward:
        d = dur[task] if task >= 0 else 0.0
        row = late[node]
        _cap_into(row, cap, finish[node] if task >= 0 else None, d, task >= 0)
        _min_into(row, late, starts, tmp)
        for gate, const, reach in least:  # bound only where this node gives the summary's start
            np.subtract(late[gate], const, out=tmp)
            tmp[early[node] + reach != early[gate]] = np.inf
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
