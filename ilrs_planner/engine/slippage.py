"""Slippage: a pure comparison of a baseline with the current schedule, or of two baselines.

A "version" is any mapping task id -> (start, finish): a baseline's entries, or the early dates of
a schedule. Variances are signed working days of the task's calendar, later = positive (a slip), as
MS Project's Finish Variance and P6's variances count them (engine/working_variance.py); the calendar
days are kept beside them for years and months ('+1 y' between '2030' and '2031').

Only a real change of plan is a slip, so every variance says what it rests on (its basis: sourced,
planned or modelling; engine/slip_basis.py). A task pushed by another's move rests on what moved it.
Another official's different figure is not a version at all: it is an alternative recorded on the
task (domain.alternatives), listed with the row.

The rows and report are in engine/slip_rows.py, the CSV in engine/slip_csv.py; this module builds the
versions, compares them and keeps the names the views and the command line import.
"""

from __future__ import annotations

from datetime import date

from ..domain import Baseline, PlannerError, Precision, Project, Task
from ..domain.alternatives import alternative_figures
from ..domain.baseline_entry import AT_DAY_END, entry_reading
from ..domain.working_count import WorkedDays
from .schedule import Schedule
from .shown_dates import baseline_precision, duration_days, plan_is_fuzzy
from .shown_precision import ShownPrecision
from .slip_basis import VarianceCauses
from .slip_csv import report_csv, write_report_csv
from .slip_rows import CURRENT, MODELLING, PLANNED, SOURCED, SlipReport, SlipRow, Version
from .working_variance import working_variance

__all__ = ["CURRENT", "MODELLING", "PLANNED", "SOURCED", "SlipReport", "SlipRow", "Version", "baseline_version",
           "compare", "earliest_baseline", "kept_moments", "report_csv", "schedule_version", "slip_report",
           "version_day_ends", "version_moments", "version_precision", "write_report_csv"]


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
    causes, worked = VarianceCauses(project, before, after), WorkedDays(project)
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
            _duration(task, task.id in summaries, old, before.is_current, worked),
            _duration(task, task.id in summaries, new, after.is_current, worked),
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


def _duration(task: Task, summary: bool, dates: tuple[date, date] | None, current: bool,
              worked: WorkedDays) -> int | None:
    """One side's Duration: the Duration column's for the current plan (Actual + Remaining for a task
    under way, which its dates need not span); the days of work a baseline's dates span, a baseline
    keeping dates only (taken before work began, that is the duration it was taken with)."""
    if dates is None:
        return None
    if current:
        return duration_days(task, summary, dates[0], dates[1], worked)
    return worked.between(task, dates[0], dates[1])


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
