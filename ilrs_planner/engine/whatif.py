"""What-if: "task X slips by N days" or "task X finishes on date D", scheduled on a copy.

The scenario is one edit of X's own inputs, so the answer is exactly what the plan would say if
that edit were made (and `commands.whatif.ApplyWhatIf` makes it as one undoable step):
- slip by N days: X starts N days later than now (a start-no-earlier-than constraint on its new
  start); a task already under way keeps its actual start and takes N more days instead;
- finish on D: D is X's last day of work, as a person gives a finish (a milestone's own day): X must
  finish then (a must-finish-on constraint on the exclusive finish, the day after; a task under way
  gets the duration whose last day is D).
Either way X's dates are then the planner's, known to the day (`_to_the_day`).
Days are the task's own, as the scheduler counts its duration: working days of its calendar (on a
Mon-Fri calendar a slip of 5 days is a week), calendar days for an elapsed task or the 7-day calendar.
A finished task is history and cannot slip. Nothing here changes the plan it is given.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from ..domain import Calendar, ConstraintType, PlannerError, Precision, Project, Task
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays, WorkingDayCount
from ._bounds import remaining_duration
from .cpm import schedule as cpm_schedule
from .finish_duration import duration_finishing_on, duration_leaving, runs_from_status, under_way_duration
from .mta import DEFAULT_MILESTONES
from .schedule import Schedule, TaskDates
from .whatif_moves import Move, WhatIf
from .working_variance import calendar_variance, working_variance

__all__ = ["Move", "WhatIf", "duration_finishing_on", "scenario_fields", "scenario_project", "under_way_duration",
           "what_if"]


def scenario_fields(project: Project, schedule: Schedule, task_id: str, *, slip_days: int | None = None,
                    finish_on: date | None = None) -> tuple[dict[Any, Any], str]:
    """The edit of X's fields that realises the scenario, and a sentence saying what it is."""
    if (slip_days is None) == (finish_on is None):
        raise PlannerError("task.bad_value", "a what-if needs either a slip in days or a finish date")
    if task_id not in project.tasks:
        raise PlannerError("task.unknown", f"no task {task_id} in the plan", [task_id])
    task = project.tasks[task_id]
    if task.actual_finish is not None:
        raise PlannerError("task.bad_value", f"'{task.key}' finished on {task.actual_finish}; history cannot slip",
                           [task_id])
    if project.is_summary(task_id):
        raise PlannerError("task.bad_value", f"'{task.key}' is a summary; try the what-if on one of its tasks",
                           [task_id])
    dates, status, calendar = schedule.tasks[task_id], project.status_date, project.task_calendar(task)
    if slip_days is not None:
        fields, text = _slip(task, calendar, dates, slip_days, status)
    else:
        assert finish_on is not None  # exactly one of the two was given (checked above)
        fields, text = _finish_on(project, task, finish_on)
    return _to_the_day(task, fields), text


def _to_the_day(task: Task, fields: dict[Any, Any]) -> dict[Any, Any]:
    """The scenario's dates are the planner's, given to the day (a start no earlier than, a last day of
    work), as a bar dragged is: a task announced only to a year or month is dated to the day from then
    on. Kept at "2031", ILRS-1 to -5 slipped by 100 days still read "2030 – 2036", the move unseen."""
    if task.precision is not Precision.DAY:
        fields["precision"] = Precision.DAY
    return fields


def _counts_working_days(task: Task, calendar: Calendar) -> bool:
    """The task's days are working days of its calendar (not elapsed, not on the 7-day calendar)."""
    return not task.elapsed and not calendar.is_continuous


def _shifted(task: Task, calendar: Calendar, day: date, days: int) -> date:
    """`day` moved by `days` of the task's days (working days of its calendar, or calendar days)."""
    if not _counts_working_days(task, calendar):
        return day + timedelta(days=days)
    step, left = timedelta(days=1 if days >= 0 else -1), abs(days)
    worked = WorkingDayCount(calendar)  # a partner's calendar may hold a million exceptions: not per day
    while left:
        day += step
        left -= worked.is_working(day)
    return day


def _slip(task: Task, calendar: Calendar, dates: TaskDates, days: int,
          status: date | None) -> tuple[dict[Any, Any], str]:
    # Days written one way, as everywhere (domain.durations.format_days): '+365 d' are the task's own
    # days, working days of its calendar; '+5 ed' calendar days of an elapsed task.
    shown = format_days(days, task.elapsed, signed=True)
    if task.actual_start is not None:  # under way: its start is history, its end moves (durations count its days)
        if runs_from_status(task, status):
            duration = duration_leaving(task, remaining_duration(task.duration, task.percent_complete) + days)
        else:
            duration = max(task.duration + days, 0)
        fields: dict[str, object] = {"duration": duration}
        return fields, f"'{task.key}' takes {shown} (under way since {task.actual_start})"
    new_start = _shifted(task, calendar, dates.early_start, days)
    fields = {"constraint": ConstraintType.SNET, "constraint_date": new_start}
    return fields, f"'{task.key}' slips by {shown} (starts no earlier than {new_start})"


def _finish_on(project: Project, task: Task, day: date) -> tuple[dict[Any, Any], str]:
    """`day` is the last day of work as a person gives it (a milestone's own day)."""
    if task.actual_start is not None:
        return {"duration": under_way_duration(project, task, day)}, f"'{task.key}' finishes on {day} (under way)"
    finish = day if task.duration == 0 else day + timedelta(days=1)  # MFO bounds the exclusive finish
    fields = {"constraint": ConstraintType.MFO, "constraint_date": finish}
    return fields, f"'{task.key}' finishes on {day} (must finish on)"


def scenario_project(project: Project, task_id: str, fields: dict[Any, Any]) -> Project:
    """A copy of the plan with only task X edited; the original and its tasks are not touched."""
    tasks = dict(project.tasks)
    tasks[task_id] = dataclasses.replace(project.tasks[task_id], **fields)
    return dataclasses.replace(project, tasks=tasks, baselines=list(project.baselines))


def what_if(project: Project, task_id: str, *, slip_days: int | None = None, finish_on: date | None = None,
            schedule: Schedule | None = None) -> WhatIf:
    """Schedule the scenario on a copy and list every task that moves, key milestones marked."""
    before = schedule or cpm_schedule(project)
    fields, text = scenario_fields(project, before, task_id, slip_days=slip_days, finish_on=finish_on)
    after = cpm_schedule(scenario_project(project, task_id, fields))
    key_ids, worked = _key_milestone_ids(project), WorkedDays(project)
    moves = []
    for task, _depth in project.walk():
        old, new = before.tasks[task.id], after.tasks[task.id]
        if _shown_moment(old) != _shown_moment(new):
            moves.append(Move(task.id, task.key, task.name, task.id in key_ids, old.early_start,
                              new.early_start, old.early_finish, new.early_finish, new.early_at_day_end,
                              old.early_at_day_end, old.summary_moments, new.summary_moments,
                              working_variance(worked, task, old.early_start, new.early_start),
                              working_variance(worked, task, old.early_finish, new.early_finish), task.elapsed))
    shift = calendar_variance(project.default_calendar(), before.project_finish, after.project_finish)
    return WhatIf(task_id, fields, text, tuple(moves), before.project_finish, after.project_finish, shift)


def _shown_moment(dates: TaskDates) -> tuple[date, date, date, date]:
    """The points and the days shown: a milestone that only changes its moment of day (Friday 17:00
    to Saturday 08:00, the same point) still moves the day a person reads."""
    return dates.early_start, dates.early_finish, dates.shown_start, dates.shown_finish


def _key_milestone_ids(project: Project) -> set[str]:
    """Leaf milestones and the roadmap's headline items."""
    summaries = project.summary_ids()
    headline = set(DEFAULT_MILESTONES)
    return {t.id for t in project.tasks.values()
            if (t.is_milestone and t.id not in summaries) or t.key in headline}
