"""Keeping a redacted plan's dates: bridge links over removed tasks, pins where no bridge can reach.

A bridge keeps the dependency, not the time between: its lag is 0 (or the lead the original
dates show, when the successor started before the predecessor finished). A lag equal to the gap
would be the hidden work's duration to anyone who reads links; the successor is held on its
original date by a start-no-earlier-than pin instead (`pin_drifted`), which shows only the date
the partner sees anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..domain import ConstraintType, PlannerError, Project, Task
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..engine.cpm import schedule
from ..engine.schedule import TaskDates

LAG_BOUND = 109_575  # days, 300 years: the most a plan file's link lag may be either way (store/schema.py)
MAX_PIN_ROUNDS = 50  # each round pins every drifted task; chains settle within a few rounds


def _removed_upstream(project: Project, removed: set[str]) -> dict[str, set[str]]:
    """Kept task -> kept tasks upstream of it through at least one removed task."""
    preds: dict[str, list[str]] = {}
    for link in project.links.values():
        preds.setdefault(link.succ_id, []).append(link.pred_id)
    result: dict[str, set[str]] = {}
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
            result[succ] = found
    return result


def bridge_links(project: Project, removed: set[str], dates: Mapping[str, TaskDates]) -> list[tuple[str, str, int]]:
    """(pred, succ, FS lag ≤ 0) for each kept pair joined only through removed tasks (`dates`: original
    schedule)."""
    if not removed:
        return []
    direct = {(k.pred_id, k.succ_id) for k in project.links.values()}
    bridges = []
    for succ, preds in sorted(_removed_upstream(project, removed).items()):
        for pred in sorted(preds):
            if (pred, succ) in direct or pred == succ:
                continue  # an existing link already joins them; a pin covers any difference
            gap = (dates[succ].early_start - dates[pred].early_finish).days
            # A lead past what a plan file holds (a successor started centuries before its
            # predecessor's finish) would stop the copy from saving; the bound and a pin do the same.
            bridges.append((pred, succ, max(min(gap, 0), -LAG_BOUND)))
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
            task.duration = (dates[summary_id].early_finish - dates[summary_id].early_start).days
            task.actual_start = task.actual_finish = None  # a summary's own actual dates were never used
            # Its sub-tasks' constraints held it (a must-start-on milestone under it outweighs a link into
            # it); as a task of its own it must start on its original start, or a link would move it.
            task.constraint, task.constraint_date = ConstraintType.MSO, dates[summary_id].early_start


def pin_drifted(original: Project, redacted: Project, target: Mapping[str, TaskDates]) -> list[str]:
    """Pin (SNET on the original date) every kept leaf task the redacted schedule moved; their ids."""
    summaries = redacted.summary_ids()
    pinned: list[str] = []
    for _ in range(MAX_PIN_ROUNDS):
        now = schedule(redacted).tasks
        drifted = [tid for tid in redacted.tasks
                   if tid not in summaries and now[tid].early_start != target[tid].early_start]
        if not drifted:
            return pinned
        for tid in drifted:
            task = redacted.tasks[tid]
            # Start-no-earlier-than holds back a task pulled early; one pushed late (its hidden driver
            # was a must-start-on) needs must-start-on itself.
            pushed_late = now[tid].early_start > target[tid].early_start
            if task.constraint != ConstraintType.MSO:
                pin = ConstraintType.MSO if pushed_late else ConstraintType.SNET
                task.constraint, task.constraint_date = pin, _storable(task, target[tid].early_start)
            pinned.append(tid)
    return pinned


def _storable(task: Task, day: date) -> date:
    """The pin's date, or `redact.out_of_range` when no plan file could hold it (the copy could not be saved)."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise PlannerError("redact.out_of_range",
                           f"task '{task.key[:60]}' starts in {day.year} and waits on withheld work: the partner "
                           f"copy would pin it there, and a plan file holds dates from {MIN_YEAR} to {MAX_YEAR} only",
                           [task.id])
    return day
