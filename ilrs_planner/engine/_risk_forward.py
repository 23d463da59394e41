"""The vectorised forward pass: early starts and finishes of every node, one numpy step per node over
a block of iterations (see _risk_passes for the rows and the order)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._risk_plan import PassPlan
from ._risk_settle import DTYPE


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


def forward_pass(plan: PassPlan, rules: list[Any], dur: list[Any], early: list[Any]) -> np.ndarray:
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
