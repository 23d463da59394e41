"""Where the user waits: whole commands as their own processes, ours beside the peer, in one run.

    python3 bench/bench_process.py [--tasks 100000] [--gui] [--skip-mspdi] [--engine-only]

Every row of the speed goals is printed with CPU time (user + system of the process, from
os.wait4, or time.process_time in-process) beside wall time, because the machine these figures
come from is shared: wall time measures the queue for the cores as much as the program, CPU time
much less so. The peers run in the same run on the same files: a networkx script as its own
process for the CLI (bench/peer_networkx_schedule.py), matplotlib for the PNG. The load average
before and after is printed with the machine (nproc, CPU model) so a reader can judge the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.synth import make_plan  # noqa: E402


def machine() -> str:
    """nproc, CPU model and the 1-minute load average."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU")
    return f"{os.cpu_count()} cores, {model}, load average {os.getloadavg()[0]:.1f}"


def child(args: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float, int, str]:
    """(CPU s, wall s, peak RSS MiB, what it printed if piped) of one command run as its own process.

    Piped output must stay small (a pipe buffer): it is read after the process ends.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program runs from bytecode (see compile_once)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, *args], stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        print(f"    ! {' '.join(args)} failed: {process.stderr.read().decode()[-400:]}", file=sys.stderr)
    process.stderr.close()
    printed = process.stdout.read().decode() if process.stdout else ""
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024, printed


def compile_once() -> None:
    """Compile our modules to bytecode before any child is timed.

    pip writes bytecode when it installs, so a user's command never compiles our sources; a
    machine that sets PYTHONDONTWRITEBYTECODE (as some sandboxes do) would otherwise charge every
    child 0.1-0.2 s of compiling that no user waits for.
    """
    child(["-m", "compileall", "-q", str(ROOT / "ilrs_planner")])


def in_process(fn, *args) -> tuple[float, float, object]:
    """(CPU s, wall s, result) of one call in this process."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn(*args)
    return time.process_time() - cpu, time.perf_counter() - wall, result


def row(path: str, ours: str, peer: str, goal: str) -> None:
    print(f"{path:<44} {ours:<30} {peer:<30} {goal}", flush=True)


def fmt(cpu: float, wall: float, extra: str = "") -> str:
    return f"{cpu:.2f} s CPU / {wall:.2f} s wall{extra}"


def cli_rows(db: Path, tasks: int) -> None:
    ours = child(["-m", "ilrs_planner", "schedule", str(db), "--json"])
    peer = child([str(HERE / "peer_networkx_schedule.py"), str(db)])
    ratio_cpu, ratio_wall = peer[0] / ours[0], peer[1] / ours[1]
    row(f"schedule --json {tasks:,}, whole process", fmt(*ours[:2]), fmt(*peer[:2]) + " (networkx)",
        "< 2 s, >= 2x the peer")
    row("", f"peer / ours: {ratio_cpu:.1f}x CPU, {ratio_wall:.1f}x wall", "", "")
    text = child(["-m", "ilrs_planner", "schedule", str(db)])
    row(f"schedule (text) {tasks:,}, whole process", fmt(*text[:2]), "", "< 2 s")


def store_rows(project, folder: Path, tasks: int) -> Path:
    from ilrs_planner.store import open_project, save_project

    db = folder / "plan.db"
    saves = [in_process(save_project, project, db) for _ in range(2) if not db.unlink(missing_ok=True)]
    opens = [in_process(reading_thread_cpu(open_project), db) for _ in range(2)]
    best_save, best_open = min(saves), min(opens)
    row(f"save {tasks:,}", fmt(*best_save[:2]), "", "< 1.2 s")
    row(f"open {tasks:,} (all checks)", fmt(*best_open[:2]), "", "< 1 s")
    row("", f"of which the reading thread {min(result for *_, result in opens):.2f} s CPU", "", "")
    return db


def reading_thread_cpu(fn):
    """`fn` returning the CPU time of the calling thread alone: opening runs its slowest checks in a
    second thread (store/parallel_checks.py), so with a core free the user waits about this long."""
    def timed(*args):
        started = time.thread_time()
        fn(*args)
        return time.thread_time() - started
    return timed


def exchange_rows(db: Path, small_db: Path, folder: Path, tasks: int, mspdi: bool) -> None:
    xlsx = child(["-m", "ilrs_planner", "export", str(small_db), "-o", str(folder / "plan.xlsx")])
    row("XLSX export 10,000, whole process", fmt(*xlsx[:2]), "", "< 2 s")
    if not mspdi:
        return
    xml = folder / "plan.xml"
    child(["-m", "ilrs_planner", "export", str(db), "-o", str(xml)])
    imported = child(["-m", "ilrs_planner", "import", str(xml), "-o", str(folder / "from_xml.db")])
    row(f"MS Project XML import {tasks:,}", fmt(*imported[:2], f", {imported[2]} MiB peak"), "",
        "< 6 s, < 400 MB peak")


def engine_rows(tasks: int) -> None:
    from bench.bench_core import make_deep_plan, make_nested_plan, on_working_days
    from ilrs_planner.engine.cpm import schedule
    from ilrs_planner.engine.risk import run_risk

    nested = make_nested_plan(20_000)
    cpu, wall, _ = min(in_process(schedule, nested) for _ in range(3))
    row("20,000 nested tasks scheduled", fmt(cpu, wall), "", "< 0.5 s")
    for shape, make in (("WBS", make_plan), ("long chains", make_deep_plan)):
        plain_plan, working_plan = make(tasks), on_working_days(make(tasks))
        plain = min(in_process(schedule, plain_plan) for _ in range(3))
        working = min(in_process(schedule, working_plan) for _ in range(3))
        row(f"{tasks:,} tasks ({shape}) on a 5-day calendar", fmt(*working[:2]),
            fmt(*plain[:2]) + " (calendar days)", "<= 2x calendar days")
        row("", f"working / calendar days: {working[0] / plain[0]:.2f}x CPU", "", "")
    risk_plan = make_plan(1_000)
    run_risk(risk_plan, 10_000, seed=1)  # warm-up: the first run pays for page faults
    cpu, wall, _ = min(in_process(run_risk, risk_plan, 10_000) for _ in range(3))
    row("Monte Carlo 10,000 x 1,000 tasks (best of 3)", fmt(cpu, wall), "", "<= 0.3 s")


def gui_rows(db: Path, tasks: int, folder: Path) -> None:
    shown = child([str(HERE / "window_process.py"), str(db)], stdout=subprocess.PIPE)
    row(f"window shown and painted, {tasks:,}, whole process", fmt(*shown[:2]), "", "< 5 s")
    gui = child([str(HERE / "bench_gui.py"), "--tasks", str(tasks)], stdout=subprocess.PIPE)
    row(f"bench_gui.py {tasks:,} (redraw; PNG beside matplotlib)", fmt(*gui[:2]), "", "redraw < 30 ms")
    for line in gui[3].splitlines():
        print(f"    {line}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--gui", action="store_true", help="also time the window (slow on a busy machine)")
    parser.add_argument("--skip-mspdi", action="store_true", help="leave out the MS Project XML round")
    parser.add_argument("--engine-only", action="store_true", help="only the in-process scheduler and risk rows")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    compile_once()
    if args.engine_only:
        engine_rows(args.tasks)
        return 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = make_plan(args.tasks)
        row("path", "ours", "peer", "goal")
        print("-" * 130)
        db = store_rows(project, folder, args.tasks)
        cli_rows(db, args.tasks)
        small_db = folder / "small.db"
        from ilrs_planner.store import save_project

        save_project(make_plan(10_000), small_db)
        exchange_rows(db, small_db, folder, args.tasks, not args.skip_mspdi)
        engine_rows(args.tasks)
        if args.gui:
            gui_rows(db, args.tasks, folder)
    print(f"after: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
