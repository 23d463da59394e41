"""Slippage: a pure comparison of a baseline with the current schedule, or of two baselines.

A "version" is any mapping task id -> (start, finish): a baseline's entries, or the early dates of
a schedule. Variances are signed working days of the task's calendar, later = positive (a slip), as
MS Project's Finish Variance and P6's variances count them (engine/working_variance.py); the calendar
days are kept beside them for years and months ('+1 y' between '2030' and '2031').

Only a real change of plan is a slip, so every variance says what it rests on (its basis):
    sourced    a recorded change: the current dates come from a source (an announcement, work recorded
               as done, the status date's forecast of late work), or both sides are recorded baselines;
    planned    the planner's own change: the move started at a date the planner set (confidence
               `assumption`, which typing or dragging a date states) and no statement newer than the
               baseline gave it, or at a task that cites no source (its dates are all the plan's own);
               a change of plan, so a slip, but not an announced one;
    modelling  the current dates are the plan's own modelling (confidence inferred: a spread or a
               duration no source gives) and no statement newer than the baseline moved them (the
               task's source date is not after the baseline's "as of"), so the variance is not a slip.
               So is a move within the period a date was announced to ("2026": 1 January then,
               11 February now): the day inside the year is the plan's.
A task pushed by another's move rests on what moved it: its variance takes the basis of the moved task
driving it (along today's driving chain, engine/driving_chain.py), whatever its own label. Chang'e 8
typed two years later gives every task it pushes one basis, and a sourced milestone pushed past its
announcement is not called sourced.
Another official's different figure is not a version at all: it is an alternative recorded on the
task (domain.alternatives), listed with the row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain import (
    Baseline,
    Confidence,
    PlannerError,
    Precision,
    Project,
    Task,
    format_fuzzy_date,
    shown_finish,
)
from ..domain.alternatives import alternative_figures
from ..domain.baseline_entry import AT_DAY_END, entry_reading
from ..domain.spreadsheet_text import formula_safe
from ..domain.working_count import WorkedDays
from ..files.atomic import write_atomically
from .driving_chain import ChainIndex
from .schedule import Schedule, shown_days
from .shown_dates import baseline_precision, last_day_text, plan_is_fuzzy, start_text, variance_text
from .shown_precision import ShownPrecision
from .variance_periods import later_as_shown, variance_precision
from .working_variance import working_variance

Dates = Mapping[str, tuple[date, date]]
CURRENT = "current plan"
SOURCED, PLANNED, MODELLING = "sourced", "planned", "modelling"
_MODELLED = (Confidence.INFERRED, Confidence.ASSUMPTION)


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison: a label, its report ("as of") date and the task dates."""

    label: str
    as_of: date | None
    dates: Dates
    is_current: bool = False
    # The precision each task's dates are shown at (the schedule's shown precision); None for a
    # baseline, whose precision is read from its dates (engine/shown_dates.py).
    precision_of: Callable[[str], Precision] | None = None
    # The milestones whose point is the end of a working day (see engine/schedule.py); a baseline,
    # which keeps points only, reads each milestone at the moment of day it has now (see compare).
    day_ends: frozenset[str] | None = None
    # Each summary's moments (engine.schedule.TaskDates.summary_moments), read for both sides as day_ends is.
    summary_moments: Mapping[str, int] | None = None


@dataclass(frozen=True, slots=True)
class SlipRow:
    """One task's dates in both versions and the signed variance (working days of the task's calendar,
    calendar days for an elapsed task; None if absent in one)."""

    task_id: str
    key: str
    name: str
    kind: str
    is_milestone: bool
    baseline_start: date | None
    baseline_finish: date | None
    current_start: date | None
    current_finish: date | None
    start_variance: int | None
    finish_variance: int | None
    basis: str = ""  # SOURCED or MODELLING when the dates differ; "" when they agree or one side lacks the task
    alternatives: tuple[str, ...] = ()  # other officials' figures recorded on the task, not versions
    baseline_precision: str = "day"  # the precision each side's dates are known to ('year' for "by 2028")
    current_precision: str = "day"
    baseline_at_day_end: bool = False  # a milestone's point read as the end of the day before it
    current_at_day_end: bool = False
    summary_moments: int = 0  # a summary's start and finish moments, read for both sides (TaskDates)
    start_calendar_days: int | None = None  # the calendar days moved, which decide years and months
    finish_calendar_days: int | None = None
    elapsed: bool = False  # the task counts elapsed days: its variances are written 'ed'
    baseline_moments: int | None = None  # the baseline's summary moments as kept when taken (None: summary_moments)

    @property
    def _was_moments(self) -> int:
        return self.summary_moments if self.baseline_moments is None else self.baseline_moments

    def shown(self) -> tuple[str, str, str, str]:
        """Baseline start and last day, current start and last day, as a person reads them."""
        old, new = Precision(self.baseline_precision), Precision(self.current_precision)
        was, now, moments = self.baseline_at_day_end, self.current_at_day_end, self.summary_moments
        kept = self._was_moments
        return (start_text(self.baseline_start, old, self.baseline_finish, was, kept),
                last_day_text(self.baseline_start, self.baseline_finish, old, was, kept),
                start_text(self.current_start, new, self.current_finish, now, moments),
                last_day_text(self.current_start, self.current_finish, new, now, moments))

    def variance_texts(self) -> tuple[str, str]:
        """Start and finish variance as a planner reads them: '+1 y' between '2030' and '2031', else
        working days ('+5 d'; '+5 ed' elapsed); '' where one side lacks the task (shown_dates.variance_text)."""
        if self.baseline_finish is None or self.current_finish is None:
            return "", ""
        old, new = Precision(self.baseline_precision), Precision(self.current_precision)
        was_start, was_last = _shown_days(self.baseline_start, self.baseline_finish, self.baseline_at_day_end,
                                          self._was_moments)
        now_start, now_last = _shown_days(self.current_start, self.current_finish, self.current_at_day_end,
                                          self.summary_moments)
        return (variance_text(self.start_variance, was_start, now_start, old, new, self.start_calendar_days,
                              self.elapsed),
                variance_text(self.finish_variance, was_last, now_last, old, new, self.finish_calendar_days,
                              self.elapsed))

    @property
    def variance_precision(self) -> str:
        """What the variances are given in ('year' between "2024" and a day; 'day' between two days)."""
        return str(variance_precision(Precision(self.baseline_precision), Precision(self.current_precision)))

    @property
    def slipped(self) -> bool:
        """True when the task now finishes later than in the baseline, as a sourced change of plan, at the
        precision the variance is given in (a finish inside the year a baseline announced is not later)."""
        if (self.finish_variance or 0) <= 0 or self.basis == MODELLING or self.baseline_finish is None \
                or self.current_finish is None:
            return False
        was = _shown_days(self.baseline_start, self.baseline_finish, self.baseline_at_day_end, self._was_moments)[1]
        now = _shown_days(self.current_start, self.current_finish, self.current_at_day_end, self.summary_moments)[1]
        return later_as_shown(self.finish_variance, was, now, Precision(self.baseline_precision),
                              Precision(self.current_precision))


@dataclass(frozen=True, slots=True)
class SlipReport:
    """Every task compared between `before` (the baseline) and `after` (current or another baseline)."""

    before: Version
    after: Version
    rows: tuple[SlipRow, ...]

    def slipped(self) -> list[SlipRow]:
        """Rows of tasks that finish later than in the baseline, largest slip first."""
        return sorted((r for r in self.rows if r.slipped), key=lambda r: -(r.finish_variance or 0))

    def row(self, task_id: str) -> SlipRow:
        """The row of one task."""
        for row in self.rows:
            if row.task_id == task_id:
                return row
        raise PlannerError("task.unknown", f"task {task_id} is not in the slip report", [task_id])

    def to_dict(self) -> dict[Any, Any]:
        """JSON-ready: ISO dates, the versions compared and one entry per task."""
        return {
            "baseline": _version_dict(self.before),
            "against": _version_dict(self.after),
            "tasks": [_row_dict(r) for r in self.rows],
        }


def _version_dict(version: Version) -> dict[Any, Any]:
    return {"name": version.label, "as_of": _iso(version.as_of), "current": version.is_current}


def _row_dict(row: SlipRow) -> dict[Any, Any]:
    out = {k: (_iso(v) if isinstance(v, date) else v) for k, v in asdict(row).items()}
    out["start_variance_working_days"] = out.pop("start_variance")
    out["finish_variance_working_days"] = out.pop("finish_variance")
    out["start_variance_calendar_days"] = out.pop("start_calendar_days")
    out["finish_variance_calendar_days"] = out.pop("finish_calendar_days")
    out["slipped"] = row.slipped
    out["variance_precision"] = row.variance_precision  # what the text's variances count: 'year', ... 'day'
    # Beside the points, the days a person reads ("by 2035": baseline_finish 2036-01-01, shown 2035-12-31),
    # which at each side's precision read as the table does.
    for side, start, finish, at_day_end, moments in (
            ("baseline", row.baseline_start, row.baseline_finish, row.baseline_at_day_end, row._was_moments),
            ("current", row.current_start, row.current_finish, row.current_at_day_end, row.summary_moments)):
        first, last = _shown_days(start, finish, at_day_end, moments) if finish is not None else (None, None)
        out[f"{side}_shown_start"], out[f"{side}_shown_finish"] = _iso(first), _iso(last)
    del out["baseline_at_day_end"], out["current_at_day_end"], out["summary_moments"]  # the JSON keeps points
    del out["baseline_moments"]
    return out


def _shown_days(start: date | None, finish: date, at_day_end: bool, moments: int) -> tuple[date | None, date]:
    """(first day, last day) of one side's dates as a person reads them."""
    if start is None:
        return None, finish
    return shown_days(start, finish, at_day_end, moments)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def schedule_version(project: Project, schedule: Schedule, label: str = CURRENT) -> Version:
    """The current plan as a version: every task's early start and finish, as of the status date."""
    dates = {tid: (d.early_start, d.early_finish) for tid, d in schedule.tasks.items()}
    ends = frozenset(tid for tid, d in schedule.tasks.items() if d.early_at_day_end)
    moments = {tid: d.summary_moments for tid, d in schedule.tasks.items() if d.summary_moments}
    return Version(label, project.status_date, dates, is_current=True,
                   precision_of=ShownPrecision(project, schedule).of, day_ends=ends, summary_moments=moments)


def baseline_version(baseline: Baseline) -> Version:
    """A baseline as a version."""
    return Version(baseline.name, baseline.as_of, baseline.entries)


def compare(project: Project, before: Version, after: Version) -> SlipReport:
    """Compare two versions task by task, in WBS order (tasks in neither version are left out)."""
    rows = []
    summaries = project.summary_ids()  # a phase is never a milestone, whatever its own (unused) duration
    fuzzy = plan_is_fuzzy(project)
    causes, worked = _Causes(project, before, after), WorkedDays(project)
    for task, _depth in project.walk():
        old, new = before.dates.get(task.id), after.dates.get(task.id)
        if old is None and new is None:
            continue
        moved = old != new
        rows.append(SlipRow(
            task.id, task.key, task.name, str(task.kind), task.is_milestone and task.id not in summaries,
            old[0] if old else None, old[1] if old else None,
            new[0] if new else None, new[1] if new else None,
            working_variance(worked, task, old[0], new[0]) if old and new else None,
            working_variance(worked, task, old[1], new[1]) if old and new else None,
            causes.basis(task.id) if old and new and moved else "",
            alternative_figures(task.notes),
            version_precision(before, task, old, fuzzy).value, version_precision(after, task, new, fuzzy).value,
            *version_day_ends(task.id, before, after),
            version_moments(task.id, before, after),
            _days(old[0], new[0]) if old and new else None,
            _days(old[1], new[1]) if old and new else None,
            task.elapsed,
            None if (kept := kept_moments(old, None)) is None else kept & ~AT_DAY_END,
        ))
    return SlipReport(before, after, tuple(rows))


def version_day_ends(task_id: str, before: Version, after: Version) -> tuple[bool, bool]:
    """Whether each side's milestone point is read as the end of the day before it. A baseline
    taken by this version keeps its moment; one of an older file keeps the point only: it is read at the
    moment of day the milestone has in the other side's schedule, so a milestone shown on Friday that has
    not moved reads Friday in the baseline too (two such baselines compared, neither knows: each point
    is read as its own day)."""
    known = after.day_ends if after.day_ends is not None else before.day_ends
    flag = known is not None and task_id in known
    return tuple(bool(kept & AT_DAY_END) if (kept := kept_moments(side.dates.get(task_id), None)) is not None
                 else flag for side in (before, after))  # type: ignore[return-value]


def kept_moments(entry: tuple[date, date] | None, otherwise: int | None) -> int | None:
    """The moments of day a baseline entry kept when taken (domain.baseline_entry), or `otherwise`:
    "by 2035" reads 2035-12-31 in its baseline whatever the milestone's moment is now."""
    reading = entry_reading(entry) if entry is not None else None
    return otherwise if reading is None else reading[1]


def version_moments(task_id: str, before: Version, after: Version) -> int:
    """A summary's moments (TaskDates.summary_moments), read for both sides as version_day_ends reads
    a milestone's: from the side that has a schedule."""
    return (after.summary_moments or before.summary_moments or {}).get(task_id, 0)


def version_precision(version: Version, task: Task, dates: tuple[date, date] | None, fuzzy: bool) -> Precision:
    """How precisely `version` knows the task's dates: the schedule's shown precision, a baseline's own."""
    if dates is None:
        return task.precision
    if version.precision_of is not None:
        return version.precision_of(task.id)
    return baseline_precision(task, dates, fuzzy)


def variance_basis(task: Task, before: Version, after: Version, old: tuple[date, date],
                   new: tuple[date, date]) -> str:
    """What the task's own move of `after` against `before` rests on, leaving aside what drives it
    (see _Causes): SOURCED; PLANNED for a date the planner set (an assumption) and no newer statement;
    MODELLING for an inference no newer statement moved, or for both versions in one announced period.
    A task that cites no source and states no confidence has only the plan's own dates: its move is
    PLANNED, whatever recorded it (there is no source for "sourced" to name)."""
    if not task.source_url and task.confidence is None:
        modelled = after.is_current and task.actual_finish is None and _same_announced_period(task, old, new)
        return MODELLING if modelled else PLANNED
    if not after.is_current or task.actual_finish is not None:
        return SOURCED  # two recorded plans, or what happened (work under way still ends as modelled)
    if _same_announced_period(task, old, new):
        return MODELLING
    newer = task.source_date is not None and before.as_of is not None and task.source_date > before.as_of
    if task.confidence in _MODELLED and not newer:
        return PLANNED if task.confidence is Confidence.ASSUMPTION else MODELLING
    return SOURCED


class _Causes:
    """Each moved task's basis: that of the moved task driving it, else its own (variance_basis)."""

    def __init__(self, project: Project, before: Version, after: Version):
        self.project, self.before, self.after = project, before, after
        self.index: ChainIndex | None = None
        self.known: dict[str, str] = {}

    def basis(self, task_id: str) -> str:
        """The basis of the task's variance (the task has dates on both sides, and they differ)."""
        path: list[str] = []
        current: str | None = task_id
        while current is not None and current not in self.known and current not in path:
            path.append(current)
            current = self._moved_driver(current)
        found = self.known.get(current) if current is not None else None
        for tid in reversed(path):
            found = self.known[tid] = found or self._own(tid)
        return self.known[task_id]

    def _own(self, task_id: str) -> str:
        task = self.project.tasks[task_id]
        basis = variance_basis(task, self.before, self.after, self.before.dates[task_id], self.after.dates[task_id])
        if basis == PLANNED and task.confidence is Confidence.ASSUMPTION and self._held_by_status_date(task_id):
            return MODELLING  # an assumption waiting for its work to be recorded: the plan's modelling, as ever
        return basis

    def _chain(self) -> ChainIndex:
        """The plan's link index, built on first use: most moves are explained without it."""
        if self.index is None:
            self.index = ChainIndex(self.project)
        return self.index

    def _held_by_status_date(self, task_id: str) -> bool:
        """Started by the status date (only the current plan is forecast from it)."""
        if not self.after.is_current or task_id in self._chain().children:
            return False
        return self._chain().step(self.after.dates, task_id)[0].startswith("status date")

    def _moved_driver(self, task_id: str) -> str | None:
        """The task whose date drives this one's now, when that task moved too (None: the move is its own)."""
        task = self.project.tasks[task_id]
        old, new = self.before.dates[task_id], self.after.dates[task_id]
        if not self.after.is_current or task.actual_finish is not None or _same_announced_period(task, old, new):
            return None  # two recorded plans, what happened, or no move of the task at all
        dates, chain = self.after.dates, self._chain()
        if task_id in chain.children:  # a summary ends with its latest sub-task
            driver = chain.latest_leaf(dates, task_id)
        elif old[0] == new[0]:
            return None  # its start stayed: its own duration moved its finish, not what drives its start
        else:
            driver = chain.step(dates, task_id)[1]
        if driver is None or driver not in dates or driver not in self.before.dates:
            return None
        return driver if self.before.dates[driver] != dates[driver] else None


def _same_announced_period(task: Task, old: tuple[date, date], new: tuple[date, date]) -> bool:
    """Start and last day each in the same period the task is announced to ('2026', 'Q3 2029')."""
    if task.precision is Precision.DAY:
        return False

    def periods(dates: tuple[date, date]) -> tuple[str, str]:
        return (format_fuzzy_date(dates[0], task.precision),
                format_fuzzy_date(shown_finish(*dates), task.precision))
    return periods(old) == periods(new)


def _days(old: date, new: date) -> int:
    return (new - old).days


def earliest_baseline(project: Project) -> Baseline:
    """The baseline with the earliest "as of" date (the default reference for slips)."""
    if not project.baselines:
        raise PlannerError("baseline.unknown", "the plan has no baselines; capture one first")
    return min(project.baselines, key=lambda b: b.as_of)


def slip_report(project: Project, schedule: Schedule | None, baseline: str | None = None,
                against: str | None = None) -> SlipReport:
    """The slip report as the CLI and GUI ask for it: `baseline` (default: earliest) vs `against`
    (another baseline's name) or, when `against` is None, the current schedule."""
    before = baseline_version(project.baseline(baseline) if baseline else earliest_baseline(project))
    if against:
        after = baseline_version(project.baseline(against))
    else:
        if schedule is None:
            raise PlannerError("baseline.unknown", "the current plan has no schedule to compare with")
        after = schedule_version(project, schedule)
    return compare(project, before, after)


CSV_COLUMNS = ("key", "name", "kind", "baseline_start", "baseline_finish", "current_start",
               "current_finish", "start_variance_working_days", "finish_variance_working_days", "slipped", "basis",
               "alternatives", "baseline_precision", "current_precision", "variance_precision")


def report_csv(report: SlipReport) -> str:
    """The slip report as CSV text for people: a finish is the last day of work, every date at the
    precision it is known to ('2028', 'Q3 2029', '2029-06', or ISO), named in the two precision
    columns; variances are signed working days of each task's calendar (calendar days when elapsed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for r in report.rows:
        writer.writerow([formula_safe(str(cell)) for cell in (
            r.key, r.name, r.kind, *r.shown(),
            "" if r.start_variance is None else r.start_variance,
            "" if r.finish_variance is None else r.finish_variance, "yes" if r.slipped else "no",
            r.basis, "; ".join(r.alternatives), r.baseline_precision, r.current_precision, r.variance_precision,
        )])
    return out.getvalue()


def write_report_csv(report: SlipReport, path: str | Path) -> None:
    """Write the slip report as a CSV file (UTF-8), naming the path in any error."""
    try:
        write_atomically(path, report_csv(report).encode("utf-8"))
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write {path}: {exc.strerror or exc}") from None
