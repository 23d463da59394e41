"""Each row's dates as day ordinals, read from the schedule's columns in one go when it has them.

A row's task not in the schedule (a plan that cannot be scheduled) is placed from what was
entered: its actual start, its constraint date or the plan's start, for its duration.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from ..domain import Project, Task
from ..engine.schedule import EARLY_AT_DAY_END, Schedule, TaskTable, shown_finish_ordinals


def task_dates(project: Project, schedule: Schedule | None, task: Task) -> tuple[date, date, bool]:
    """(start, exclusive finish, critical) from the schedule, else from what was entered."""
    dates = schedule.tasks.get(task.id) if schedule is not None else None
    if dates is not None:
        return dates.early_start, dates.early_finish, dates.critical
    start = task.actual_start or task.constraint_date or project.start
    return start, start + timedelta(days=task.duration), False


def task_ordinals(project: Project, schedule: Schedule | None, task: Task, critical: set[str]) -> tuple[int, int, bool]:
    """task_dates as day ordinals, read from the schedule's columns when it has them (no date objects)."""
    table = schedule.tasks if schedule is not None else None
    if table is not None and hasattr(table, "ordinals") and task.id in table:
        es, ef, _ls, _lf = table.ordinals(task.id)
        return es, ef, task.id in critical
    start, finish, crit = task_dates(project, schedule, task)
    return start.toordinal(), finish.toordinal(), crit


def schedule_places(schedule: Schedule | None, rows: list[str]) -> np.ndarray | None:
    """Each row's place in the schedule's columns, when the schedule holds them all as arrays:
    at 100,000 rows a lookup per row was a third of the chart's build."""
    table = schedule.tasks if schedule is not None else None
    if not isinstance(table, TaskTable):
        return None
    places = table.positions(rows)
    return places if not len(places) or places.min() >= 0 else None


def row_dates(project: Project, schedule: Schedule | None, tasks: list[Task],
               places: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start, exclusive finish, critical) arrays of the rows: from the schedule's columns in one
    go when it has them (`places`), else task by task."""
    if schedule is not None and places is not None:
        columns = schedule.tasks.arrays()  # type: ignore[attr-defined]  # a TaskTable, as schedule_places found
        return (columns[0][places].astype(np.float64), columns[1][places].astype(np.float64),
                columns[6][places].astype(bool))
    critical_ids = schedule.critical_ids() if schedule is not None else set()
    each = [task_ordinals(project, schedule, task, critical_ids) for task in tasks]
    return (np.array([e[0] for e in each], np.float64), np.array([e[1] for e in each], np.float64),
            np.array([e[2] for e in each], bool))


def day_ends(schedule: Schedule | None, rows: list[str], places: np.ndarray | None) -> np.ndarray:
    """Per row: 1 for a milestone whose point is the end of the day before it (see TaskDates), else 0."""
    if schedule is None:
        return np.zeros(len(rows))
    if places is not None:
        return np.asarray(schedule.tasks.arrays()[7][places] & EARLY_AT_DAY_END, np.float64)  # type: ignore[attr-defined]
    return np.array([float(d is not None and d.early_at_day_end) for d in map(schedule.tasks.get, rows)])


def last_days(schedule: Schedule | None, rows: list[str], places: np.ndarray | None, start: np.ndarray,
              finish: np.ndarray) -> np.ndarray:
    """Per row: the last day a person reads of [start, finish) at the row's moments of day
    (TaskDates.shown_finish): a milestone at a day's start on that day, what a deadline is met or
    missed by; a baseline's finish read so is read as the row's finish is now (the task table's)."""
    ends = _day_end_bits(schedule, rows, places)
    return np.asarray(shown_finish_ordinals(start, finish, ends & EARLY_AT_DAY_END, ends), np.float64)


def _day_end_bits(schedule: Schedule | None, rows: list[str], places: np.ndarray | None) -> np.ndarray:
    """Per row: the schedule's day-ends bits (a milestone at a day's end, a summary's moments; 0 without)."""
    if schedule is None:
        return np.zeros(len(rows), np.int64)
    if places is not None:
        return np.asarray(schedule.tasks.arrays()[7][places], np.int64)  # type: ignore[attr-defined]  # a TaskTable
    return np.fromiter(((EARLY_AT_DAY_END if d.early_at_day_end else 0) | d.summary_moments if d is not None else 0
                        for d in map(schedule.tasks.get, rows)), np.int64, len(rows))
