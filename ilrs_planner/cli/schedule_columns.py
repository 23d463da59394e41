"""The schedule of `schedule` as columns in WBS order, made in bulk for the table and the JSON.

At 100,000 tasks a row object and four date objects per task, or a Python call per task for each
column, cost seconds. Here the scheduler's day-ordinal columns are put in WBS order by one numpy
index, every distinct day is formatted once, and the tasks' own fields are read column by column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from ..domain import Precision, Project, Task
from ..domain.column_rows import in_order, values_of
from ..domain.dates import format_fuzzy_date
from ..domain.provenance import shown_confidences
from ..engine.schedule import (
    EARLY_AT_DAY_END,
    LATE_AT_DAY_END,
    Schedule,
    TaskTable,
    shown_finish_ordinals,
    shown_start_ordinals,
)
from ..engine.shown_confidence import ShownConfidence
from ..engine.shown_precision import ShownPrecision
from .wbs_order import wbs_rows


@dataclass(slots=True)
class ScheduleColumns:
    """Every task (summaries too) in WBS order; dates as ISO text, exclusive finishes."""

    keys: list[str]
    names: list[str]
    depths: np.ndarray
    dates: tuple[list[str], list[str], list[str], list[str]]  # early start/finish, late start/finish
    total_float: np.ndarray  # days (int64), formatted by distinct_texts
    free_float: np.ndarray
    critical: np.ndarray  # bool
    # precision, confidence, source, its date (the last three empty unless asked for)
    provenance: tuple[list[str], list[str], list[str], list[str | None]]
    summary: np.ndarray  # per row: the task is a summary (a phase)
    manual: np.ndarray  # per row: the task's manual flag (MS Project's Task Mode); a summary's is not read
    manual_starts: list[str | None]  # per row: a manual leaf task's manual start (ISO), else None
    elapsed: np.ndarray  # per row: an elapsed leaf task, whose floats count calendar days ('ed')
    # The early start and last day a person reads (ISO): a milestone's own day, a finish's last day of work;
    # with the row's precision they read as the table does ("by 2035": 2035-12-31, the year: '2035').
    shown: tuple[list[str], list[str]] = ([], [])


def schedule_columns(project: Project, schedule: Schedule, last_days: bool = False,
                     sources: bool = True) -> ScheduleColumns:
    """The schedule's columns for every task of `project`, in WBS order.

    `last_days` gives what a person reads: finishes as the last day of work (a milestone's own
    day) instead of the scheduler's exclusive finishes, which the JSON keeps, and every date at
    the precision it is known to (a task driven by a date announced as '2031' shows '2031').
    Without `sources` the confidence, source and source date columns are left empty.
    """
    plan_tasks = in_order(project.tasks)  # a plan read to be shown makes no task object (domain.column_rows)
    rows = wbs_rows(project, plan_tasks, _outline_of(schedule, project))
    places = rows.places.tolist()
    table = _ordinals_in(schedule, project, rows.places)
    ordinals = table[:4]
    early_end, late_end = table[7] & EARLY_AT_DAY_END, table[7] & LATE_AT_DAY_END
    shown = np.stack([shown_start_ordinals(ordinals[0], ordinals[1], early_end, table[7]),
                      shown_finish_ordinals(ordinals[0], ordinals[1], early_end, table[7])])
    if last_days:
        ordinals = np.stack([*shown, shown_start_ordinals(ordinals[2], ordinals[3], late_end, table[7]),
                             shown_finish_ordinals(ordinals[2], ordinals[3], late_end, table[7])])
    dates = iso_columns(ordinals)
    provenance = _provenance(project, schedule, plan_tasks, places, sources)
    if last_days:
        _at_shown_precision(dates, ordinals, provenance[0])
    return ScheduleColumns(_in_rows(plan_tasks, "key", places), _in_rows(plan_tasks, "name", places), rows.depths,
                           tuple(dates), table[4], table[5], table[6].astype(bool),  # type: ignore[arg-type]
                           provenance, rows.summary, manual := _manual(plan_tasks, places),
                           _manual_starts(plan_tasks, places, manual & ~rows.summary.astype(bool)),
                           _elapsed(plan_tasks, places, rows.summary.astype(bool)),
                           tuple(dates[:2] if last_days else iso_columns(shown)))  # type: ignore[arg-type]


def _elapsed(tasks: Sequence[Task], places: list[int], summary: np.ndarray) -> np.ndarray:
    """Per row: an elapsed task that is no summary (a summary's float is its sub-tasks' least)."""
    flags = _in_rows(tasks, "elapsed", places)
    if not any(flags):
        return np.zeros(len(places), dtype=bool)
    return np.fromiter(map(bool, flags), dtype=bool, count=len(places)) & ~summary


def _manual(tasks: Sequence[Task], places: list[int]) -> np.ndarray:
    """Per row: the task's manual flag (the rows give a summary no mode: schedule_rows)."""
    flags = _in_rows(tasks, "manual", places)
    if not any(flags):
        return np.zeros(len(places), dtype=bool)
    return np.fromiter(map(bool, flags), dtype=bool, count=len(places))


def _manual_starts(tasks: Sequence[Task], places: list[int], manual: np.ndarray) -> list[str | None]:
    """Per row: the manual start of a manual leaf task as ISO text, else None (read only when one is manual)."""
    if not manual.any():
        return [None] * len(places)
    starts = _in_rows(tasks, "manual_start", places)
    return [day.isoformat() if kept and day is not None else None for day, kept in zip(starts, manual.tolist())]


def _in_rows(tasks: Sequence[Task], field: str, places: list[int]) -> list[Any]:
    """`field` of the tasks at `places` (rows of the table), read as a column."""
    return list(map(values_of(tasks, field).__getitem__, places))


def _ordinals_in(schedule: Schedule, project: Project, places: np.ndarray) -> np.ndarray:
    """(ES, EF, LS, LF, TF, FF, critical, day ends) of the tasks at `places` of the plan, one row each.

    Straight from the scheduler's table, which holds the plan's tasks in the plan's order; from
    rows for any other mapping of task id to dates.
    """
    table = schedule.tasks
    ids = list(project.tasks)
    if isinstance(table, TaskTable):
        at = places if list(table) == ids else table.positions(ids)[places]
        if (at < 0).any():
            raise KeyError(ids[int(places[np.flatnonzero(at < 0)[0]])])
        return table.arrays()[:, at]
    found = [table[ids[place]] for place in places.tolist()]
    return np.array([(r.early_start.toordinal(), r.early_finish.toordinal(), r.late_start.toordinal(),
                      r.late_finish.toordinal(), r.total_float, r.free_float, r.critical,
                      EARLY_AT_DAY_END * r.early_at_day_end | LATE_AT_DAY_END * r.late_at_day_end |
                      r.summary_moments) for r in found],
                    dtype=np.int64).reshape(len(found), 8).T


def _outline_of(schedule: Schedule, project: Project) -> np.ndarray | None:
    """The schedule's outline (parents as places) when its tasks are the plan's, in the plan's order."""
    table = schedule.tasks
    same_tasks = isinstance(table, TaskTable) and list(table) == list(project.tasks)
    return schedule.outline if same_tasks else None


def iso_columns(ordinals: np.ndarray) -> list[list[str]]:
    """Day ordinals (rows of columns) as ISO text, each distinct day formatted once."""
    result: list[list[str]] = distinct_texts(ordinals, _iso).tolist()
    return result


def distinct_texts(values: np.ndarray, form: Callable[[list[int]], list[str]]) -> np.ndarray:
    """Whole numbers as the texts `form` gives them (an object array of `values`' shape), each
    distinct value formatted once (a plan reuses a few thousand dates and floats): through a slot
    per value of their span, or by sorting when that is wide."""
    if not values.size:
        return np.empty(values.shape, dtype=object)
    first = int(values.min())
    span = int(values.max()) - first + 1
    texts, offsets = _by_span(values, first, span, form) if span <= 4 * values.size else _by_sorting(values, form)
    found: np.ndarray = texts[offsets]
    return found


def _by_span(values: np.ndarray, first: int, span: int,
             form: Callable[[list[int]], list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(text per value of the span, each value's place in the span); only values that occur are formatted."""
    offsets = values - first
    present = np.zeros(span, dtype=bool)
    present[offsets] = True
    occurring = np.flatnonzero(present)
    texts = np.empty(span, dtype=object)
    texts[occurring] = form((occurring + first).tolist())
    return texts, offsets


def _by_sorting(values: np.ndarray, form: Callable[[list[int]], list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(text per distinct value, each value's place among them)."""
    distinct, where = np.unique(values, return_inverse=True)
    texts = np.empty(distinct.size, dtype=object)
    texts[:] = form(distinct.tolist())
    return texts, where.reshape(values.shape)


def _iso(days: list[int]) -> list[str]:
    return [date.fromordinal(day).isoformat() for day in days]


def _at_shown_precision(dates: list[list[str]], ordinals: np.ndarray, precision: list[str]) -> None:
    """Dates of the tasks known less precisely than to the day rewritten as '2031', 'Q3 2029', '2029-06'."""
    if precision.count(Precision.DAY.value) == len(precision):
        return
    columns = ordinals.tolist()
    for row, shown in enumerate(precision):
        if shown != Precision.DAY.value:
            for column, days in zip(dates, columns):
                column[row] = format_fuzzy_date(date.fromordinal(days[row]), Precision(shown))


def _provenance(project: Project, schedule: Schedule, tasks: Sequence[Task], places: list[int],
                sources: bool) -> tuple[list[str], list[str], list[str], list[str | None]]:
    """(precision, confidence, source, source date) of the tasks at `places`, as text; only the
    precision without `sources`."""
    shown = ShownPrecision(project, schedule, at_once=True)  # every row is asked: one walk for all
    # Only where a coarser date drives does a task's shown precision differ from its own (ShownPrecision's doc).
    precision = map(shown.of, _in_rows(tasks, "id", places)) if shown.coarse else _in_rows(tasks, "precision", places)
    shown_precision = list(map(_VALUE.__getitem__, precision))
    if not sources:
        return shown_precision, [], [], []
    source_dates = _in_rows(tasks, "source_date", places)
    iso = {day: day.isoformat() for day in set(source_dates) if day is not None}
    urls = _in_rows(tasks, "source_url", places)
    confidences = shown_confidences(urls, _in_rows(tasks, "confidence", places))
    pushed = ShownConfidence(project, schedule).changed()  # pushed past their announcements: not announced
    if pushed:
        confidences = [pushed.get(tid, label) for tid, label in zip(_in_rows(tasks, "id", places), confidences)]
    return shown_precision, confidences, urls, list(map(iso.get, source_dates))


_VALUE = {member: member.value for member in Precision}
