"""Why did a milestone move? Its driving chain in each version and the changes that moved it.

Two kinds of comparison, because two kinds of history exist:

- Two full plans (two plan files, a plan and its what-if copy): exact. Every input change between
  them (duration, actual date, constraint, link added/removed, lag or type changed, plan start) is
  replayed one at a time on a copy of the older plan, in upstream-first order, and each is credited
  with how far it moved the milestone. The credits telescope, so they sum to the slip exactly.
  When changes interact (two parallel paths both slipping) the one replayed later gets the joint
  effect; a change that cannot be scheduled on its own (it would close a loop until another one is
  made) is replayed together with the next and reported as a joint step.
- A baseline holds only dates. Then the driving chain of today's plan is walked and the slip is
  split over it: each task on the chain is credited with the change of its own span (its
  duration) and of its gap to its driver (a link, lag or constraint that changed, or a different
  driver then). This also telescopes; where the chain leaves what the baseline knew, the remainder
  is reported as unexplained, never spread out.

Every credit is counted in working days of the milestone's calendar (engine/working_variance.py), the
unit its slip is written in, so the credits add up to the slip whatever calendar each task keeps. A
task's own change is said in its own terms: its Duration as the Duration column reads it (MS Project's
Actual + Remaining Duration), never the calendar days its dates span.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..domain import PlannerError, Precision, Project
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays
from .attribution_chain import Contribution, Counter, Counting, counter, split_over_chain
from .cpm import schedule as cpm_schedule
from .driving_chain import ChainStep, driving_chain
from .plan_changes import align_task_ids, ordered_changes
from .schedule import Schedule, TaskDates, shown_days
from .shown_dates import last_day_text, plan_is_fuzzy, variance_text
from .shown_precision import ShownPrecision
from .slippage import Version, version_day_ends, version_moments, version_precision


@dataclass(slots=True)
class Attribution:
    """The explanation of one milestone's move between two versions."""

    key: str
    name: str
    before: str
    after: str
    old_date: date | None
    new_date: date | None
    exact: bool
    old_chain: list[ChainStep] = field(default_factory=list)
    new_chain: list[ChainStep] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    old_start: date | None = None  # for the last day shown to people: a task's finish is exclusive
    new_start: date | None = None
    old_precision: Precision = Precision.DAY  # how precisely each version knows the date ('2028')
    new_precision: Precision = Precision.DAY
    old_at_day_end: bool = False  # a milestone's point read as the end of the day before it (TaskDates)
    new_at_day_end: bool = False
    old_moments: int = 0  # a summary's moments in each version (TaskDates.summary_moments)
    new_moments: int = 0
    slip_days: int = 0  # working days of the milestone's calendar from the old date to the new (working_variance)
    elapsed: bool = False  # the milestone counts elapsed days: its slip is written 'ed'

    @property
    def old_shown(self) -> date | None:
        """The old date as a person reads it: a milestone's day, a task's last day of work, a phase's
        by its moments (the schedule's shown finish)."""
        return shown_days(self.old_start or self.old_date, self.old_date, self.old_at_day_end, self.old_moments)[1] \
            if self.old_date else None

    @property
    def new_shown(self) -> date | None:
        return shown_days(self.new_start or self.new_date, self.new_date, self.new_at_day_end, self.new_moments)[1] \
            if self.new_date else None

    @property
    def old_text(self) -> str:
        """The old date as shown: the last day of work, as precisely as that version knows it."""
        return last_day_text(self.old_start or self.old_date, self.old_date, self.old_precision, self.old_at_day_end,
                             self.old_moments)

    @property
    def new_text(self) -> str:
        return last_day_text(self.new_start or self.new_date, self.new_date, self.new_precision, self.new_at_day_end,
                             self.new_moments)

    @property
    def calendar_days(self) -> int:
        """The calendar days the milestone moved, which decide a move in years or months."""
        return (self.new_date - self.old_date).days if self.old_date and self.new_date else 0

    @property
    def slip_text(self) -> str:
        """The move as a planner reads it: '+7 y (2,556 d)' from '2028' to '2035', whose days the
        changes count; '+2 d' between days, working days (shown_dates.variance_text)."""
        text = variance_text(self.slip_days, self.old_shown, self.new_shown, self.old_precision, self.new_precision,
                             self.calendar_days, self.elapsed)
        unit = format_days(0, self.elapsed)[1:]
        return text if text.endswith(unit) else f"{text} ({format_days(abs(self.slip_days), self.elapsed)})"

    @property
    def unexplained_days(self) -> int:
        """The part of the slip no listed change accounts for."""
        return self.slip_days - sum(c.days for c in self.contributions)

    def to_dict(self) -> dict[Any, Any]:
        """JSON-ready form with ISO dates."""
        def chain(steps: list[ChainStep]) -> list[dict[str, Any]]:
            return [{"key": s.key, "name": s.name, "start": s.start.isoformat(), "finish": s.finish.isoformat(),
                     "precision": s.precision.value, "driver": s.driver} for s in steps]

        return {
            "milestone": self.key, "name": self.name, "before": self.before, "after": self.after,
            "old_date": _iso(self.old_date), "new_date": _iso(self.new_date),
            "slip_working_days": self.slip_days, "slip_calendar_days": self.calendar_days, "elapsed": self.elapsed,
            "old_precision": self.old_precision.value, "new_precision": self.new_precision.value,
            "exact": self.exact, "unexplained_working_days": self.unexplained_days, "notes": list(self.notes),
            "old_chain": chain(self.old_chain), "new_chain": chain(self.new_chain),
            "contributions": [{"kind": c.kind, "key": c.key, "description": c.description, "working_days": c.days,
                               "joint": c.joint} for c in self.contributions],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _milestone_date(schedule: Schedule, task_id: str) -> date:
    """A milestone's date, or a task's finish: what "the milestone moved" means."""
    return schedule.tasks[task_id].early_finish


def attribute_projects(old: Project, new: Project, key: str, before: str = "older plan",
                       after: str = "newer plan") -> Attribution:
    """Exact attribution of the move of task `key` between two full plans (tasks matched by id)."""
    new_task = new.task_by_key(key)
    old = align_task_ids(old, new)
    old_sched, new_sched = cpm_schedule(old), cpm_schedule(new)
    if new_task.id not in old.tasks:
        raise PlannerError("task.unknown", f"'{key}' is not in the older plan; nothing to compare", [key])
    old_shown, new_shown = ShownPrecision(old, old_sched), ShownPrecision(new, new_sched)
    was, now = old_sched.tasks[new_task.id], new_sched.tasks[new_task.id]
    result = Attribution(key, new_task.name, before, after, _milestone_date(old_sched, new_task.id),
                         _milestone_date(new_sched, new_task.id), exact=True,
                         old_start=was.early_start, new_start=now.early_start,
                         old_precision=old_shown.of(new_task.id), new_precision=new_shown.of(new_task.id),
                         old_at_day_end=was.early_at_day_end, new_at_day_end=now.early_at_day_end,
                         old_moments=was.summary_moments, new_moments=now.summary_moments)
    result.old_chain = _known_as(driving_chain(old, _early(old_sched), new_task.id),
                                 lambda step: old_shown.of(old.task_by_key(step.key).id),
                                 lambda step: _moments(old_sched.tasks[old.task_by_key(step.key).id]))
    result.new_chain = _known_as(driving_chain(new, _early(new_sched), new_task.id),
                                 lambda step: new_shown.of(new.task_by_key(step.key).id),
                                 lambda step: _moments(new_sched.tasks[new.task_by_key(step.key).id]))
    changes = ordered_changes(old, new, new_sched)
    if result.old_date is None:
        raise PlannerError("task.unknown", f"'{key}' has no date in the older plan; nothing to compare", [key])
    moved = counter(WorkedDays(new), new_task)
    result.slip_days, result.elapsed = moved(result.old_date, now.early_finish), new_task.elapsed
    result.contributions = _replay(old, changes, new_task.id, result.old_date, moved)
    if result.unexplained_days:  # replay reached a different date: say so rather than hide it
        result.notes.append("replaying the changes did not reproduce the newer plan exactly")
    return result


def _known_as(chain: list[ChainStep], precision_of: Callable[[ChainStep], Precision],
              moments_of: Callable[[ChainStep], tuple[bool, int]]) -> list[ChainStep]:
    """The chain with each step's dates marked as precisely as its version knows them, and each
    milestone's moment of day and summary's moments (for display)."""
    return [replace(step, precision=precision_of(step), at_day_end=moments[0], summary_moments=moments[1])
            for step in chain for moments in [moments_of(step)]]


def _moments(dates: TaskDates) -> tuple[bool, int]:
    """(a milestone at the end of a day, a summary's moments) of a schedule's row."""
    return dates.early_at_day_end, dates.summary_moments


def _early(schedule: Schedule) -> dict[Any, Any]:
    return {tid: (d.early_start, d.early_finish) for tid, d in schedule.tasks.items()}


def _replay(old: Project, changes: list[tuple[Any, ...]], task_id: str, old_date: date,
            moved: Counter) -> list[Contribution]:
    state = copy.deepcopy(old)
    previous, pending, out = old_date, [], []
    for _order, kind, key, text, apply in changes:
        apply(state)
        pending.append((kind, key, text))
        try:
            now = _milestone_date(cpm_schedule(state), task_id)
        except PlannerError:
            continue  # e.g. a loop until the next change: credit them together
        days = moved(previous, now)
        joint = len(pending) > 1
        for k, (p_kind, p_key, p_text) in enumerate(pending):
            credited = days if k == len(pending) - 1 else 0
            if credited or joint or days:
                out.append(Contribution(p_kind, p_key, p_text, credited, joint))
        previous, pending = now, []
    return [c for c in out if c.days or c.joint]


def attribute_versions(project: Project, schedule: Schedule | None, before: Version, after: Version,
                       key: str) -> Attribution:
    """Attribution when a version is only dates (a baseline): split the slip over the driving chain."""
    task = project.task_by_key(key)
    old, new = before.dates.get(task.id), after.dates.get(task.id)
    result = Attribution(key, task.name, before.label, after.label, old[1] if old else None,
                         new[1] if new else None, exact=False, old_start=old[0] if old else None,
                         new_start=new[0] if new else None)
    fuzzy = plan_is_fuzzy(project)
    result.old_precision = version_precision(before, task, old, fuzzy)
    result.new_precision = version_precision(after, task, new, fuzzy)
    result.old_at_day_end, result.new_at_day_end = version_day_ends(task.id, before, after)
    result.old_moments = result.new_moments = version_moments(task.id, before, after)
    worked, result.elapsed = WorkedDays(project), task.elapsed
    moved = counter(worked, task)
    result.notes.append("a baseline holds only dates: the changes are read off the driving chain of "
                        f"'{after.label}' (today's links), as movements of each task against its driver")
    if old is None or new is None:
        missing = before.label if old is None else after.label
        result.notes.append(f"'{key}' is not in '{missing}': nothing to compare")
        return result
    result.slip_days = moved(old[1], new[1])

    def moments_of(step: ChainStep) -> tuple[bool, int]:  # a baseline's point read as the task is now
        tid = project.task_by_key(step.key).id
        return version_day_ends(tid, before, after)[0], version_moments(tid, before, after)

    history = None if before.is_current else before.as_of  # a baseline knew no progress recorded after it
    result.old_chain = _known_as(driving_chain(project, before.dates, task.id, history_before=history),
                                 lambda step: _version_precision(project, before, step, fuzzy), moments_of)
    history = None if after.is_current else after.as_of
    result.new_chain = _known_as(driving_chain(project, after.dates, task.id, history_before=history),
                                 lambda step: _version_precision(project, after, step, fuzzy), moments_of)
    result.contributions = split_over_chain(project, result.new_chain, before, after, Counting(worked, moved, key))
    if result.unexplained_days:
        result.notes.append(f"{format_days(result.unexplained_days, signed=True)} unexplained: the chain leaves what "
                            f"'{before.label}' knew")
    return result


def _version_precision(project: Project, version: Version, step: ChainStep, fuzzy: bool) -> Precision:
    return version_precision(version, project.task_by_key(step.key), (step.start, step.finish), fuzzy)
