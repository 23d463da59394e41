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

from ._risk_backward import backward_pass, finish_caps
from ._risk_forward import forward_pass
from ._risk_plan import PassPlan
from ._risk_settle import DTYPE, TOLERANCE, BlockResult, settle

__all__ = ["TOLERANCE", "BlockResult", "PassPlan", "pass_matrices", "run_block", "task_durations"]


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
    project_finish = forward_pass(plan, plan.forward, dur, early_rows)
    backward_pass(plan, dur, early, finish_caps(plan, project_finish, finish), late_rows)
    if not plan.alap:
        return settle(plan.rnet.net, plan.summaries, early, finish, late, start_caps=plan.start_caps)
    first_starts = _hold_late(plan, dur, early_rows, late_rows)
    # Held tasks only move later, so nothing finishes earlier than in the first pass.
    np.maximum(project_finish, forward_pass(plan, plan.after_held, dur, early_rows), out=project_finish)
    backward_pass(plan, dur, early, finish_caps(plan, project_finish, finish), late_rows)
    return settle(plan.rnet.net, plan.summaries, early, finish, late, first_starts, plan.start_caps)


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
