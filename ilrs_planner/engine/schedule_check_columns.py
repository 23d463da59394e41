"""The plan and its schedule as the columns the schedule check reads: one value per task, per link.

The checks are counts over whole columns (numpy), so a 100,000-task plan is checked in a fraction of
the time it takes to schedule it. Task columns follow the schedule's task order; link ends are
places in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

import numpy as np

from ..domain import ConstraintType, LinkType, Project, Task
from ._links import TYPE_CODES
from .schedule import EARLY_AT_DAY_END, Schedule, TaskTable, shown_finish_ordinals, shown_start_ordinals

HARD = frozenset({ConstraintType.MSO, ConstraintType.MFO, ConstraintType.SNLT, ConstraintType.FNLT})
FS, SS, FF, SF = TYPE_CODES[LinkType.FS], TYPE_CODES[LinkType.SS], TYPE_CODES[LinkType.FF], TYPE_CODES[LinkType.SF]
TYPE_NAMES = {code: str(kind) for kind, code in TYPE_CODES.items()}  # a link column's code -> "FS"
NONE = -1  # no date in a date column


@dataclass(frozen=True, slots=True, eq=False)
class PlanColumns:
    """Everything a check needs, as arrays (dates as day ordinals, NONE for none)."""

    ids: list[str]
    tasks: list[Task]
    summary: np.ndarray  # bool
    done: np.ndarray  # finished: an actual finish, a milestone that happened, or 100 % under way
    duration: np.ndarray  # as stored: working days, or calendar days for an elapsed duration
    working_duration: np.ndarray  # working days: an elapsed one counted on the plan's calendar over its span
    hard: np.ndarray  # a hard constraint (MSO, MFO, SNLT, FNLT)
    actual_start: np.ndarray
    actual_finish: np.ndarray  # exclusive, as the plan stores it
    early_start: np.ndarray
    early_finish: np.ndarray  # exclusive
    first_day: np.ndarray  # the start a person reads
    last_day: np.ndarray  # the last day of work a person reads (a milestone's day)
    total_float: np.ndarray  # working days of the task's calendar (an elapsed task's on the plan's): DCMA's limits
    shown_float: np.ndarray  # as the table shows it, in the task's duration units (an elapsed task's 'ed')
    critical: np.ndarray  # bool
    link_ids: list[str]
    pred: np.ndarray
    succ: np.ndarray
    code: np.ndarray  # FS, SS, FF, SF
    lag: np.ndarray
    lag_elapsed: np.ndarray

    @property
    def eligible(self) -> np.ndarray:
        """The tasks DCMA checks: incomplete and not summaries."""
        return np.asarray(~self.summary & ~self.done)

    @property
    def milestone(self) -> np.ndarray:
        return np.asarray(~self.summary & (self.duration == 0))


def plan_columns(project: Project, schedule: Schedule) -> PlanColumns:
    """The columns of `project` scheduled as `schedule`."""
    ids = list(schedule.tasks)
    tasks = [project.tasks[tid] for tid in ids]
    es, ef, ls, _lf, tf, _ff, critical, ends = _schedule_arrays(schedule)
    summary = _summaries(project, schedule, ids)
    start, finish = _dates(tasks, "actual_start"), _dates(tasks, "actual_finish")
    duration = np.fromiter(map(attrgetter("duration"), tasks), dtype=np.int64, count=len(tasks))
    percent = np.fromiter(map(attrgetter("percent_complete"), tasks), dtype=np.int64, count=len(tasks))
    # A summary's actual dates are ignored (its dates come from its sub-tasks): never done itself.
    done = ~summary & ((finish != NONE) | ((start != NONE) & ((duration == 0) | (percent >= 100))))
    shown_float = tf
    working_duration, tf = _elapsed_in_working_days(project, tasks, duration, tf, es, ef, ls)
    hard = np.fromiter(map(HARD.__contains__, map(attrgetter("constraint"), tasks)), dtype=bool, count=len(tasks))
    pred, succ, code, lag, elapsed, link_ids = _link_arrays(project, schedule, ids)
    return PlanColumns(
        ids, tasks, summary, done, duration, working_duration, hard, start, finish, es, ef,
        shown_start_ordinals(es, ef, ends & EARLY_AT_DAY_END, ends),
        shown_finish_ordinals(es, ef, ends & EARLY_AT_DAY_END, ends), tf, shown_float, critical != 0,
        link_ids, pred, succ, code, lag, elapsed)


def _elapsed_in_working_days(project: Project, tasks: list[Task], duration: np.ndarray, total_float: np.ndarray,
                             es: np.ndarray, ef: np.ndarray, ls: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An elapsed task's duration and float count calendar days ('ed'); DCMA's limits are working
    days, so they are counted again on the plan's default calendar, over the task's span and from its
    early to its late start. Other tasks keep theirs (working days of their own calendar)."""
    rows = [row for row, task in enumerate(tasks) if task.elapsed and task.duration != 0]
    calendar = project.default_calendar()
    if not rows or calendar.is_continuous:
        return duration, total_float
    duration, total_float = duration.copy(), np.array(total_float, dtype=np.int64)
    for row in rows:
        duration[row] = calendar.working_days(day(es[row]), day(ef[row]))
        early, late = int(es[row]), int(ls[row])
        worked = calendar.working_days(day(min(early, late)), day(max(early, late)))
        total_float[row] = worked if late >= early else -worked
    return duration, total_float


def _schedule_arrays(schedule: Schedule) -> np.ndarray:
    if isinstance(schedule.tasks, TaskTable):
        return schedule.tasks.arrays()
    rows = [(d.early_start.toordinal(), d.early_finish.toordinal(), d.late_start.toordinal(),
             d.late_finish.toordinal(), d.total_float, d.free_float, int(d.critical),
             (EARLY_AT_DAY_END if d.early_at_day_end else 0) | d.summary_moments)
            for d in schedule.tasks.values()]
    return np.array(rows, dtype=np.int64).reshape(len(rows), 8).T


def _dates(tasks: list[Task], name: str) -> np.ndarray:
    # Most tasks have no actual dates: only those that do are turned into ordinals.
    days = [NONE if d is None else d.toordinal() for d in map(attrgetter(name), tasks)]
    return np.array(days, dtype=np.int64)


def _summaries(project: Project, schedule: Schedule, ids: list[str]) -> np.ndarray:
    summary = np.zeros(len(ids), dtype=bool)
    if schedule.outline is not None and len(schedule.outline) == len(ids):
        parents = schedule.outline[schedule.outline >= 0]
        summary[parents] = True
        return summary
    parents_ids = project.summary_ids()
    return np.fromiter((tid in parents_ids for tid in ids), dtype=bool, count=len(ids))


def _link_arrays(project: Project, schedule: Schedule, ids: list[str]) -> tuple[Any, ...]:
    links = project.links
    table = schedule.links
    if table is not None and table.ids == list(links):  # the links the schedule was made from
        link_ids, pred, succ, code = table.ids, table.pred, table.succ, table.code
    else:  # a schedule not made by the scheduler: find each end's place by id
        link_ids = list(links)
        place = dict(zip(ids, range(len(ids))))
        pred = np.fromiter((place[links[lid].pred_id] for lid in link_ids), dtype=np.int64, count=len(link_ids))
        succ = np.fromiter((place[links[lid].succ_id] for lid in link_ids), dtype=np.int64, count=len(link_ids))
        code = np.fromiter((TYPE_CODES[links[lid].type] for lid in link_ids), dtype=np.int64, count=len(link_ids))
    objects = list(map(links.__getitem__, link_ids))
    lag = np.fromiter(map(attrgetter("lag"), objects), dtype=np.int64, count=len(objects))
    elapsed = np.fromiter(map(attrgetter("elapsed"), objects), dtype=bool, count=len(objects))
    return (np.asarray(pred, dtype=np.int64), np.asarray(succ, dtype=np.int64), np.asarray(code, dtype=np.int64),
            lag, elapsed, list(link_ids))


def day(ordinal: int) -> date:
    """A day ordinal as a date."""
    return date.fromordinal(int(ordinal))
