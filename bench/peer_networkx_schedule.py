"""The networkx peer of `ilrs-planner schedule PLAN.db --json`, run as its own process.

    python3 bench/peer_networkx_schedule.py PLAN.db > schedule.json

Reads the plan file with plain sqlite3 (none of the planner's checks), schedules it with the same
rules in networkx (bench/nx_cpm.py) and prints the same JSON fields, every task in WBS order,
through json's C encoder. It is what a user could write in an afternoon; bench_process.py times
it beside the planner's own command on the same file.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.nx_cpm import networkx_schedule  # noqa: E402
from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task  # noqa: E402


def _day(text):
    return None if text is None else date.fromisoformat(text)


def read_plan(path: str) -> Project:
    """The tasks and links of a plan file as plain objects (no checks)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    (start,) = conn.execute("SELECT start FROM plan").fetchone()
    project = Project("peer", date.fromisoformat(start))
    ids = {}
    for num, tid, key, name, duration, parent, position, kind, day, deadline, actual_start, actual_finish in (
            conn.execute("SELECT num, id, key, name, duration, parent, position, constraint_type, constraint_date, "
                         "deadline, actual_start, actual_finish FROM tasks ORDER BY num")):
        ids[num] = tid
        project.tasks[tid] = Task(key, name, duration, id=tid, parent_id=ids.get(parent), position=position,
                                  constraint=ConstraintType(kind), constraint_date=_day(day),
                                  deadline=_day(deadline), actual_start=_day(actual_start),
                                  actual_finish=_day(actual_finish))
    for lid, pred, succ, kind, lag in conn.execute("SELECT id, pred, succ, type, lag FROM links"):
        project.links[lid] = Link(ids[pred], ids[succ], LinkType(kind), lag, id=lid)
    return project


def wbs_order(project: Project) -> list[str]:
    """Task ids in pre-order, siblings by position."""
    children: dict = {}
    for task in sorted(project.tasks.values(), key=lambda t: t.position):
        children.setdefault(task.parent_id, []).append(task.id)
    order, stack = [], list(reversed(children.get(None, [])))
    while stack:
        tid = stack.pop()
        order.append(tid)
        stack.extend(reversed(children.get(tid, [])))
    return order


def main(path: str) -> None:
    project = read_plan(path)
    rows = networkx_schedule(project)
    iso = date.fromordinal
    tasks = [{"key": project.tasks[t].key, "name": project.tasks[t].name,
              "early_start": iso(rows[t][0]).isoformat(), "early_finish": iso(rows[t][1]).isoformat(),
              "late_start": iso(rows[t][2]).isoformat(), "late_finish": iso(rows[t][3]).isoformat(),
              "total_float_days": rows[t][4], "free_float_days": rows[t][5], "critical": rows[t][4] <= 0}
             for t in wbs_order(project)]
    finish = max((r[1] for r in rows.values()), default=project.start.toordinal())
    json.dump({"project_start": project.start.isoformat(), "project_finish": iso(finish).isoformat(),
               "tasks": tasks}, sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
