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
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx  # noqa: E402  (bench extra)

from bench.synth import make_plan  # noqa: E402
from ilrs_planner.domain import ConstraintType as C  # noqa: E402
from ilrs_planner.domain import Calendar, CalendarException, Link, LinkType, Project, Task  # noqa: E402
from ilrs_planner.engine.cpm import schedule  # noqa: E402

FROM_FINISH = {"FS": True, "FF": True, "SS": False, "SF": False}
TO_FINISH = {"FF": True, "SF": True, "FS": False, "SS": False}


def networkx_schedule(project) -> dict[str, tuple[int, ...]]:
    """The same rules, written plainly: task id -> (ES, EF, LS, LF, TF, FF) in day ordinals."""
    tasks = project.tasks
    children = defaultdict(list)
    for task in tasks.values():
        if task.parent_id is not None:
            children[task.parent_id].append(task.id)
    leaves_of = {tid: _leaves(tid, children) for tid in tasks}
    leaves = [tid for tid in tasks if tid not in children]
    bounds = {tid: _bounds(tasks[tid], project.start.toordinal()) for tid in leaves}
    _summary_bounds(tasks, children, leaves_of, bounds)
    graph = nx.DiGraph()
    graph.add_nodes_from(leaves)
    for link in project.links.values():
        rule = (FROM_FINISH[str(link.type)], TO_FINISH[str(link.type)], link.lag)
        for p in leaves_of[link.pred_id]:
            for s in leaves_of[link.succ_id]:
                if graph.has_edge(p, s):
                    graph[p][s]["rules"].append(rule)
                else:
                    graph.add_edge(p, s, rules=[rule])
    order = list(nx.topological_sort(graph))
    es = _forward(graph, order, bounds)
    finish = max(es[t] + bounds[t]["dur"] for t in leaves) if leaves else project.start.toordinal()
    ls, ff = _backward(graph, order, bounds, es, finish)
    result = {}
    for t in leaves:
        b = bounds[t]
        tf = 0 if b["finished"] else ls[t] - es[t]
        result[t] = (es[t], es[t] + b["dur"], es[t] + tf, es[t] + b["dur"] + tf, tf, 0 if b["finished"] else ff[t])
    for s in children:
        under = [result[t] for t in leaves_of[s]]
        open_floats = [result[t][4] for t in leaves_of[s] if not bounds[t]["finished"]]
        start, end = min(r[0] for r in under), max(r[1] for r in under)
        tf = min(open_floats) if open_floats else 0
        if open_floats and tasks[s].constraint in (C.SNLT, C.MSO):
            tf = min(tf, tasks[s].constraint_date.toordinal() - start)
        result[s] = (start, end, start + tf, end + tf, tf, None)
    return result


def _leaves(tid, children) -> list[str]:
    if tid not in children:
        return [tid]
    return [leaf for child in children[tid] for leaf in _leaves(child, children)]


def _bounds(task, start: int) -> dict:
    dur, base, fixed = task.duration, start, None
    start_cap = finish_cap = 10**9
    day = task.constraint_date.toordinal() if task.constraint_date else None
    kind = task.constraint
    if kind == C.SNET:
        base = max(base, day)
    elif kind == C.FNET:
        base = max(base, day - dur)
    elif kind == C.MSO:
        fixed, start_cap = day, day
    elif kind == C.MFO:
        fixed, finish_cap = day - dur, day
    elif kind == C.SNLT:
        start_cap = day
    elif kind == C.FNLT:
        finish_cap = day
    if task.deadline:
        finish_cap = min(finish_cap, task.deadline.toordinal())
    history = bool(task.actual_start or task.actual_finish)
    if task.actual_start and task.actual_finish:
        dur = (task.actual_finish - task.actual_start).days
    if task.actual_start:
        fixed = task.actual_start.toordinal()
    elif task.actual_finish:
        fixed = task.actual_finish.toordinal() - dur
    return {"dur": dur, "base": base, "fixed": fixed, "start_cap": start_cap, "finish_cap": finish_cap,
            "history": history, "finished": bool(task.actual_finish or (history and dur == 0))}


def _summary_bounds(tasks, children, leaves_of, bounds) -> None:
    """SNET/MSO on a summary hold back its sub-tasks; FNLT/MFO/deadline cap them."""
    for s in children:
        task = tasks[s]
        day = task.constraint_date.toordinal() if task.constraint_date else None
        for leaf in leaves_of[s]:
            if task.constraint in (C.SNET, C.MSO):
                bounds[leaf]["base"] = max(bounds[leaf]["base"], day)
            if task.constraint in (C.FNLT, C.MFO):
                bounds[leaf]["finish_cap"] = min(bounds[leaf]["finish_cap"], day)
            if task.deadline:
                bounds[leaf]["finish_cap"] = min(bounds[leaf]["finish_cap"], task.deadline.toordinal())


def _forward(graph, order, bounds) -> dict[str, int]:
    es = {}
    for v in order:
        b = bounds[v]
        if b["fixed"] is not None:
            es[v] = b["fixed"]
            continue
        start = b["base"]
        for u in graph.predecessors(v):
            for from_finish, to_finish, lag in graph[u][v]["rules"]:
                bound = es[u] + (bounds[u]["dur"] if from_finish else 0) + lag - (b["dur"] if to_finish else 0)
                start = max(start, bound)
        es[v] = start
    return es


def _backward(graph, order, bounds, es, finish):
    ls, ff = {}, {}
    for u in reversed(order):
        b = bounds[u]
        late = min(min(finish, b["finish_cap"]) - b["dur"], b["start_cap"])
        slack = None
        for v in graph.successors(u):
            if bounds[v]["history"]:
                continue
            for from_finish, to_finish, lag in graph[u][v]["rules"]:
                back = (bounds[v]["dur"] if to_finish else 0) - lag - (b["dur"] if from_finish else 0)
                late = min(late, ls[v] + back)
                gap = es[v] + back - es[u]
                slack = gap if slack is None else min(slack, gap)
        ls[u] = late
        ff[u] = finish - es[u] - b["dur"] if slack is None else slack
    return ls, ff


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
