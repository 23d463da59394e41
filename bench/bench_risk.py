"""Monte Carlo speed: 10,000 iterations on a 1,000-task synthetic plan and on the ILRS roadmap.

Beside each, the same simulation as a straightforward per-iteration Python loop (same network,
same rules, scalar arithmetic) on fewer iterations, scaled to 10,000, and the ratio.
Targets (2-core machine): synthetic < 0.5 s, ILRS roadmap < 0.2 s (issue 13: synthetic ≤ 0.3 s).
Both wall and CPU time are printed: on shared cores compare CPU time, old and new code alternately.

    python3 bench/bench_risk.py [--iterations 10000] [--loop-iterations 100]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_plan  # noqa: E402

from ilrs_planner.data.reference import build_reference_project  # noqa: E402
from ilrs_planner.engine._risk_network import compile_risk_network  # noqa: E402
from ilrs_planner.engine._risk_passes import TOLERANCE, PassPlan  # noqa: E402
from ilrs_planner.engine.risk import run_risk  # noqa: E402


def time_vectorised(project, iterations: int, repeats: int = 5) -> tuple[float, float]:
    """Best wall and best CPU time of `repeats` after one warm-up run (the first run pays for page faults).

    On shared cores the wall time mostly measures the wait for a core; the CPU time is the run's own.
    """
    run_risk(project, iterations, seed=1)
    walls, cpus = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        run_risk(project, iterations, seed=1)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def python_loop(project, iterations: int, seed: int = 1) -> list[int]:
    """The plain way: per iteration, draw each duration, then a scalar forward and backward pass."""
    plan = PassPlan(compile_risk_network(project))
    net, est, rng = plan.rnet.net, plan.rnet.estimates, random.Random(seed)
    n_nodes, critical = plan.n_nodes, [0] * plan.n_tasks
    leaves = plan.leaves.tolist()
    for _ in range(iterations):
        dur = [float(d) for d in net.duration]
        for k, task in enumerate(plan.sampled):
            dur[task] = rng.triangular(est.low[k], est.high[k], est.mode[k])
        early = [0.0] * (2 * n_nodes)
        for node, task, fixed, mfo, base, fnet, starts, finishes, least in plan.forward:
            d = dur[task] if task >= 0 else 0.0
            if least:  # a summary's start gate: its earliest sub-task's start
                start = min([math.inf] + [early[r] + a for r, a in starts])
            elif fixed == fixed:
                start = fixed
            elif mfo == mfo:
                start = mfo - d
            else:
                start = max([base] + [early[r] + a for r, a in starts])
                start = max([start, fnet - d] + [early[r] + a - d for r, a in finishes])
            early[node] = start
            early[n_nodes + node] = start + d
        finish = max(early[n_nodes + i] for i in leaves)
        late = [math.inf] * (2 * n_nodes)
        for node, task, cap, starts, finishes, least in plan.backward:
            d = dur[task] if task >= 0 else 0.0
            value = math.inf if cap is None else (cap[0] if task < 0 else min(min(finish, cap[0]) - d, cap[1]))
            value = min([value] + [late[r] - c for r, c in starts] + [late[r] - c - d for r, c in finishes]
                        + [late[g] - c for g, c in least if early[node] + c == early[g]])
            late[node] = value
            late[n_nodes + node] = value + d
        for i in leaves:
            if late[i] - early[i] <= TOLERANCE and not net.finished[i]:
                critical[i] += 1
    return critical


def time_loop(project, iterations: int) -> float:
    start = time.perf_counter()
    python_loop(project, iterations)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=10_000)
    parser.add_argument("--loop-iterations", type=int, default=100)
    args = parser.parse_args()
    cases = [("synthetic plan, 1,000 tasks", make_plan(1000, 1), 0.5),
             ("ILRS roadmap", build_reference_project(), 0.2)]
    print(f"Monte Carlo, {args.iterations:,} iterations (best of 5 after a warm-up)")
    print(f"{'plan':<30} {'tasks':>6} {'numpy':>9} {'CPU':>8} {'target':>8} {'python loop*':>13} {'ratio':>7}")
    for label, project, target in cases:
        vector, cpu = time_vectorised(project, args.iterations)
        loop = time_loop(project, args.loop_iterations) * args.iterations / args.loop_iterations
        verdict = "ok" if vector < target else "SLOW"
        print(f"{label:<30} {len(project.tasks):>6} {vector:>8.3f}s {cpu:>7.3f}s {target:>6.1f}s {loop:>12.1f}s "
              f"{loop / vector:>6.0f}x  {verdict}")
    print(f"* the loop ran {args.loop_iterations:,} iterations; its time is scaled to {args.iterations:,}")


if __name__ == "__main__":
    main()
