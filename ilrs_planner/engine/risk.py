"""Monte Carlo schedule risk: sampled durations pushed through the CPM's own rules, vectorised.

Durations: a task's three-point estimate (optimistic / most likely / pessimistic) or, without
one, the default spread of its kind (`_risk_sampling.DEFAULT_SPREAD`: missions slip more than
agreements); triangular or PERT-beta. Actual dates are certain. The duration matrix (tasks ×
iterations) is drawn at once from one seeded generator, so a seed reproduces a run exactly
whatever block size the passes use. Results: P10/P50/P80/P90 finish of every task, the
probability of meeting a date, the criticality index of each task and the top drivers of a
milestone (Spearman rank correlation of duration with its finish) for a tornado chart.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..domain import PlannerError, Project
from . import cpm
from ._risk_network import RiskNetwork, compile_risk_network
from ._risk_passes import PassPlan, pass_matrices, run_block
from ._risk_sampling import DEFAULT_SPREAD, sample
from .risk_result import PERCENTILES, Driver, RiskResult

__all__ = ["DEFAULT_SPREAD", "Driver", "RiskCancelled", "RiskResult", "run_risk", "PERCENTILES"]

MAX_ITERATIONS = 1_000_000
MAX_CELLS = 150_000_000  # tasks × iterations kept in memory (two float32 matrices: about 1.2 GB)
DEFAULT_BLOCK = 2048  # iterations per block at least: progress is reported per block
# A small plan takes wider blocks, up to this many cells per pass matrix (32 MB of float32): the
# passes make one Python step per node per block, so fewer blocks cost less, while a big plan keeps
# blocks of DEFAULT_BLOCK and so its memory. Results do not depend on the block (see `sample`).
BLOCK_CELLS = 8_000_000


class RiskCancelled(Exception):
    """The run was cancelled between two blocks of iterations."""


def run_risk(project: Project, iterations: int = 10_000, seed: int | None = None,
             distribution: str = "triangular", *, use_defaults: bool = True, block: int | None = None,
             progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> RiskResult:
    """Simulate `iterations` schedules; raises the scheduler's errors, `risk.bad_estimate`, RiskCancelled."""
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise PlannerError("cli.usage", f"iterations must be between 1 and {MAX_ITERATIONS:,} (got {iterations})")
    rnet = compile_risk_network(project, use_defaults)
    if rnet.n_tasks * iterations > MAX_CELLS:
        fit = max(MAX_CELLS // max(rnet.n_tasks, 1), 1)
        raise PlannerError("cli.usage", f"{iterations:,} iterations of {rnet.n_tasks:,} tasks would not fit in "
                           f"memory; use at most {fit:,} iterations for this plan")
    rng = np.random.default_rng(seed)
    durations = sample(rnet.estimates, iterations, rng, distribution)
    step = block or max(DEFAULT_BLOCK, BLOCK_CELLS // (2 * max(rnet.n_nodes, 1)))
    day_ends = milestone_day_ends(project, rnet)
    plan = PassPlan(rnet, day_ends)
    finish = np.empty((rnet.n_tasks, iterations), dtype=np.float32)
    critical_count = np.zeros(rnet.n_tasks, dtype=np.int64)
    never = cpm.unlinked_manual(rnet.net)  # never critical, as the schedule marks them (see cpm)
    matrices = pass_matrices(plan, min(step, iterations))
    for lo in range(0, iterations, step):
        if cancelled is not None and cancelled():
            raise RiskCancelled()
        hi = min(lo + step, iterations)
        result = run_block(plan, durations[:, lo:hi], matrices, finish[:, lo:hi])
        result.critical[never] = False
        # Summed as bytes: count_nonzero along rows widens every flag to 64 bits first (3x slower).
        critical_count += result.critical.view(np.uint8).sum(axis=1, dtype=np.uint32)
        if progress is not None:
            progress(hi, iterations)
    return RiskResult(project, rnet, iterations, seed, distribution, finish, critical_count / iterations,
                      durations, day_ends)


def milestone_day_ends(project: Project, rnet: RiskNetwork) -> np.ndarray:
    """Per task: a milestone at the end of a working day in the schedule (see _day_ends)."""
    return cpm.scheduled_positions(project, rnet.net)[2]
