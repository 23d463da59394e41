"""A summary's % complete, rolled up from its sub-tasks as MS Project does.

MS Project's summary % Complete is Σ actual duration / Σ duration of the work under it, so a sub-task
weighs by its duration: three tasks of 10, 20 and 30 days at 100 %, 50 % and 0 % make 33 %
((10 + 10 + 0) / 60). A milestone weighs nothing; a summary holding only milestones is 100 % when all
of them happened, else 0 %. Here the sums run over every leaf task below the summary (a sub-phase
brings its own tasks' days, not its span); an elapsed task weighs its calendar days. The result is
rounded down, so a phase reads 100 % only once all its work is done.

The sums are made in bulk: each task's figures as numpy columns, added into their parents one outline
level at a time, the deepest first (a pass per level, each task added once).
"""

from __future__ import annotations

import numpy as np

from ..domain import Project, Task
from .schedule import Schedule

# Columns summed up the outline: day-percents worked, days of work, milestones, milestones that happened.
_WORKED, _DAYS, _MILESTONES, _HAPPENED = range(4)


def summary_percents(project: Project, schedule: Schedule | None = None) -> dict[str, int]:
    """Each summary's % complete (0..100) by id; `schedule` (when made from this plan) lends its outline."""
    ids = list(project.tasks)
    parent = _parents(project, schedule, ids)
    summary = np.zeros(len(ids), dtype=bool)
    summary[parent[parent >= 0]] = True
    if not summary.any():
        return {}
    sums = _add_up(_leaf_figures(list(project.tasks.values()), summary), parent)
    days, milestones = sums[:, _DAYS], sums[:, _MILESTONES]
    by_work = sums[:, _WORKED] // np.maximum(days, 1)
    by_milestones = np.where((milestones > 0) & (sums[:, _HAPPENED] == milestones), 100, 0)
    percent = np.where(days > 0, by_work, by_milestones)
    rows = np.flatnonzero(summary)
    return dict(zip([ids[row] for row in rows], percent[rows].tolist()))


def task_percent(task: Task) -> int:
    """A leaf task's % complete as a summary counts it: 100 once it has an actual finish."""
    return 100 if task.actual_finish is not None else task.percent_complete


def _happened(task: Task) -> bool:
    """A milestone has happened: it has an actual date or is recorded as 100 %."""
    return task.actual_start is not None or task.actual_finish is not None or task.percent_complete >= 100


def _leaf_figures(tasks: list[Task], summary: np.ndarray) -> np.ndarray:
    """Per task (rows), its _WORKED, _DAYS, _MILESTONES and _HAPPENED figures; zero for summaries."""
    count = len(tasks)
    days = np.fromiter((t.duration for t in tasks), dtype=np.int64, count=count)
    percent = np.fromiter((task_percent(t) for t in tasks), dtype=np.int64, count=count)
    milestone = (days == 0) & ~summary
    happened = np.zeros(count, dtype=np.int64)
    rows = np.flatnonzero(milestone)
    happened[rows] = np.fromiter((_happened(tasks[row]) for row in rows), dtype=np.int64, count=rows.size)
    figures = np.stack([days * percent, days, milestone.astype(np.int64), happened], axis=1)
    figures[summary] = 0
    return figures


def _parents(project: Project, schedule: Schedule | None, ids: list[str]) -> np.ndarray:
    """Each task's parent as its place in `ids` (-1 at the top level)."""
    outline = schedule.outline if schedule is not None else None
    if outline is not None and len(outline) == len(ids) and list(schedule.tasks) == ids:  # type: ignore[union-attr]
        return np.asarray(outline, dtype=np.int64)
    place = dict(zip(ids, range(len(ids))))
    return np.fromiter((place.get(t.parent_id, -1) if t.parent_id is not None else -1
                        for t in project.tasks.values()), dtype=np.int64, count=len(ids))


def _add_up(values: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """Each row's values plus every descendant's: one level of the outline at a time, the deepest first."""
    depth = _depths(parent)
    order = np.argsort(-depth, kind="stable")
    bounds = np.searchsorted(-depth[order], np.arange(-int(depth.max()), 1))
    summed = values.copy()
    for level in range(len(bounds) - 1):  # the top level (depth 0) has no parent to add into
        rows = order[bounds[level]:bounds[level + 1]]
        np.add.at(summed, parent[rows], summed[rows])
    return summed


def _depths(parent: np.ndarray) -> np.ndarray:
    """Each task's outline depth (0 at the top) by jump pointers: log2(depth) passes, whatever the depth."""
    n = len(parent)
    step = np.append(np.where(parent < 0, n, parent), n)
    jumps = [step]
    while (jumps[-1][:n] != n).any():
        jumps.append(jumps[-1][jumps[-1]])
    depth, at = np.zeros(n, dtype=np.int64), np.arange(n)
    for k in range(len(jumps) - 1, -1, -1):  # climb the largest jumps that stay below the top
        up = jumps[k][at]
        moved = up != n
        depth[moved] += 1 << k
        at[moved] = up[moved]
    return depth
