"""DCMA checks 11 (missed tasks), 13 (CPLI) and 14 (BEI): progress against a baseline at the status date.

A baseline holds each task's start and exclusive finish; a task is due by the baseline when its
baseline last day of work (a milestone's day) is before the status date, the first day of work left.
A date the baseline holds to a year, quarter or month (an announcement: "2026") is due by the end of
that period, as the README reads "by 2028" — it was stored from the period's first day, and read as a
day it made a task announced for 2026 missed on 2 January 2026.
Without a baseline or a status date these checks are not applicable, and say which is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import numpy as np

from ..domain import Baseline, Precision, format_fuzzy_date, period_end
from ..domain.baseline_entry import AT_DAY_END, entry_reading
from .schedule_check_columns import NONE, PlanColumns, day
from .schedule_check_result import FAIL, NOT_APPLICABLE, PASS, CheckResult, flagged, share_result
from .schedule_check_thresholds import Thresholds
from .shown_dates import baseline_precision


def progress_checks(c: PlanColumns, t: Thresholds, baseline: Baseline | None, status: date | None,
                    fuzzy: bool = True) -> tuple[CheckResult, CheckResult, CheckResult]:
    """(11 Missed tasks, 13 CPLI, 14 BEI); `fuzzy`: some task is dated coarser than the day (plan_is_fuzzy),
    so a baseline may hold an announced period."""
    missing = "the plan has no baseline" if baseline is None else "the plan has no status date" if status is None \
        else ""
    if missing:
        return (_not_applicable("missed_tasks", 11, "Missed tasks", f"<= {t.missed_tasks:g} %", missing),
                _not_applicable("cpli", 13, "CPLI", f">= {t.cpli:g}", missing),
                _not_applicable("bei", 14, "BEI", f">= {t.bei:g}", missing))
    assert baseline is not None and status is not None  # else missing, above
    entries = baseline.entries
    start = np.fromiter((entries[i][0].toordinal() if i in entries else NONE for i in c.ids), np.int64, len(c.ids))
    finish = np.fromiter((entries[i][1].toordinal() if i in entries else NONE for i in c.ids), np.int64, len(c.ids))
    in_baseline = ~c.summary & (finish != NONE)
    # The baseline's last day of work; a milestone's day, the day before its point when at a day's end.
    last = np.where(finish > start, finish - 1, finish - _at_day_end(c, entries, in_baseline & (finish == start)))
    due_by, shown = _due_by(c, entries, in_baseline, last, fuzzy)
    due = in_baseline & (due_by < status.toordinal())
    return (_missed(c, t, due, due_by, shown), _cpli(c, t, in_baseline, finish, last, status),
            _bei(c, t, due, shown))


def _due_by(c: PlanColumns, entries: Mapping[str, tuple[date, date]], in_baseline: np.ndarray, last: np.ndarray,
            fuzzy: bool) -> tuple[np.ndarray, Callable[[int], str]]:
    """(the last day each task is due by, at the precision its baseline holds the date; its text)."""
    due_by, periods, read = last.copy(), {}, last.copy()
    if fuzzy:  # else every baseline date is a day
        for i in np.flatnonzero(in_baseline).tolist():
            entry = entries[c.ids[i]]
            precision = baseline_precision(c.tasks[i], entry)
            if precision is not Precision.DAY:
                periods[i] = precision
                due_by[i] = period_end(day(read[i]), precision).toordinal()
    return due_by, lambda i: format_fuzzy_date(day(read[i]), periods.get(i, Precision.DAY))


def _at_day_end(c: PlanColumns, entries: Mapping[str, tuple[date, date]], milestones: np.ndarray) -> np.ndarray:
    """1 for each baseline milestone whose point is the end of the day before it ("by 2035": the point
    2036-01-01 is due by 2035-12-31; one following a task finishing 01-10 is due by 01-10), else 0.
    An entry keeps its moment when taken; an older file's is read as the milestone's is now, as the
    slip report reads it (engine.slippage.version_day_ends)."""
    now = (c.early_finish == c.early_start) & (c.last_day < c.early_finish)
    ends = np.zeros(len(c.ids), np.int64)
    for i in np.flatnonzero(milestones).tolist():
        reading = entry_reading(entries[c.ids[i]])
        ends[i] = bool(reading[1] & AT_DAY_END) if reading is not None else bool(now[i])
    return ends


def _not_applicable(key: str, number: int, name: str, threshold: str, why: str) -> CheckResult:
    return CheckResult(key, number, name, threshold, NOT_APPLICABLE, note=why)


def _missed(c: PlanColumns, t: Thresholds, due: np.ndarray, due_by: np.ndarray,
            shown: Callable[[int], str]) -> CheckResult:
    """11: tasks due by the baseline not finished, or finished after their baseline finish (its period)."""
    last_done = np.where(c.milestone | (c.actual_finish == c.actual_start), c.actual_finish, c.actual_finish - 1)
    late = due & (c.actual_finish != NONE) & (last_done > due_by)
    missed = np.flatnonzero((due & ~c.done) | late).tolist()
    def value(i: int) -> str:
        return f"baseline finish {shown(i)}; " + (_finished(c, i) if c.done[i] else "not finished")

    return share_result("missed_tasks", 11, "Missed tasks", t.missed_tasks, len(missed), int(due.sum()),
                        flagged(c.tasks, missed, value), "tasks due by the baseline")


def _finished(c: PlanColumns, i: int) -> str:
    finish = int(c.actual_finish[i])
    return f"finished {day(finish if c.milestone[i] or finish == c.actual_start[i] else finish - 1)}"


def _cpli(c: PlanColumns, t: Thresholds, in_baseline: np.ndarray, finish: np.ndarray, last_days: np.ndarray,
          status: date) -> CheckResult:
    """13: (critical path length + float to the baseline finish) / critical path length, from the
    status date: (baseline finish - status date) / (forecast finish - status date), in days, over the
    tasks the baseline holds (tasks added since would move the forecast, not the baseline)."""
    name, threshold = "CPLI", f">= {t.cpli:g}"
    rows = np.flatnonzero(in_baseline)[::-1]  # of tasks finishing together, the last in the plan (a milestone)
    if not len(rows):
        return _not_applicable("cpli", 13, name, threshold, "the baseline holds none of the plan's tasks")
    s = status.toordinal()
    planned, last = int(finish[rows].max()), rows[np.argmax(c.early_finish[rows])]
    forecast = int(c.early_finish[last])
    if forecast <= s:
        return _not_applicable("cpli", 13, name, threshold, "the baseline's tasks are forecast to finish by the "
                               "status date: no critical path is left")
    index = (planned - s) / (forecast - s)
    # The last days of work as a person reads them: a milestone's stored finish is its day.
    planned_day, forecast_day = day(int(last_days[rows].max())), day(int(c.last_day[last]))
    note = f"baseline finish {planned_day}, forecast finish {forecast_day}, status date {status}"
    value = f"forecast finish {forecast_day}, baseline finish {planned_day}"
    return CheckResult("cpli", 13, name, threshold, PASS if index >= t.cpli - 1e-9 else FAIL, None, None, index, note,
                       flagged(c.tasks, [int(last)], lambda _row: value))


def _bei(c: PlanColumns, t: Thresholds, due: np.ndarray, shown: Callable[[int], str]) -> CheckResult:
    """14: tasks finished (whenever due) / tasks due by the baseline; the due ones not finished listed."""
    name, threshold, count = "BEI", f">= {t.bei:g}", int(due.sum())
    if count == 0:
        return _not_applicable("bei", 14, name, threshold, "no task is due by the baseline before the status date")
    finished = int(c.done.sum())
    index = finished / count
    behind = np.flatnonzero(due & ~c.done).tolist()
    return CheckResult("bei", 14, name, threshold, PASS if index >= t.bei - 1e-9 else FAIL, None, count, index,
                       f"{finished} tasks finished, {count} due by the baseline",
                       flagged(c.tasks, behind, lambda i: f"baseline finish {shown(i)}; not finished"))
