"""Peak memory (RSS) and times to build, schedule, save and open synthetic plans, each in a fresh process.

    python3 bench/bench_store_memory.py [--sizes 10000 100000] [--repeat 3]

For each size, one fresh process builds the plan (bench/synth.py), schedules it
(ilrs_planner.engine.cpm) and saves it (ilrs_planner.store), printing the process's peak RSS after
each step; a second fresh process only opens the saved file and schedules it, as the desktop app
does at start-up. Schedule, save and open times are the best of --repeat runs (build runs once).
Peak RSS is the kernel's high-water mark (VmHWM in /proc/self/status; on systems
without /proc, resource.getrusage's ru_maxrss). Issue 6 asks for these figures at 10,000 and
100,000 tasks; issue 2 targets saving and opening 100,000 tasks in under 2 s each.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s*(\d+)\s*kB", status)[1]) / 1024
    except (OSError, TypeError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _timed(step, *args, repeat: int = 1, cpu: dict | None = None, name: str = ""):
    """The step's result and its best wall time over `repeat` runs (the machine may be busy);
    its best CPU time goes into `cpu[name]` (less disturbed by other processes on the machine)."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        result = None  # free the previous run's result first, so it does not count in the peak
        started, started_cpu = time.perf_counter(), time.process_time()
        result = step(*args)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    if cpu is not None:
        cpu[name] = best_cpu
    return result, best


def child_build_schedule_save(n_tasks: int, path: str, repeat: int) -> dict:
    """Build, schedule and save in this (fresh) process; peak RSS after each step."""
    from bench.synth import make_plan
    from ilrs_planner.engine.cpm import schedule
    from ilrs_planner.store import save_project

    figures = {"start_mib": peak_rss_mib()}
    project, figures["build_s"] = _timed(make_plan, n_tasks, 1)
    figures["build_mib"], figures["links"] = peak_rss_mib(), len(project.links)
    _, figures["schedule_s"] = _timed(schedule, project, repeat=repeat)
    figures["schedule_mib"] = peak_rss_mib()
    _, figures["save_s"] = _timed(save_project, project, path, repeat=repeat, cpu=figures, name="save_cpu_s")
    figures["save_mib"], figures["file_mib"] = peak_rss_mib(), Path(path).stat().st_size / 2**20
    return figures


def child_open_schedule(path: str, repeat: int) -> dict:
    """Open and schedule in this (fresh) process, as the app does at start-up."""
    from ilrs_planner.engine.cpm import schedule
    from ilrs_planner.store import open_project

    figures = {"start_mib": peak_rss_mib()}
    project, figures["open_s"] = _timed(open_project, path, repeat=repeat, cpu=figures, name="open_cpu_s")
    figures["open_mib"] = peak_rss_mib()
    _, figures["schedule_s"] = _timed(schedule, project, repeat=repeat)
    figures["schedule_mib"] = peak_rss_mib()
    return figures


def _run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="times are the best of this many runs")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        figures = (child_build_schedule_save(int(rest[0]), rest[1], args.repeat) if kind == "save"
                   else child_open_schedule(rest[0], args.repeat))
        print(json.dumps(figures))
        return
    print(f"Peak RSS (MiB, high-water mark of a fresh process) and times (s, best of {args.repeat})")
    print(f"{'tasks':>8} {'links':>8} | {'build':>13} {'schedule':>13} {'save':>13} {'file':>6} |"
          f" {'open':>13} {'+schedule':>13}")
    print("-" * 105)
    cpu_times = []
    with tempfile.TemporaryDirectory() as folder:
        for n_tasks in args.sizes:
            path = str(Path(folder) / f"plan-{n_tasks}.db")
            a = _run_child("--repeat", str(args.repeat), "--child", "save", str(n_tasks), path)
            b = _run_child("--repeat", str(args.repeat), "--child", "open", path)
            cell = lambda mib, seconds: f"{mib:6.0f} {seconds:5.2f}s"  # noqa: E731
            print(f"{n_tasks:>8,} {a['links']:>8,} | {cell(a['build_mib'], a['build_s'])} "
                  f"{cell(a['schedule_mib'], a['schedule_s'])} {cell(a['save_mib'], a['save_s'])} "
                  f"{a['file_mib']:5.1f}M | {cell(b['open_mib'], b['open_s'])} "
                  f"{cell(b['schedule_mib'], b['schedule_s'])}")
            cpu_times.append(f"{n_tasks:,} tasks: save {a['save_cpu_s']:.2f}s, open {b['open_cpu_s']:.2f}s")
    print("CPU time (best of runs): " + "; ".join(cpu_times))
    print("(Python with the program imported starts at about "
          f"{a['start_mib']:.0f} MiB; each figure is the peak so far in its process.)")


if __name__ == "__main__":
    main()
