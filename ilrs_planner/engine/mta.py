"""Milestone trend analysis (MTA): how each milestone's forecast moved from report to report.

Each baseline is a report ("as of" its date); the current plan is the report of its status date.
A milestone's forecast in a report is its date there; for a task with a duration it is its last day
(the finish is exclusive), so "Luna-26 in 2028" reads 2028 and not 2029-01-01; a phase's is the day
the schedule shows (one ending on a milestone at the start of a Monday: that Monday). Rising lines are
slipping milestones; a line meeting the diagonal (forecast = report date) is a milestone reached.
Both axes are the same time axis, so the chart is drawn with one scale and the diagonal runs at 45°.
Reports of one day (a baseline captured today and the current plan of a plan without a status date,
reported as of today) stay reports of their own: each point knows how many reports of its day come
before it (`same_day`), so the chart sets them side by side instead of one on the other, and the
current plan's report says when its date stands in for a status date the plan lacks.
A move in days counts working days of the milestone's calendar, as the slip report does
(engine/working_variance.py); years and months are calendar measures ('+1 y' from '2028' to '2029').
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..domain import PlannerError, Precision, Project, Task, format_fuzzy_date
from ..domain.working_count import WorkedDays
from .schedule import Schedule
from .shown_dates import baseline_days, baseline_precision, plan_is_fuzzy, variance_text
from .shown_precision import ShownPrecision, coarser
from .working_variance import working_variance

# The ILRS roadmap's headline items: basic and extended station, Chang'e 7 and 8, Luna-26/27,
# the crewed landing and the lunar power plant (keys of ilrs_planner/data/roadmap.toml).
DEFAULT_MILESTONES = ("ilrs-basic", "ilrs-extended", "change-7", "change-8", "luna-26", "luna-27",
                      "crewed-landing", "lunar-power-plant")
MAX_FALLBACK = 8


@dataclass(frozen=True, slots=True)
class Report:
    """One report date on the x axis: a baseline, or the current plan."""

    label: str
    as_of: date
    is_current: bool = False
    status_set: bool = True  # False: the current plan's date is today's, the plan having no status date


@dataclass(frozen=True, slots=True)
class TrendLine:
    """One milestone: its forecast at each report that knew it (report date, forecast date)."""

    task_id: str
    key: str
    name: str
    points: tuple[tuple[date, date], ...]
    precision: Precision = Precision.DAY  # how precisely the milestone is announced now
    # How precisely each point's forecast is known: a baseline's as stored ('2028' from "by 2028"), the
    # current plan's as shown (driven by a date known to the year: that year); empty = `precision`.
    precisions: tuple[Precision, ...] = ()
    # Working days of the milestone's calendar from the first forecast to each (working_variance, which
    # adds up); empty = calendar days. `elapsed`: the milestone counts elapsed days, written 'ed'.
    worked: tuple[int, ...] = ()
    elapsed: bool = False
    # Per point: how many reports of the same date come before its report (0 for a day's first report).
    same_day: tuple[int, ...] = ()

    def _worked(self, index: int) -> int:
        """Working days from the first forecast to forecast `index`."""
        return self.worked[index] if self.worked else (self.points[index][1] - self.points[0][1]).days

    @property
    def total_slip_days(self) -> int:
        """Last forecast minus first forecast in working days of the milestone's calendar (positive = slipped)."""
        return self._worked(-1) if self.points else 0

    @property
    def total_calendar_days(self) -> int:
        """Last forecast minus first forecast in calendar days."""
        return (self.points[-1][1] - self.points[0][1]).days if self.points else 0

    @property
    def total_slip_text(self) -> str:
        """The total slip at the forecasts' precision: '+7 y' from '2028' to '2035', else working days."""
        if not self.points:
            return ""
        return variance_text(self.total_slip_days, self.points[0][1], self.points[-1][1], self.point_precision(0),
                             self.point_precision(-1), self.total_calendar_days, self.elapsed)

    def point_precision(self, index: int) -> Precision:
        """How precisely the report of point `index` knew its forecast."""
        return self.precisions[index] if self.precisions else self.precision

    def point_text(self, index: int) -> str:
        """The forecast of point `index` (-1: the latest) as precisely as that report knew it."""
        return format_fuzzy_date(self.points[index][1], self.point_precision(index))

    def moves(self) -> list[Move]:
        """Every report whose forecast falls outside the period the report before it gave: the first and
        last forecast alone hide a slip undone later ('2029' in 2020, '2028' in 2023, '2029' again in 2025)."""
        found = []
        for n in range(1, len(self.points)):
            was, now = self.point_text(n - 1), self.point_text(n)
            # Read both at the coarser precision: '2026' made '2026-12' (or 'Q3 2026' made '2026-07') is
            # known better, not moved.
            both = coarser(self.point_precision(n - 1), self.point_precision(n))
            if format_fuzzy_date(self.points[n - 1][1], both) != format_fuzzy_date(self.points[n][1], both):
                days = self._worked(n) - self._worked(n - 1)
                shift = variance_text(days, self.points[n - 1][1], self.points[n][1], self.point_precision(n - 1),
                                      self.point_precision(n), (self.points[n][1] - self.points[n - 1][1]).days,
                                      self.elapsed)
                found.append(Move(self.points[n][0], was, now, days, shift))
        return found


@dataclass(frozen=True, slots=True)
class Move:
    """A forecast that changed from one report to the next: at report `as_of`, `was` -> `now`."""

    as_of: date
    was: str
    now: str
    days: int  # working days of the milestone's calendar
    text: str  # the move at the forecasts' precision ('+1 y'), as the total slip is written


@dataclass(frozen=True, slots=True)
class MilestoneTrend:
    """Reports (x), one line per milestone, and the common axis range of both axes."""

    reports: tuple[Report, ...]
    lines: tuple[TrendLine, ...]
    axis_from: date
    axis_to: date

    def to_dict(self) -> dict[Any, Any]:
        """JSON-ready form with ISO dates."""
        return {
            "reports": [{"name": r.label, "as_of": r.as_of.isoformat(), "current": r.is_current,
                         **({} if r.status_set else {"status_date": None})} for r in self.reports],
            "milestones": [{"key": ln.key, "name": ln.name, "slip_working_days": ln.total_slip_days,
                            "slip_calendar_days": ln.total_calendar_days, "elapsed": ln.elapsed,
                            "precision": str(ln.precision),
                            "moves": [{"report": m.as_of.isoformat(), "from": m.was, "to": m.now,
                                       "working_days": m.days}
                                      for m in ln.moves()],
                            "points": [{"report": x.isoformat(), "forecast": y.isoformat(),
                                        "precision": str(ln.point_precision(n))}
                                       for n, (x, y) in enumerate(ln.points)]}
                           for ln in self.lines],
            "axis": [self.axis_from.isoformat(), self.axis_to.isoformat()],
        }


def default_milestone_keys(project: Project) -> list[str]:
    """The ILRS headline items present in the plan, else its first milestones in WBS order."""
    keys = {t.key for t in project.tasks.values()}
    chosen = [k for k in DEFAULT_MILESTONES if k in keys]
    if chosen:
        return chosen
    summaries = project.summary_ids()
    return [t.key for t, _ in project.walk() if t.is_milestone and t.id not in summaries][:MAX_FALLBACK]


def milestone_trend(project: Project, schedule: Schedule | None, keys: list[str] | None = None,
                    report_date: date | None = None, *, today: date | None = None) -> MilestoneTrend:
    """The MTA data: baselines by "as of" date, then the current plan at `report_date` (default:
    the plan's status date, else `today`, which the report then says stands in for it);
    `schedule=None` leaves the current plan out."""
    tasks = [project.task_by_key(k) for k in (keys or default_milestone_keys(project))]
    reports = [(Report(b.name, b.as_of), b.entries) for b in sorted(project.baselines, key=lambda b: b.as_of)]
    current = report_date or project.status_date or today
    shown = None
    # A baseline keeps a milestone's point only: every report reads it at the moment of day the
    # milestone has now (Friday 17:00 shown as Friday), as the slip report does.
    ends = frozenset(tid for tid, d in schedule.tasks.items() if d.early_at_day_end) if schedule else frozenset()
    moments = {tid: d.summary_moments for tid, d in schedule.tasks.items() if d.summary_moments} if schedule else {}
    if schedule is not None and current is not None:
        dates = {tid: (d.early_start, d.early_finish) for tid, d in schedule.tasks.items()}
        stand_in = report_date is None and project.status_date is None
        label = "current plan (today: no status date)" if stand_in else "current plan"
        reports.append((Report(label, current, True, not stand_in), dates))
        shown = ShownPrecision(project, schedule)
    if not reports:
        raise PlannerError("baseline.unknown", "the plan has no baselines and no status date to report on")
    fuzzy, worked = plan_is_fuzzy(project), WorkedDays(project)
    lines = tuple(_line(task, reports, shown, fuzzy, task.id in ends, moments.get(task.id, 0), worked)
                  for task in tasks)
    lines = tuple(replace(line, same_day=_same_day(line, reports)) for line in lines)
    return MilestoneTrend(tuple(r for r, _ in reports), lines, *_axis(reports, lines))


def _line(task: Task, reports: list[tuple[Report, Mapping[str, tuple[date, date]]]], shown: ShownPrecision | None,
          fuzzy: bool, at_day_end: bool, summary_moments: int, worked: WorkedDays) -> TrendLine:
    """`at_day_end`, `summary_moments`: the task's moments now (TaskDates), read for every report."""
    known = [(report, entries[task.id]) for report, entries in reports if task.id in entries]
    points = tuple((report.as_of, baseline_days(entry, at_day_end, summary_moments)[1]) for report, entry in known)
    precisions = tuple(shown.of(task.id) if report.is_current and shown is not None
                       else baseline_precision(task, entry, fuzzy) for report, entry in known)
    counted = tuple(working_variance(worked, task, points[0][1], day) for _, day in points)
    return TrendLine(task.id, task.key, task.name, points, task.precision, precisions, counted, task.elapsed)


def report_ranks(reports: Iterable[Report]) -> list[int]:
    """Per report: how many reports of its date come before it (the chart sets them side by side)."""
    before: dict[date, int] = {}
    ranks = []
    for report in reports:
        ranks.append(before.get(report.as_of, 0))
        before[report.as_of] = ranks[-1] + 1
    return ranks


def _same_day(line: TrendLine, reports: list[tuple[Report, Mapping[str, tuple[date, date]]]]) -> tuple[int, ...]:
    """Per point of `line`: how many reports of its date come before its report."""
    ranks = report_ranks(report for report, _ in reports)
    return tuple(rank for rank, (_, entries) in zip(ranks, reports) if line.task_id in entries)


def _axis(reports: list[tuple[Report, Mapping[str, tuple[date, date]]]],
          lines: tuple[TrendLine, ...]) -> tuple[date, date]:
    """One range for both axes, fitted to every report and forecast with a margin: whole years and a
    year of headroom above the top line for a plan of years (the roadmap's 2019-2045); for a shorter
    one a tenth of its span each side (at least a week), from the first of a month (or, under
    WEEKS_AXIS, a Monday), so a six-week plan is not drawn in a corner of three years."""
    days = [r.as_of for r, _ in reports] + [y for line in lines for _, y in line.points]
    first, last = min(days), max(days)
    span = (last - first).days
    if span >= YEARS_AXIS:
        return date(first.year, 1, 1), date(last.year + 2, 1, 1)
    margin = timedelta(days=max(span // 10, 7))
    low, high = first - margin, last + margin + timedelta(days=1)  # the last day whole
    if span < WEEKS_AXIS:
        return low - timedelta(days=low.weekday()), high + timedelta(days=-high.weekday() % 7)
    after = date(high.year + high.month // 12, high.month % 12 + 1, 1) if high.day > 1 else high
    return date(low.year, low.month, 1), after


YEARS_AXIS = 3 * 365  # days of reports and forecasts from which the axes run in whole years
WEEKS_AXIS = 120  # ... under which they run from Monday to Monday (the chart labels weeks)
