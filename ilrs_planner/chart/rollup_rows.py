"""The milestones of collapsed summaries, placed on their summary's row."""

from __future__ import annotations

import numpy as np

from ..domain import Project, Task
from ..engine.schedule import Schedule
from .data import KIND_SUMMARY, ChartData
from .rollups import Rollups, folded_milestones
from .row_dates import task_ordinals


def _may_fold(data: ChartData, row_tasks: list[Task], outline: np.ndarray | None = None,
              places: np.ndarray | None = None) -> bool:
    """False when every shown summary has a sub-task on the row after it, so none is folded (a
    shown sub-task follows its summary in the rows); True leaves the question to the outline.
    `outline` and `places`: the schedule's parents by place and the rows' places, when known."""
    last, ids = len(row_tasks) - 1, data.task_ids
    summary_rows = np.flatnonzero(data.kind == KIND_SUMMARY)
    if outline is not None and places is not None and len(places) == len(ids):
        # In numpy: the parent of the next row's task is the summary's place (a loop over 10,000
        # summary rows cost 4 ms after each edit).
        below = summary_rows[summary_rows < last]
        return len(below) < len(summary_rows) or bool((outline[places[below + 1]] != places[below]).any())
    # Only the summary rows are looked at (a few among 100,000): a pass over every row cost more.
    return any(row == last or row_tasks[row + 1].parent_id != ids[row] for row in summary_rows.tolist())


def rollups_of(project: Project, schedule: Schedule | None, data: ChartData, summaries: set[str],
               owner_color: dict, color_index: dict[str, int], row_tasks: list[Task],
               places: np.ndarray | None = None) -> Rollups:
    """The milestones of collapsed summaries, placed on the summary's row (`places`: each row's
    place in the schedule's columns, when known)."""
    outline = schedule.outline if schedule is not None else None
    if not _may_fold(data, row_tasks, outline, places):  # every summary shown open: nothing rolls up
        return Rollups()
    pairs = folded_milestones(project, data.row_of, summaries)
    if not pairs:
        return Rollups()
    critical_ids = schedule.critical_ids() if schedule is not None else set()
    tasks = [project.tasks[tid] for _, tid in pairs]
    at = [task_ordinals(project, schedule, task, critical_ids)[0] for task in tasks]
    colors = [color_index.get(owner_color.get(t.owner_id, owner_color[None]), 0) for t in tasks]
    return Rollups(np.array([row for row, _ in pairs], np.int64), np.asarray(at, np.float64),
                   np.asarray(colors, np.int32), np.array([t.actual_start is not None for t in tasks], bool),
                   np.array([t.key_milestone for t in tasks], bool), [tid for _, tid in pairs],
                   [t.name for t in tasks])
