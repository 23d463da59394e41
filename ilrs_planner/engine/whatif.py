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
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..domain import Calendar, ConstraintType, PlannerError, Precision, Project, Task
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays, WorkingDayCount
from ._bounds import remaining_duration
from .cpm import schedule as cpm_schedule
from .mta import DEFAULT_MILESTONES
from .schedule import Schedule, TaskDates, shown_days
from .working_variance import calendar_variance, working_variance


@dataclass(frozen=True, slots=True)
class Move:
    """One task whose dates change in the scenario (deltas in working days of the task's calendar, as
    its duration counts them, calendar days when elapsed; later = positive)."""

    task_id: str
    key: str
    name: str
    is_key_milestone: bool
    old_start: date
    new_start: date
    old_finish: date
    new_finish: date
    new_at_day_end: bool = False  # a milestone whose new point is the end of the day before it (TaskDates)
    old_at_day_end: bool = False
    old_moments: int = 0  # a summary's moments in each version (TaskDates.summary_moments)
    new_moments: int = 0
    start_delta: int = 0  # working days the start moves (engine.working_variance)
    finish_delta: int = 0
    elapsed: bool = False  # the deltas are elapsed days, written 'ed'

    @property
    def old_last_day(self) -> date:
        """The last day a person read before the scenario (TaskDates.shown_finish)."""
        return shown_days(self.old_start, self.old_finish, self.old_at_day_end, self.old_moments)[1]

    @property
    def new_last_day(self) -> date:
        """The last day a person reads in the scenario: a milestone's day, a phase's by its moments."""
        return shown_days(self.new_start, self.new_finish, self.new_at_day_end, self.new_moments)[1]


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The scenario's edit (task fields), a sentence saying it, and everything that moves."""

    task_id: str
    fields: dict[Any, Any]
    description: str
    moves: tuple[Move, ...]
    old_project_finish: date
    new_project_finish: date
    project_finish_delta: int = 0  # working days of the plan's default calendar

    def key_milestones(self) -> list[Move]:
        """The moves of milestones and headline items, largest first."""
        return sorted((m for m in self.moves if m.is_key_milestone), key=lambda m: -abs(m.finish_delta))

    def to_dict(self) -> dict[Any, Any]:
        """JSON-ready form with ISO dates."""
        return {
            "scenario": self.description, "fields": {k: _plain(v) for k, v in self.fields.items()},
            "project_finish": [self.old_project_finish.isoformat(), self.new_project_finish.isoformat()],
            "project_finish_delta_working_days": self.project_finish_delta,
            "moves": [{"key": m.key, "name": m.name, "key_milestone": m.is_key_milestone, "elapsed": m.elapsed,
                       "start_delta_working_days": m.start_delta, "finish_delta_working_days": m.finish_delta,
                       "old_finish": m.old_finish.isoformat(), "new_finish": m.new_finish.isoformat()}
                      for m in self.moves],
        }


def _plain(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else str(value) if value is not None else None


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


def _runs_from_status(task: Task, status: date | None) -> bool:
    """Under way at the status date: its remaining work (P6's rule, see cpm) runs from the status date."""
    return bool(status and task.actual_start and task.actual_start < status and task.percent_complete < 100)


def _duration_leaving(task: Task, remaining: int) -> int:
    """The duration whose remaining share at the task's % complete is `remaining` days (cpm's rounding inverted)."""
    # The longest duration whose share rounds up to `remaining`: floor, since ceil(floor(x / s) * s) == x.
    return max(remaining, 1) * 100 // (100 - task.percent_complete)


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
        if _runs_from_status(task, status):
            duration = _duration_leaving(task, remaining_duration(task.duration, task.percent_complete) + days)
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


def duration_finishing_on(project: Project, task: Task, start: date, last_day: date,
                          worked: WorkedDays | None = None) -> int:
    """The duration that puts the task's last day of work on `last_day`, as MS Project takes a finish
    typed or a bar's end dropped: its days of work from `start` (working days of its calendar, at
    least one); for a task under way, what under_way_duration gives, its remaining work running from
    the status date. PlannerError as under_way_duration refuses. `worked`: the counts made already."""
    if task.actual_start is not None:
        return under_way_duration(project, task, last_day, worked)
    return max((worked or WorkedDays(project)).between(task, start, last_day + timedelta(days=1)), 1)


def under_way_duration(project: Project, task: Task, day: date, worked: WorkedDays | None = None) -> int:
    """The duration of a task under way (it has an actual start) whose last day of work is `day`: its
    remaining work runs from the status date at its % complete when under way at the status date (so
    the days from the status date through `day` are what is left), else from its actual start. What a
    finish given, dropped or typed for such a task means; PlannerError before its actual start or,
    under way at the status date, before the status date."""
    assert task.actual_start is not None  # under way
    status = project.status_date
    if day < task.actual_start:
        raise PlannerError("task.bad_value", f"'{task.key}' started on {task.actual_start}; it cannot finish "
                           f"on {day}", [task.id])
    worked = worked or WorkedDays(project)  # the days of work the scheduler counts: its calendar, or elapsed
    if _runs_from_status(task, status):
        assert status is not None  # checked by _runs_from_status
        if day < status:
            raise PlannerError("task.bad_value", f"'{task.key}' is under way at the status date {status}; "
                               f"it cannot finish before it, on {day}", [task.id])
        return _duration_leaving(task, worked.between(task, status, day + timedelta(days=1)))
    return worked.between(task, task.actual_start, day + timedelta(days=1))


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
