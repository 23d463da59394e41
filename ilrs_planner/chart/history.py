"""The roadmap as it was announced: each baseline's dates drawn as a plan of its own.

A baseline holds (start, finish) for the tasks known on its date. Summaries it does not list
span the children it does; tasks it does not know yet have no dates (nan) and draw nothing,
so every frame of the history keeps the same rows and a bar moves in place from frame to frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ..domain import Baseline, Project
from ..domain.baseline_entry import AT_DAY_END, entry_reading
from ..engine.schedule import Schedule, TaskDates
from ..engine.shown_precision import ShownPrecision
from .build import build_chart_data
from .data import SYMBOL_BITS, ChartData


@dataclass(frozen=True, slots=True)
class Moment:
    """One step of the history: a baseline (None = the current plan) and its date and name."""

    baseline: Baseline | None
    as_of: date | None
    title: str  # 'as announced 2022-11-22' / 'current plan'
    topic: str = ""  # what that announcement said, in its baseline's words


def moments(project: Project) -> list[Moment]:
    """Every baseline in date order, then the current plan: one frame each."""
    ordered = sorted(project.baselines, key=lambda b: b.as_of)
    steps = [Moment(b, b.as_of, f"as announced {b.as_of.isoformat()}", _topic(b)) for b in ordered]
    status = project.status_date
    steps.append(Moment(None, status, "current plan", f"status {status.isoformat()}" if status else ""))
    return steps


def _topic(baseline: Baseline) -> str:
    """'2022-11-22 Wu Weiren: basic structure by 2028' -> 'Wu Weiren: basic structure by 2028'."""
    first, _, rest = baseline.name.partition(" ")
    return rest if rest and first[:4].isdigit() else baseline.name


def announced_dates(project: Project, baseline: Baseline) -> dict[str, tuple[date, date]]:
    """Task id -> (start, exclusive finish) as the baseline had them; summaries it leaves out span
    their announced children. Tasks announced later are absent."""
    dates = {tid: span for tid, span in baseline.entries.items() if tid in project.tasks}
    children = project.children_map()

    def span(tid: str) -> tuple[date, date] | None:
        if tid in dates:
            return dates[tid]
        spans = [s for s in (span(kid) for kid in children.get(tid, [])) if s is not None]
        if not spans:
            return None
        dates[tid] = (min(s[0] for s in spans), max(s[1] for s in spans))
        return dates[tid]

    for root in children.get(None, []):
        span(root)
    return dates


def known_by(task_actual: date | None, as_of: date | None) -> bool:
    """Whether an actual start had happened by `as_of` (a flight in 2024 is not flown in 2021)."""
    return task_actual is not None and (as_of is None or task_actual <= as_of)


def _day_ends(schedule: Schedule | None, points: dict[str, tuple[date, date]]) -> frozenset[str]:
    """The milestones among `points` whose point is the end of a working day: as the baseline kept it
    when taken, or (an older file's entry, the point only) as it is now, as the slip report reads it
    (engine.slippage.version_day_ends): "by 2028", the point 2029-01-01 at the end of 31 December, is
    labelled 2028 and its year band drawn over 2028, not 2029."""
    def at_day_end(tid: str, entry: tuple[date, date]) -> bool:
        if (reading := entry_reading(entry)) is not None:
            return bool(reading[1] & AT_DAY_END)
        now = schedule.tasks.get(tid) if schedule is not None else None
        return now is not None and now.early_at_day_end
    return frozenset(tid for tid, entry in points.items() if at_day_end(tid, entry))


def _as_announced(project: Project, announced: Schedule | None,
                  dates: dict[str, tuple[date, date]]) -> ShownPrecision:
    """The precisions a baseline's frame is shown at: each entry's as kept when taken ("by 2035" the
    year, whatever the task is dated to today); an older file's entries, as the plan shows them."""
    shown = ShownPrecision(project, announced)
    shown.keep({tid: reading[0] for tid, entry in dates.items() if (reading := entry_reading(entry)) is not None})
    return shown


def history_chart_data(project: Project, moment: Moment, rows: list[str], schedule: Schedule | None) -> ChartData:
    """Chart arrays for `rows` as the roadmap stood at `moment`: the current plan (`schedule`) for
    the last step, else the baseline's dates, with tasks not yet announced left without a bar."""
    if moment.baseline is None:
        return build_chart_data(project, schedule, rows)
    dates = announced_dates(project, moment.baseline)
    if not dates:
        announced = None
    else:
        start, finish = min(s for s, _ in dates.values()), max(f for _, f in dates.values())
        ends = _day_ends(schedule, {tid: span for tid, span in dates.items() if span[0] == span[1]})
        announced = Schedule(start, finish, {tid: TaskDates(s, f, s, f, 0, 0, False, tid in ends)
                                             for tid, (s, f) in dates.items()})
    data = build_chart_data(project, announced, rows, shown=_as_announced(project, announced, dates))
    unknown = np.array([tid not in dates for tid in data.task_ids], bool)
    for name in ("start", "finish", "soft0", "soft1"):
        getattr(data, name)[unknown] = np.nan
    data.symbols[unknown] = 0  # no bar: nothing for the legend to explain
    data.actual[:] = [known_by(project.tasks[tid].actual_start, moment.as_of) for tid in data.task_ids]
    data.done_until = np.where(data.actual, data.finish, np.nan)  # as announced then: a bar flown or not
    data.symbols[~data.actual.astype(bool)] &= ~SYMBOL_BITS["flown"]  # not flown yet then: no hatch to explain
    if len(data.rollups):
        data.rollups.at[np.array([tid not in dates for tid in data.rollups.task_ids], bool)] = np.nan
    return data
