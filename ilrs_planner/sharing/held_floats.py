"""A partner copy's floats: late-finish bounds where the copy would show more float than the full plan.

Withheld work after a kept task holds its late finish in the full plan; without it the copy would
read months of float where the owner has days (the rule is in bridges.py). The bound is the full
plan's late finish, which is the task's finish plus the float the copy shows anyway, so it tells
the partner nothing the float column does not.
A late finish a plan file cannot hold (withheld work after the task has a deadline of 1900-01-01:
the task's late finish is in 1882) is not held: no copy could be written with it, and a bound on
the nearest date a file holds would show a float the plan does not have. Such a task reads more
float in the copy, and the owner is told (`floats_notice`), as for any float the copy does not keep.
A late finish before the plan's start that a file holds is held as any other: the task's float is
negative in the plan, and the copy shows it so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ..domain import ConstraintType, Project, Task
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..domain.durations import format_days
from ..engine.cpm import schedule
from ..engine.schedule import TaskDates

MAX_ROUNDS = 50  # each round bounds the loose tasks nearest the end; chains settle within a few rounds


def hold_late_finishes(redacted: Project, target: Mapping[str, TaskDates],
                       now: Mapping[str, TaskDates] | None = None) -> list[str]:
    """Bound every kept leaf task whose total float the copy makes larger than `target`'s; their ids.
    `now`: the copy's schedule as it stands, when the caller has it (each schedule of a large plan
    costs seconds)."""
    held: list[str] = []
    unheld: set[str] = set()  # late finishes no copy can show (see the module doc): left loose
    after = _successors(redacted)  # bounds add no links: the same every round
    for _ in range(MAX_ROUNDS):
        loose = _loose(redacted, target, now) - unheld
        now = None  # the bounds below change the copy: the next round schedules it again
        if not loose:
            return held
        # Only those with no loose successor this round: a bound near the end often tightens what
        # leads to it, and every bound not needed would be one more constraint in the copy.
        for tid in [t for t in loose if not after.get(t, set()) & loose] or sorted(loose):
            if _bound_finish(redacted.tasks[tid], target[tid]):
                held.append(tid)
            else:
                unheld.add(tid)
    return held


def floats_not_kept(redacted: Project, target: Mapping[str, TaskDates],
                    now: Mapping[str, TaskDates] | None = None) -> list[str]:
    """Kept leaf tasks whose total or free float in the copy (as `now` schedules it, when given)
    differs from `target`'s (the full plan)."""
    now = schedule(redacted).tasks if now is None else now
    summaries = redacted.summary_ids()
    return [tid for tid in redacted.tasks if tid not in summaries
            and (now[tid].total_float, now[tid].free_float) != (target[tid].total_float, target[tid].free_float)]


def floats_notice(original: Project, redacted: Project, shown: int = 3,
                  target: Mapping[str, TaskDates] | None = None) -> str:
    """'' when the copy keeps every kept task's floats, else a sentence for the owner naming them (two,
    where withheld work also ends the plan after the copy's last task).

    Only the owner reads it (before sending): it names kept tasks and the plan's own floats.
    `target` is the original's schedule when the caller has it (redact_project's `dates`): each
    schedule of a large plan costs seconds.
    """
    if len(redacted.tasks) == len(original.tasks):
        return ""  # nothing withheld: the copy schedules as the plan does
    target = schedule(original).tasks if target is None else target
    now = schedule(redacted).tasks
    differ = floats_not_kept(redacted, target, now)
    # Less total float only where the copy's late dates end before its tasks' do in the plan: withheld
    # work finishes the plan and the copy has no Must finish by that reaches them (see copy_finish).
    ends_first = _late_end(now, redacted.tasks) < _late_end(target, redacted.tasks)
    shorter = [t for t in differ if ends_first and now[t].total_float < target[t].total_float]
    after = [t for t in differ if t not in shorter]  # a few tasks: the notice names them
    sentences = []
    if after:
        sentences.append(f"Floats differ in the copy for {_tasks(after)} with withheld work after them: "
                         f"{_named(redacted, after, now, target, shown)}")
    if shorter:
        verb = "reads" if len(shorter) == 1 else "read"
        sentences.append(f"Withheld work ends this plan after the copy's last task, so {_tasks(shorter)} {verb} "
                         f"less total float in the copy: {_named(redacted, shorter, now, target, shown)}")
    return ". ".join(sentences)


def _late_end(dates: Mapping[str, TaskDates], ids: Iterable[str]) -> date:
    """The last late finish of the tasks `ids` that `dates` schedules (in the plan or in the copy)."""
    return max((dates[t].late_finish for t in ids if t in dates), default=date.min)


def _tasks(ids: list[str]) -> str:
    return "1 task" if len(ids) == 1 else f"{len(ids)} tasks"


def _named(redacted: Project, ids: list[str], now: Mapping[str, TaskDates], target: Mapping[str, TaskDates],
           shown: int) -> str:
    """'Pad survey (in the copy total 5 d, free 5 d; in this plan total 5 d, free 0 d)' for the first
    `shown`, then 'and 4 more'."""
    named = [f"{redacted.tasks[t].name} (in the copy {_pair(now[t], redacted.tasks[t].elapsed)}; "
             f"in this plan {_pair(target[t], redacted.tasks[t].elapsed)})" for t in ids[:shown]]
    return "; ".join(named) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def _pair(dates: TaskDates, elapsed: bool) -> str:
    """'total 488 d, free 0 d'; an elapsed task's in calendar days, as the task table writes them ('12 ed')."""
    return f"total {format_days(dates.total_float, elapsed)}, free {format_days(dates.free_float, elapsed)}"


def _loose(redacted: Project, target: Mapping[str, TaskDates], now: Mapping[str, TaskDates] | None) -> set[str]:
    now = schedule(redacted).tasks if now is None else now
    summaries = redacted.summary_ids()
    return {tid for tid in redacted.tasks if tid not in summaries and now[tid].total_float > target[tid].total_float}


def _successors(project: Project) -> dict[str, set[str]]:
    after: dict[str, set[str]] = {}
    for link in project.links.values():
        after.setdefault(link.pred_id, set()).add(link.succ_id)
    return after


def _bound_finish(task: Task, dates: TaskDates) -> bool:
    """Finish no later than the late finish; a task that has a constraint of its own takes a deadline.
    False, and the task left as it is, when the bound is a date no plan file holds."""
    if task.constraint in (ConstraintType.ASAP, ConstraintType.FNLT):
        fnlt = dates.late_finish  # compared with the exclusive finish, as MS Project's finish-type dates
        if task.constraint == ConstraintType.FNLT and task.constraint_date is not None:
            fnlt = min(fnlt, task.constraint_date)
        if not _held(fnlt):
            return False
        task.constraint, task.constraint_date = ConstraintType.FNLT, fnlt
    else:
        deadline = _earlier(task.deadline, _deadline_day(dates))
        if not _held(deadline):
            return False
        task.deadline = deadline
    return True


def _held(day: date) -> bool:
    """Can a copy hold a bound on `day`? Only within the years a plan file holds."""
    return MIN_YEAR <= day.year <= MAX_YEAR


def _deadline_day(dates: TaskDates) -> date:
    """A deadline is the end of its day: the last day of work, a milestone's own day. A milestone that
    stands at the start of a day may stand at the end of one only by a deadline on the next day's start
    (engine._bounds: the end of a day is for milestones after work ending that day), the same moment."""
    milestone = dates.early_start == dates.early_finish and not dates.summary_moments
    if milestone and dates.late_at_day_end and not dates.early_at_day_end:
        return dates.late_finish  # the point: the start of the day after the one it reads
    return dates.shown_late_finish


def _earlier(day: date | None, other: date) -> date:
    return other if day is None else min(day, other)

