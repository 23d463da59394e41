"""The slip report's parts: the versions compared, one row per task and the whole report.

A "version" is any mapping task id -> (start, finish): a baseline's entries, or the early dates of
a schedule (engine/slippage.py builds both and compares them). Each row keeps both sides' dates, the
signed variances and the basis they rest on (engine/slip_basis.py), and reads them as a person does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ..domain import PlannerError, Precision
from .schedule import shown_days
from .shown_dates import last_day_text, start_text, variance_text
from .variance_periods import later_as_shown, variance_precision

Dates = Mapping[str, tuple[date, date]]
CURRENT = "current plan"
SOURCED, PLANNED, MODELLING = "sourced", "planned", "modelling"


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
    # MS Project's Baseline Duration and Duration (working days of the task's calendar, calendar days
    # elapsed; None where one side lacks the task): a baseline keeps dates only, so its duration is the
    # days of work its dates span; the current plan's is the Duration column's (engine.shown_dates).
    baseline_duration: int | None = None
    current_duration: int | None = None

    @property
    def duration_variance(self) -> int | None:
        """MS Project's Duration Variance: Duration minus Baseline Duration (None where one side lacks the task)."""
        if self.baseline_duration is None or self.current_duration is None:
            return None
        return self.current_duration - self.baseline_duration

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
    out["baseline_duration_working_days"] = out.pop("baseline_duration")
    out["duration_working_days"] = out.pop("current_duration")
    out["duration_variance_working_days"] = row.duration_variance
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
