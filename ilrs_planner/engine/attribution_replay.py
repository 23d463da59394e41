"""Exact attribution between two full plans: every input change replayed one at a time on a copy of the
older plan, each credited with how far it moved the milestone (see engine/attribution.py)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from ..domain import PlannerError, Project
from ..domain.working_count import WorkedDays
from .attribution_chain import Contribution, Counter, counter
from .attribution_result import Attribution, known_as
from .cpm import schedule as cpm_schedule
from .driving_chain import driving_chain
from .plan_changes import align_task_ids, ordered_changes
from .schedule import Schedule, TaskDates
from .shown_precision import ShownPrecision


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
    result.old_chain = known_as(driving_chain(old, _early(old_sched), new_task.id),
                                 lambda step: old_shown.of(old.task_by_key(step.key).id),
                                 lambda step: _moments(old_sched.tasks[old.task_by_key(step.key).id]))
    result.new_chain = known_as(driving_chain(new, _early(new_sched), new_task.id),
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
