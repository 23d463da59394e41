"""Saving the plan file: CPU and wall time of `save_project`, its parts, and the memory a save adds.

    python3 bench/bench_save.py [--tasks 100000] [--repeat 3] [--rounds 2] [--against OTHER_CHECKOUT]

Each measurement is a fresh process that builds the synthetic plan (bench/synth.py), then saves it
--repeat times and prints the best CPU time (user + system of the process over the call), its wall
time, and the peak resident memory the first save added to what the plan itself holds. The parts
(the checks before writing, and the rest: rows made and inserted, the file flushed) are timed
separately. With --against, the same is run on another checkout of the program (e.g. a detached
worktree of the previous commit), alternating with this one for --rounds rounds: on a shared
machine only figures measured side by side can be compared. The load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child, with the checkout to measure first on sys.path.
_CHILD = r"""
import gc, json, re, sys, tempfile, time
from pathlib import Path
root, tasks, repeat = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sys.path[:0] = [str(root), str(root / "bench")]
from synth import make_plan
from ilrs_planner.store import consistency, save_project, text_check

def status(key):
    return int(re.search(rf"{key}:\s*(\d+)", Path("/proc/self/status").read_text())[1]) / 1024

def cpu(fn, *args):
    start, wall = time.process_time(), time.perf_counter()
    fn(*args)
    return time.process_time() - start, time.perf_counter() - wall

plan = make_plan(tasks)
gc.collect()
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "plan.db"
    Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) from here on
    before = status("VmRSS")
    saves = [cpu(save_project, plan, path)]
    added = status("VmHWM") - before
    saves += [cpu(save_project, plan, path) for _ in range(repeat - 1)]
    gc.disable()  # as save_project does while it checks
    checks = min(cpu(consistency.check_before_save, plan)[0] + cpu(text_check.check_text_before_save, plan)[0]
                 for _ in range(repeat))
    print(json.dumps({"cpu": min(saves)[0], "wall": min(saves)[1], "checks": checks, "added_mib": added,
                      "bytes": path.stat().st_size}))
"""


def measure(checkout: Path, tasks: int, repeat: int) -> dict:
    """One fresh process's figures for the program in `checkout`."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(checkout), str(tasks), str(repeat)],
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": ""})
    return json.loads(out.stdout.strip().splitlines()[-1])


def show(label: str, figures: dict) -> None:
    rest = figures["cpu"] - figures["checks"]
    print(f"{label:<10} save {figures['cpu']:.3f} s CPU / {figures['wall']:.3f} s wall   "
          f"checks {figures['checks']:.3f} s, rows and file {rest:.3f} s   "
          f"+{figures['added_mib']:.0f} MiB during the save   {figures['bytes'] / 2**20:.1f} MiB file   "
          f"load {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="saves per process; the best is shown")
    parser.add_argument("--rounds", type=int, default=2, help="processes per checkout, alternating")
    parser.add_argument("--against", type=Path, help="another checkout to measure alternately")
    args = parser.parse_args()
    print(f"save_project, {args.tasks:,} tasks (bench/synth.py), best of {args.repeat} per process")
    for _ in range(args.rounds):
        show("this", measure(ROOT, args.tasks, args.repeat))
        if args.against is not None:
            show("against", measure(args.against.resolve(), args.tasks, args.repeat))


if __name__ == "__main__":
    main()
