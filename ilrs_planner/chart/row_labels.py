"""Each row's label and the period an announced-to-a-year/quarter/month date may fall in."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import numpy as np

from ..domain import Precision, Task, format_fuzzy_date, period_end, period_start
from .data import ChartData


def no_spans(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) of rows with no span (or period): nan throughout."""
    return np.full(n, np.nan), np.full(n, np.nan)


def spans_of(spans: Mapping, rows: list[str], data: ChartData) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) day ordinals per row of the rows' entries in `spans` (nan where none): by entry
    for the whole chart, by row for the few rows an edit moved."""
    first, last = no_spans(len(rows))
    if len(rows) < len(spans):
        found = [(row, spans[tid]) for row, tid in enumerate(rows) if tid in spans]
    else:
        row_of = data.row_of
        found = [(row_of[tid], span) for tid, span in spans.items() if tid in row_of]
    for row, (a, b) in found:
        first[row], last[row] = a.toordinal(), b.toordinal()
    return first, last


def soft_period(task: Task, precision: Precision, start: date, finish: date,
                 milestone: bool) -> tuple[float, float]:
    """The period an announced-to-a-year/quarter/month date may fall in ('2035' = all of 2035)."""
    if precision is Precision.DAY or task.actual_start is not None:
        return np.nan, np.nan
    last = start if milestone else finish - timedelta(days=1)
    first_day = period_start(last, precision)
    return float(first_day.toordinal()), float(period_end(last, precision).toordinal() + 1)


def fuzzy_label(task: Task, precision: Precision, start: date, milestone: bool) -> str:
    if not milestone:
        return task.name
    # Precision says how well the date is known, flown or planned: Serbia signed "in May 2024"; a
    # milestone driven by a date known only to the year is shown to the year (engine/shown_precision.py).
    return f"{task.name} · {format_fuzzy_date(task.actual_start or start, precision)}"


def date_labels(labels: list[str], rows: list[int], start: np.ndarray) -> None:
    """fuzzy_label of day-exact milestones not yet flown ('name · 2030-06-15'), each distinct day
    formatted once: a plan holds thousands of milestones on a few hundred days."""
    days = start[rows].astype(np.int64).tolist()
    iso = {day: date.fromordinal(day).isoformat() for day in set(days)}
    for i, day in zip(rows, days):
        labels[i] = f"{labels[i]} · {iso[day]}"
