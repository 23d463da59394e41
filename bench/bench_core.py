"""Core benchmark: schedule, save and open synthetic plans; the same rules in plain networkx beside it.

    python3 bench/bench_core.py [--sizes 1000 10000 100000] [--repeat 3] [--no-deep]

Prints one row per size, for the synthetic plans of bench/synth.py and for long chains (the shape
where the engine's numpy level passes give way to its plain loops): the time to schedule with
ilrs_planner.engine.cpm, the time a straightforward networkx implementation of the same rules takes
on the same network (links on summaries expanded to every pair of sub-tasks,
networkx.topological_sort, per-node dict lookups), their ratio, the time to save and to open the
plan file, and whether both schedulers agree on every date and float. Times are the best of
--repeat runs. Targets (issue 2 §7): 100,000 tasks scheduled in under 1 s and at least 3x faster
than networkx; saved and opened in under 2 s each. Two more tables put the same plans on a
Monday-to-Friday calendar with holidays beside calendar days (issue 9: at most 2x the time).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.nx_cpm import networkx_schedule  # noqa: E402
from bench.synth import make_plan  # noqa: E402
from ilrs_planner.domain import Calendar, CalendarException, Link, LinkType, Project, Task  # noqa: E402
from ilrs_planner.engine.cpm import schedule  # noqa: E402


def engine_rows(result) -> dict[str, tuple]:
    """The engine's schedule as the same tuples (free float compared for leaves only)."""
    rows = {}
    for tid, d in result.tasks.items():
        rows[tid] = (d.early_start.toordinal(), d.early_finish.toordinal(), d.late_start.toordinal(),
                     d.late_finish.toordinal(), d.total_float, d.free_float)
    return rows


def agree(engine: dict, reference: dict) -> bool:
    """True when both give the same dates and floats (summary free float is the engine's own)."""
    if engine.keys() != reference.keys():
        return False
    return all(engine[t][:5] == ref[:5] and (ref[5] is None or engine[t][5] == ref[5])
               for t, ref in reference.items())


def best_of(repeat: int, fn, *args):
    """(best wall time, last result) of `repeat` calls."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def store_times(project, repeat: int) -> tuple[str, str]:
    """Seconds to save and to open the plan file, or 'n/a' while the store is not there."""
    try:
        from ilrs_planner.store import open_project, save_project
    except ImportError:
        return "n/a", "n/a"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.db"

        def save():
            path.unlink(missing_ok=True)
            save_project(project, path)

        saved, _ = best_of(repeat, save)
        opened, reopened = best_of(repeat, open_project, path)
        assert len(reopened.tasks) == len(project.tasks) and len(reopened.links) == len(project.links)
    return f"{saved:.3f} s", f"{opened:.3f} s"


def make_deep_plan(n_tasks: int, seed: int = 1) -> Project:
    """The worst shape for level passes: no WBS, each task linked to 2 of the 3 tasks before it."""
    rng = random.Random(seed)
    project = Project(f"Deep plan, {n_tasks} tasks", date(2026, 1, 1))
    tasks = [project.add_task(Task(f"T{i}", "Task", rng.randint(0, 3), id=f"{i:032x}")) for i in range(n_tasks)]
    for i in range(1, n_tasks):
        for j in {i - rng.randint(1, min(i, 3)) for _ in range(2)}:
            project.add_link(Link(tasks[j].id, tasks[i].id, rng.choice(list(LinkType)), rng.randint(-1, 2),
                                  id=f"{j:016x}{i:016x}"))
    return project


def make_nested_plan(n_tasks: int, seed: int = 1) -> Project:
    """A deep outline: n/2 summaries each inside the one before, each holding one leaf.

    Leaves follow each other (FS, random lags), and every 50th summary has a link from the first
    leaf, so the gates of a summary reach thousands of levels down.
    """
    rng = random.Random(seed)
    project = Project(f"Nested plan, {n_tasks} tasks", date(2026, 1, 1))
    parent, leaves = None, []
    for i in range(n_tasks // 2):
        summary = project.add_task(Task(f"S{i}", "Level", 0, id=f"s{i:031x}", parent_id=parent, position=0))
        leaves.append(project.add_task(Task(f"L{i}", "Work", rng.randint(1, 5), id=f"l{i:031x}",
                                            parent_id=summary.id, position=1)))
        if i:
            project.add_link(Link(leaves[-2].id, leaves[-1].id, LinkType.FS, rng.randint(0, 2), id=f"c{i:031x}"))
        if i % 50 == 1:
            project.add_link(Link(leaves[0].id, summary.id, LinkType.FS, 1, id=f"g{i:031x}"))
        parent = summary.id
    return project


def run(title: str, make, sizes: list[int], repeat: int, with_store: bool) -> None:
    """Print one table: a row per size."""
    header = (f"{'tasks':>9} {'links':>9} {'schedule':>10} {'networkx':>10} {'ratio':>7} {'save':>9} {'open':>9}"
              "  dates agree")
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    for size in sizes:
        project = make(size)
        ours, result = best_of(repeat, schedule, project)
        theirs, reference = best_of(repeat, networkx_schedule, project)
        same = agree(engine_rows(result), reference)
        save, open_ = store_times(project, repeat) if with_store else ("-", "-")
        print(f"{size:>9,} {len(project.links):>9,} {ours:>8.3f} s {theirs:>8.3f} s {theirs / ours:>6.1f}x "
              f"{save:>9} {open_:>9}  {'yes' if same else 'NO'}", flush=True)


def on_working_days(project: Project) -> Project:
    """The same plan on a Monday-to-Friday calendar with ten public holidays a year (2026-2070)."""
    holidays = [CalendarException(name, date(year, month, day), date(year, month, day))
                for year in range(2026, 2071)
                for name, month, day in (("New Year", 1, 1), ("Spring 1", 2, 10), ("Spring 2", 2, 11),
                                         ("Labour Day", 5, 1), ("Summer", 6, 20), ("National 1", 10, 1),
                                         ("National 2", 10, 2), ("National 3", 10, 3), ("Autumn", 9, 15),
                                         ("Year end", 12, 31))]
    project.add_calendar(Calendar("Standard", (True,) * 5 + (False, False), holidays, id="standard"))
    project.default_calendar_id = "standard"
    return project


def run_calendars(title: str, make, sizes: list[int], repeat: int) -> None:
    """Print one table: the same plan scheduled in calendar days and on a 5-day calendar with holidays."""
    header = f"{'tasks':>9} {'calendar days':>14} {'5-day + holidays':>17} {'ratio':>7}"
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    for size in sizes:
        plain, _ = best_of(repeat, schedule, make(size))
        working, _ = best_of(repeat, schedule, on_working_days(make(size)))
        print(f"{size:>9,} {plain:>12.3f} s {working:>15.3f} s {working / plain:>6.2f}x", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-deep", action="store_true", help="skip the long-chain plans")
    args = parser.parse_args(argv)
    run("Synthetic plans (bench/synth.py: WBS, ~2 links per task)", make_plan, args.sizes, args.repeat, True)
    if not args.no_deep:
        run("Long chains (no WBS; each task after 2 of the 3 before it)", make_deep_plan, args.sizes,
            args.repeat, False)
    run_calendars("Working calendar vs calendar days (synthetic plans)", make_plan, args.sizes, args.repeat)
    if not args.no_deep:
        run_calendars("Working calendar vs calendar days (long chains)", make_deep_plan, args.sizes, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
