"""The WBS as jump pointers: ancestor questions in O(n log depth) numpy work, whatever the depth.

A loop per outline level costs a few numpy calls per level, so a 20,000-deep outline made
20,000 passes over the summaries (quadratic). Jump pointers (`jumps[k][i]` is the ancestor
2**k levels above task i) answer the same questions in log2(depth) whole-array passes: a flag
spread down to every descendant, a min/max gathered up from every descendant, and "is a an
ancestor of b". Index n stands for "above the top level" and points at itself, so jumps never
need a test for -1.
"""

from __future__ import annotations

import numpy as np


def ancestor_jumps(parent: np.ndarray, depth: np.ndarray) -> list[np.ndarray]:
    """jumps[k][i]: the ancestor 2**k levels above task i (n past the top); length n+1 each."""
    n = len(parent)
    step = np.append(np.where(parent < 0, n, parent), n)
    jumps = [step]
    deepest = int(depth.max()) if n else 0
    while (1 << len(jumps)) <= deepest:
        step = step[step]
        jumps.append(step)
    return jumps


def spread_down(flags: np.ndarray, jumps: list[np.ndarray]) -> np.ndarray:
    """Each task's flag or'ed with every ancestor's (flags: (..., n) bool)."""
    n = flags.shape[-1]
    reach = np.concatenate([flags, np.zeros(flags.shape[:-1] + (1,), dtype=bool)], axis=-1)
    for step in jumps:  # after pass k, every ancestor up to 2**(k+1)-1 levels above is folded in
        reach = reach | reach[..., step]
    return reach[..., :n]


def gather_up(values: np.ndarray, jumps: list[np.ndarray], ufunc: np.ufunc) -> np.ndarray:
    """Each task's value folded (np.minimum / np.maximum) with every descendant's."""
    n = len(values)
    folded = np.append(values, values[:1] if n else values)
    for step in jumps:  # pass k brings in the descendants 2**k .. 2**(k+1)-1 levels below
        ufunc.at(folded, step[:n], folded[:n].copy())
    return folded[:n]


def is_ancestor(above: np.ndarray, below: np.ndarray, depth: np.ndarray, jumps: list[np.ndarray]) -> np.ndarray:
    """Per pair: True when task `above` is a proper ancestor of task `below`."""
    gap = depth[below] - depth[above]
    up = below.copy()
    for k, step in enumerate(jumps):
        lift = ((np.maximum(gap, 0) >> k) & 1).astype(bool)
        up[lift] = step[up[lift]]
    return np.asarray((gap > 0) & (up == above))
