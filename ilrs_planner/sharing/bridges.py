"""Keeping a redacted plan's dates and floats: bridges over removed tasks, pins and late-finish bounds.

The rule: every kept leaf task keeps the full plan's start, finish, total float and free float, and
nothing in the copy says more than those dates and floats do. A partner planning on Lanyue's float
must read the days the owner has, not the months of a withheld reserve behind it.

- A bridge keeps the dependency: its lag is the gap the dates show between the predecessor's finish
  and the successor's start, less the room the predecessor's floats show (its free float, or the
  part of its total float the successor's lacks). The gap is read off the copy's dates and the
  room off its floats, so the lag tells nothing else, and with it the predecessor keeps its free
  float: the withheld work that follows at once still holds it. Both are counted as the scheduler
  counts a lag, in the successor's calendar (bridge_lags.py).
- A successor the copy's schedule would move is pinned on its original date: start no earlier
  than (must start on, where withheld work pushed it late) (`pin_drifted`); a milestone at the end
  of a day is held there by a manual start at the end of that day, which no constraint can say.
- A predecessor the copy gives more total float than the full plan (withheld work after it that
  reaches no kept task, or a visible link looser than the hidden path) is held by a late-finish
  bound on the full plan's late finish, which is its finish plus the float shown: finish no later
  than, or a deadline where it already has a constraint (`hold_late_finishes`, held_floats.py).
- Where no lag and no bound can give the free float (withheld work that follows a task at once but
  has float of its own, reaches no kept task, or runs beside a visible link joining the same two
  tasks), the copy keeps the total float and its free float reads more than the plan's.
  `floats_not_kept` names those tasks for the owner before the copy is sent.
- Where withheld work ends the plan after every kept task, the copy ends with its own last task, and
  a float that runs to the plan's end would read less: the copy must finish by the latest late finish
  of a kept task (copy_finish.py), so those floats run to the same day as in the plan.
Summaries span and float what they still contain (see redact.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple

from ..domain import Calendar, ConstraintType, PlannerError, Project, Task
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..engine.cpm import schedule
from ..engine.schedule import TaskDates
from .bridge_lags import LagRule

LAG_BOUND = 109_575  # days, 300 years: the most a plan file's link lag may be either way (store/first_tables.py)
MAX_PIN_ROUNDS = 50  # each round pins every drifted task; chains settle within a few rounds


def _removed_upstream(project: Project, removed: set[str]) -> dict[str, tuple[set[str], set[str]]]:
    """Kept task -> the kept tasks upstream of it through at least one removed task, and the removed
    tasks passed through."""
    preds: dict[str, list[str]] = {}
    for link in project.links.values():
        preds.setdefault(link.succ_id, []).append(link.pred_id)
    result: dict[str, tuple[set[str], set[str]]] = {}
    for succ in (t for t in project.tasks if t not in removed):
        stack = [p for p in preds.get(succ, []) if p in removed]
        seen = set(stack)
        found: set[str] = set()
        while stack:
            for pred in preds.get(stack.pop(), []):
                if pred in removed and pred not in seen:
                    seen.add(pred)
                    stack.append(pred)
                elif pred not in removed:
                    found.add(pred)
        if found:
            result[succ] = (found, seen)
    return result


class Bridge(NamedTuple):
    """A finish-to-start link the copy gets between two kept tasks joined only through removed ones."""

    pred: str
    succ: str
    lag: int


def bridge_links(project: Project, removed: set[str], dates: Mapping[str, TaskDates]) -> list[Bridge]:
    """A Bridge for each kept pair joined only through removed tasks (`dates`: original schedule):
    its lag the gap the dates show less the predecessor's room (see the module doc)."""
    if not removed:
        return []
    direct = {(k.pred_id, k.succ_id) for k in project.links.values()}
    # An existing link already joins a pair (a pin covers any difference).
    upstream = _removed_upstream(project, removed)
    pairs = [(pred, succ) for succ, (preds, _) in sorted(upstream.items())
             for pred in sorted(preds) if (pred, succ) not in direct and pred != succ]
    lags = LagRule(project, [dates[t] for t in {t for pair in pairs for t in pair}])
    bridges = []
    for pred, succ in pairs:
        lag = lags.largest_lag(pred, dates[pred], succ, dates[succ])
        # A lead past what a plan file holds (a successor started centuries before its
        # predecessor's finish) would stop the copy from saving; the bound and a pin do the same.
        bridges.append(Bridge(pred, succ, max(min(lag, LAG_BOUND), -LAG_BOUND)))
    return bridges


def emptied_summaries_keep_their_span(original: Project, redacted: Project,
                                      dates: Mapping[str, TaskDates]) -> None:
    """A summary whose sub-tasks were all removed becomes an ordinary task over its original span.

    Left as it was, its own (unused) duration and actual dates would apply and move it and everything
    after it; its span is the public summary's own date, not a detail of the hidden tasks.
    """
    still_summaries = redacted.summary_ids()
    for summary_id in original.summary_ids():
        if summary_id in redacted.tasks and summary_id not in still_summaries:
            task = redacted.tasks[summary_id]
            _span_as_duration(task, redacted.task_calendar(task), dates[summary_id])
            task.actual_start = task.actual_finish = None  # a summary's own actual dates were never used
            # Its sub-tasks' constraints held it; as a task of its own it starts no earlier than its
            # original start (pin_drifted makes that must-start-on where a link would push it later:
            # must-start-on itself would leave it no float) and keeps the late finish it had.
            task.constraint, task.constraint_date = ConstraintType.SNET, dates[summary_id].early_start


def _span_as_duration(task: Task, calendar: Calendar, dates: TaskDates) -> None:
    """The duration that puts the task over [start, finish): working days of its calendar, or calendar
    days (elapsed) where the span starts or ends on a day its calendar does not work (a phase whose
    last work ran over a weekend on a 7-day task), which no count of working days would reach."""
    start, finish = dates.early_start, dates.early_finish
    last = finish - timedelta(days=1)
    on_working_days = finish == start or (calendar.is_working(start) and calendar.is_working(last))
    task.elapsed = not on_working_days
    task.duration = (finish - start).days if task.elapsed else calendar.working_days(start, finish)


def pin_drifted(original: Project, redacted: Project,
                target: Mapping[str, TaskDates]) -> tuple[list[str], Mapping[str, TaskDates] | None]:
    """Pin (SNET on the original date) every kept leaf task the redacted schedule moved, or whose
    milestone moment it changed; their ids, and the copy's schedule with every pin in place (None when
    the pins did not settle), which what follows reads rather than scheduling the copy again."""
    summaries = redacted.summary_ids()
    pinned: list[str] = []
    for _ in range(MAX_PIN_ROUNDS):
        now = schedule(redacted).tasks
        drifted = [tid for tid in redacted.tasks if tid not in summaries and _moment(now[tid]) != _moment(target[tid])]
        if not drifted:
            return pinned, now
        for tid in drifted:
            task = redacted.tasks[tid]
            if target[tid].early_at_day_end:
                _hold_at_day_end(task, target[tid])
            elif task.constraint != ConstraintType.MSO:
                # Start-no-earlier-than holds back a task pulled early; one pushed late (its hidden driver
                # was a must-start-on) needs must-start-on itself.
                pushed_late = now[tid].early_start > target[tid].early_start
                pin = ConstraintType.MSO if pushed_late else ConstraintType.SNET
                task.constraint, task.constraint_date = pin, _storable(task, target[tid].early_start)
            pinned.append(tid)
    return pinned, None


def _moment(dates: TaskDates) -> tuple[date, bool]:
    """Where a task starts: its day, and for a milestone whether at that day's end (TaskDates)."""
    return dates.early_start, dates.early_at_day_end


def _hold_at_day_end(milestone: Task, dates: TaskDates) -> None:
    """A milestone the plan has at the end of a day (after work that ends that day) is held there as
    a manually scheduled one: a constraint's date is the start of its day, so a pin would show it a
    day late (the next working day's start), and only a manual start keeps the end of a day."""
    milestone.manual = True
    milestone.manual_start = _storable(milestone, dates.shown_start)
    milestone.manual_start_at_day_end = True


def _storable(task: Task, day: date) -> date:
    """The pin's date, or `redact.out_of_range` when no plan file could hold it (the copy could not be saved)."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise PlannerError("redact.out_of_range",
                           f"task '{task.key[:60]}' starts in {day.year} and waits on withheld work: the partner "
                           f"copy would pin it there, and a plan file holds dates from {MIN_YEAR} to {MAX_YEAR} only",
                           [task.id])
    return day
