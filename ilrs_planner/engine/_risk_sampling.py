"""Duration sampling for the Monte Carlo: three-point estimates, default spreads, two distributions.

Every function works on whole arrays (tasks × iterations); nothing loops per iteration.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain import PlannerError, Task, TaskKind

# Default spread for a task without a three-point estimate, as factors of its planned duration
# (optimistic, pessimistic; the planned duration is the most likely). The asymmetry is the point:
# schedules slip far more often than they gain. Space missions slip the most (Luna-26 went from
# 2023 to 2028, Chang'e 7 from 2024 to 2026); infrastructure and long phases slip less in relative
# terms; agreements are signed roughly when planned and can only gain a little.
DEFAULT_SPREAD: dict[TaskKind, tuple[float, float]] = {
    TaskKind.MISSION: (0.90, 1.60),
    TaskKind.INFRASTRUCTURE: (0.90, 1.40),
    TaskKind.PHASE: (0.95, 1.30),
    TaskKind.TASK: (0.90, 1.30),
    TaskKind.AGREEMENT: (0.95, 1.15),
    TaskKind.MILESTONE: (1.00, 1.00),  # zero length: a milestone moves only with what drives it
}

DISTRIBUTIONS = ("triangular", "pert")
# Values per step of the triangular transform: its few float32 temporaries (64K values, 256 KB
# each) then stay in the CPU's L2 cache; over the whole matrix at once it ran twice as long.
CHUNK_CELLS = 65_536


@dataclass(frozen=True, slots=True)
class ThreePoint:
    """Optimistic / most likely / pessimistic durations (days) of the sampled tasks, as arrays."""

    low: np.ndarray
    mode: np.ndarray
    high: np.ndarray


def estimate_of(task: Task, use_defaults: bool = True) -> tuple[float, float, float]:
    """The task's own three-point estimate, or the default spread for its kind around its duration."""
    if task.has_estimate:
        low, mode, high = (float(value or 0) for value in (task.optimistic, task.most_likely, task.pessimistic))
        if not (0 <= low <= mode <= high):
            raise PlannerError(
                "risk.bad_estimate",
                f"task '{task.key}': estimate {task.optimistic}/{task.most_likely}/{task.pessimistic} "
                "is not ordered optimistic <= most likely <= pessimistic", [task.id])
        return low, mode, high
    if not use_defaults:
        return (float(task.duration),) * 3
    low_f, high_f = DEFAULT_SPREAD.get(task.kind, DEFAULT_SPREAD[TaskKind.TASK])
    return task.duration * low_f, float(task.duration), task.duration * high_f


def sample(points: ThreePoint, iterations: int, rng: np.random.Generator, distribution: str) -> np.ndarray:
    """Durations of shape (tasks, iterations), in fractional days.

    All random numbers are drawn in one call, so a seed gives the same matrix however the passes
    split the iterations into blocks; the triangular transform then runs a few whole rows at a
    time, small enough for its temporaries to stay in the CPU cache (same values, element-wise).
    """
    if distribution not in DISTRIBUTIONS:
        raise PlannerError("cli.usage", f"unknown distribution '{distribution}' (use {' or '.join(DISTRIBUTIONS)})")
    shape = (len(points.mode), iterations)
    if distribution == "pert":
        return _pert(points, shape, rng)
    uniforms = rng.random(shape, dtype=np.float32)
    rows = max(1, CHUNK_CELLS // max(iterations, 1))
    for lo in range(0, shape[0], rows):
        part = ThreePoint(points.low[lo:lo + rows], points.mode[lo:lo + rows], points.high[lo:lo + rows])
        triangular_quantile(part, uniforms[lo:lo + rows], out=uniforms[lo:lo + rows])
    return uniforms


def triangular_quantile(points: ThreePoint, u: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """The inverse CDF of the triangular distribution, row-wise (into `out`, which may be `u`).

    Left of the mode x = low + sqrt(u·w·(mode-low)), right of it x = high - sqrt((1-u)·w·(high-mode)),
    w = high - low. A zero-width row has (high-mode) = 0, so it gives exactly the mode.
    """
    width = np.where(points.high > points.low, points.high - points.low, 1.0)

    def column(a: np.ndarray) -> np.ndarray:  # the parameters in the draw's precision, one row per task
        return np.asarray(a.astype(u.dtype)[:, None])

    cut = column((points.mode - points.low) / width)
    left_scale = column(np.sqrt(width * (points.mode - points.low)))
    right_scale = column(np.sqrt(width * (points.high - points.mode)))
    # Both branches in full, then blended by multiplying with 0 or 1: the same operations on each
    # value as choosing one branch, so the same bits, but np.where on a random mask is several
    # times slower than a multiplication (it was half the time of a 1,000-task run).
    right = (u >= cut).astype(u.dtype)
    x_right = np.subtract(1, u)
    np.sqrt(x_right, out=x_right)
    x_right *= -right_scale
    x_right += column(points.high)
    x_right *= right
    x_left = np.sqrt(u)
    x_left *= left_scale
    x_left += column(points.low)
    np.subtract(1, right, out=right)
    x_left *= right
    return np.asarray(np.add(x_left, x_right, out=x_left if out is None else out))


def _pert(points: ThreePoint, shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    # PERT-beta: Beta(1 + 4(m-a)/(b-a), 1 + 4(b-m)/(b-a)) scaled to [a, b]; mean (a + 4m + b) / 6.
    width = points.high - points.low
    safe = np.where(width > 0, width, 1.0)
    alpha = 1.0 + 4.0 * (points.mode - points.low) / safe
    beta = 1.0 + 4.0 * (points.high - points.mode) / safe
    draws = rng.beta(alpha[:, None], beta[:, None], size=shape)
    values = np.where(width[:, None] > 0, points.low[:, None] + draws * width[:, None], points.mode[:, None])
    return values.astype(np.float32)


def triangular_median(low: float, mode: float, high: float) -> float:
    """The analytic median of a triangular distribution (for checks and documentation)."""
    if high == low:
        return mode
    if mode >= (low + high) / 2:
        return low + float(((high - low) * (mode - low) / 2) ** 0.5)
    return high - float(((high - low) * (high - mode) / 2) ** 0.5)


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 0..n-1 of a vector, ties sharing their average rank (a constant vector has no spread)."""
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    return (first + (counts - 1) / 2.0)[inverse]


def rank_correlation(samples: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Spearman correlation of each row of `samples` (k × n) with `target` (n); 0 for constant rows.

    Sampled durations are continuous, so their ties (and the arbitrary order argsort gives them)
    only occur in constant rows, which are masked out; the target's ties take average ranks.
    """
    ranks = np.argsort(np.argsort(samples, axis=1), axis=1).astype(np.float64)
    target_rank = average_ranks(target)
    ranks -= ranks.mean(axis=1, keepdims=True)
    target_rank -= target_rank.mean()
    norm = np.sqrt((ranks ** 2).sum(axis=1) * (target_rank ** 2).sum())
    varies = (samples.max(axis=1) > samples.min(axis=1)) & (norm > 0)
    corr = np.zeros(len(samples))
    corr[varies] = (ranks[varies] @ target_rank) / norm[varies]
    return corr
