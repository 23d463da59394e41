"""DCMA checks 1-9 over the plan's columns: logic, leads, lags, relationship types, hard constraints,
high float, negative float, high duration and invalid dates; and the two unscored lists.

A task's logic is its own links: a link drawn to a summary binds the summary's tasks when scheduled,
but DCMA counts it apart (the "Summary links" list), as a summary's tasks can lose their own logic
behind it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import numpy as np

from ..domain import ConstraintType, Task
from ..domain.durations import format_days
from .schedule_check_columns import FF, FS, SS, TYPE_NAMES, PlanColumns, day
from .schedule_check_result import INFO, NOT_APPLICABLE, CheckResult, FlaggedTasks, count_result, flagged, share_result
from .schedule_check_thresholds import Thresholds


def logic_checks(c: PlanColumns, t: Thresholds) -> tuple[CheckResult, ...]:
    """1 Logic, 2 Leads, 3 Lags, 4 Relationship types."""
    n = len(c.ids)
    no_pred, no_succ = _plan_ends_excepted(c, np.bincount(c.succ, minlength=n) == 0,
                                           np.bincount(c.pred, minlength=n) == 0)
    rows = np.flatnonzero(no_pred | no_succ)
    words = {(True, False): "no predecessor", (False, True): "no successor",
             (True, True): "no predecessor or successor"}
    logic = share_result("logic", 1, "Logic", t.logic, len(rows), int(c.eligible.sum()),
                         flagged(c.tasks, rows.tolist(), lambda i: words[bool(no_pred[i]), bool(no_succ[i])]))
    links = np.flatnonzero(~c.done[c.succ])  # links still binding work: the successor is not finished
    leads, lags, other = (links[c.lag[links] < 0], links[c.lag[links] > 0], links[c.code[links] != FS])
    of = "links to incomplete tasks"
    return (logic,
            count_result("leads", 2, "Leads", t.leads, len(leads), len(links), _link_flags(c, leads), of),
            share_result("lags", 3, "Lags", t.lags, len(lags), len(links), _link_flags(c, lags), of),
            _types(c, t, other, len(links)))


def _types(c: PlanColumns, t: Thresholds, other: np.ndarray, eligible: int) -> CheckResult:
    """4: DCMA asks at least 90 % finish-to-start; the failing share is that of the other types."""
    result = share_result("relationship_types", 4, "Relationship types", 100 - t.relationship_types, len(other),
                          eligible, _link_flags(c, other), "links to incomplete tasks")
    return dataclasses.replace(result, threshold=f">= {t.relationship_types:g} % FS")


def _link_flags(c: PlanColumns, links: np.ndarray) -> FlaggedTasks:
    """Each link named by its successor, with its type, lag and predecessor: 'FS-5 d from change-7'."""
    def value(k: int) -> str:
        return f"{TYPE_NAMES[c.code[k]]}{_lag(c, k)} from {c.tasks[c.pred[k]].key}"

    return flagged(c.tasks, c.succ[links].tolist(), value, links.tolist())


def _lag(c: PlanColumns, k: int) -> str:
    return format_days(int(c.lag[k]), bool(c.lag_elapsed[k]), signed=True) if c.lag[k] else ""


def _plan_ends_excepted(c: PlanColumns, no_pred: np.ndarray, no_succ: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The incomplete tasks without a predecessor (successor), but for the plan's first (last) task:
    the earliest-starting task without one, and the latest-finishing task without one."""
    no_pred, no_succ = c.eligible & no_pred, c.eligible & no_succ
    starts = np.flatnonzero(no_pred)
    if len(starts):
        no_pred[starts[np.argmin(c.first_day[starts])]] = False
    finishes = np.flatnonzero(no_succ)[::-1]  # the last in the plan's order among equal finishes
    if len(finishes):
        no_succ[finishes[np.argmax(c.early_finish[finishes])]] = False
    return no_pred, no_succ


def task_checks(c: PlanColumns, t: Thresholds, status: date | None) -> tuple[CheckResult, ...]:
    """5 Hard constraints, 6 High float, 7 Negative float, 8 High duration, 9 Invalid dates."""
    eligible, count = c.eligible, int(c.eligible.sum())
    hard = np.flatnonzero(eligible & c.hard).tolist()
    high = np.flatnonzero(eligible & (c.total_float > t.high_float_days)).tolist()
    negative = np.flatnonzero(eligible & (c.total_float < 0)).tolist()
    timed = eligible & ~c.milestone
    long = np.flatnonzero(timed & (c.working_duration > t.high_duration_days)).tolist()
    tasks, floats = c.tasks, c.shown_float  # listed as the table shows them: an elapsed task's in 'ed'
    float_text = lambda i: format_days(int(floats[i]), tasks[i].elapsed)  # noqa: E731
    return (
        share_result("hard_constraints", 5, "Hard constraints", t.hard_constraints, len(hard), count,
                     flagged(tasks, hard, lambda i: _constraint(tasks[i]))),
        _over(share_result("high_float", 6, "High float", t.high_float, len(high), count,
                           flagged(tasks, high, float_text)), t.high_float_days),
        count_result("negative_float", 7, "Negative float", t.negative_float, len(negative), count,
                     flagged(tasks, negative, float_text)),
        _over(share_result("high_duration", 8, "High duration", t.high_duration, len(long), int(timed.sum()),
                           flagged(tasks, long, lambda i: format_days(tasks[i].duration, tasks[i].elapsed)),
                           "incomplete tasks with a duration"), t.high_duration_days),
        _invalid_dates(c, t, status))


def _over(result: CheckResult, days: int) -> CheckResult:
    """The threshold with the days it counts from: '<= 5 % over 44 d'."""
    return dataclasses.replace(result, threshold=f"{result.threshold} over {format_days(days)}")


def _constraint(task: Task) -> str:
    """'MFO 2030-06-30': a finish constraint's date as the last day of work (it is stored exclusive)."""
    day_shown = task.constraint_date
    if day_shown and task.constraint in (ConstraintType.MFO, ConstraintType.FNLT) and task.duration:
        day_shown -= timedelta(days=1)
    return f"{task.constraint} {day_shown}"


def _invalid_dates(c: PlanColumns, t: Thresholds, status: date | None) -> CheckResult:
    """9: a forecast before the status date (the first day of work left), or an actual date after it
    (the last day of work recorded, as Update progress refuses one)."""
    if status is None:
        return CheckResult("invalid_dates", 9, "Invalid dates", str(t.invalid_dates), NOT_APPLICABLE,
                           note="the plan has no status date")
    s, leaf = status.toordinal(), ~c.summary
    unstarted = (c.actual_start < 0) & (c.actual_finish < 0)
    finish_last = np.where(c.milestone | (c.actual_finish == c.actual_start), c.actual_finish, c.actual_finish - 1)
    problems = (("forecast start {} before the status date", leaf & unstarted & (c.first_day < s), c.first_day),
                ("forecast finish {} before the status date", leaf & ~c.done & (c.last_day < s), c.last_day),
                ("actual start {} after the status date", leaf & (c.actual_start > s), c.actual_start),
                ("actual finish {} after the status date", leaf & (c.actual_finish >= 0) & (finish_last > s),
                 finish_last))
    found: dict[int, list[str]] = {}
    for text, mask, days in problems:
        for i in np.flatnonzero(mask).tolist():
            found.setdefault(i, []).append(text.format(day(days[i])))
    rows = sorted(found)
    return count_result("invalid_dates", 9, "Invalid dates", t.invalid_dates, len(rows), int(leaf.sum()),
                        flagged(c.tasks, rows, lambda i: "; ".join(found[i])), "tasks")


def open_ends(c: PlanColumns) -> CheckResult:
    """Incomplete tasks whose start no link ties (no FS or SS predecessor) or whose finish ties
    nothing (no FS or FF successor): their dates float free of the plan, their float runs to its
    finish. The plan's first start and last finish are excepted, as in Logic."""
    n = len(c.ids)
    start_tied = np.bincount(c.succ[(c.code == FS) | (c.code == SS)], minlength=n) > 0
    finish_tied = np.bincount(c.pred[(c.code == FS) | (c.code == FF)], minlength=n) > 0
    open_start, open_finish = _plan_ends_excepted(c, ~start_tied, ~finish_tied)
    has_pred, has_succ = np.bincount(c.succ, minlength=n) > 0, np.bincount(c.pred, minlength=n) > 0
    rows = np.flatnonzero(open_start | open_finish).tolist()

    def value(i: int) -> str:
        start = ("start open: " + ("only FF/SF predecessors" if has_pred[i] else "no predecessor")) \
            if open_start[i] else ""
        finish = ("finish open: " + ("only SS/SF successors" if has_succ[i] else "no successor")) \
            if open_finish[i] else ""
        return "; ".join(filter(None, (start, finish)))

    eligible = int(c.eligible.sum())
    return CheckResult("open_ends", None, "Open ends", "-", INFO, len(rows), eligible,
                       len(rows) / eligible if eligible else None, f"{len(rows)} of {eligible} incomplete tasks",
                       flagged(c.tasks, rows, value))


def summary_links(c: PlanColumns) -> CheckResult:
    """Links drawn to or from a summary, each named by the summary it touches."""
    links = np.flatnonzero(c.summary[c.pred] | c.summary[c.succ])
    ends = np.where(c.summary[c.pred[links]], c.pred[links], c.succ[links]).tolist()

    def value(k: int) -> str:
        other = f"to {c.tasks[c.succ[k]].key}" if c.summary[c.pred[k]] else f"from {c.tasks[c.pred[k]].key}"
        return f"{TYPE_NAMES[c.code[k]]}{_lag(c, k)} {other}"

    return CheckResult("summary_links", None, "Summary links", "-", INFO, len(links), len(c.link_ids),
                       len(links) / len(c.link_ids) if c.link_ids else None, f"{len(links)} of {len(c.link_ids)} links",
                       flagged(c.tasks, ends, value, links.tolist()))
