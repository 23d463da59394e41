"""Dates as a person reads them: a finish is the last day of work, shown at the precision it is known to.

The scheduler's finishes are exclusive; people read the last day of work (a milestone's own day).
A computed date is known only as precisely as what drives it (engine/shown_precision.py), and a
baseline's date as precisely as the statement it was stored from: each entry keeps the precision and
moments of day it was read at when taken (domain.baseline_entry), never today's. An entry of an
older file holds dates only, so its precision is read from the dates themselves (`baseline_precision`).
"""

from __future__ import annotations

from datetime import date

from ..domain import Precision, Project, Task, format_fuzzy_date, period_end, period_start, shown_finish
from ..domain.baseline_entry import AT_DAY_END, entry_reading
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays
from .schedule import TaskDates, shown_days
from .variance_periods import COARSE, months_counted, period_months
from .working_variance import working_variance


def duration_days(task: Task, summary: bool, start: date, finish: date, worked: WorkedDays) -> int:
    """MS Project's Duration of a task scheduled over [start, finish): what the table, the tooltip, the
    task dialog and every export write under that name.

    - a task not started, or under way: its own duration, MS Project's Actual Duration + Remaining
      Duration. It is not the span from its actual start to its forecast finish (P6's At Completion
      Duration, `at_completion_days`): work left runs from the status date, so that span is longer
      than the duration when the task is behind and shorter when it is ahead;
    - a finished task (an actual finish): the days of work it took, actual start to actual finish,
      as MS Project sets Duration to Actual Duration once a task is done;
    - a summary: the days of work its sub-tasks span, as MS Project's.
    Days of work are working days of the task's calendar, calendar days for an elapsed duration.
    """
    if summary or task.actual_finish is not None:
        return worked.between(task, start, finish)
    return task.duration


def shown_duration(project: Project, task: Task, dates: TaskDates, summary: bool,
                   worked: WorkedDays | None = None) -> int:
    """The task's Duration as shown (`duration_days` over its scheduled dates); `worked` keeps each
    calendar's count from one task to the next."""
    return duration_days(task, summary, dates.early_start, dates.early_finish, worked or WorkedDays(project))


def under_way(task: Task, summary: bool) -> bool:
    """Started and not finished: a task whose forecast finish may not be its start plus its duration."""
    return not summary and task.actual_start is not None and task.actual_finish is None


def at_completion_days(project: Project, task: Task, dates: TaskDates, worked: WorkedDays | None = None) -> int:
    """P6's At Completion Duration: the days of work from the task's (actual) start to its forecast
    finish, the work done before the status date and the work left after it."""
    return (worked or WorkedDays(project)).between(task, dates.early_start, dates.early_finish)


def duration_text(days: int, elapsed: bool) -> str:
    """A shown duration as the tree's Duration cell and the chart's tooltip write it: '1,234 d', '5 ed',
    and '0 d' for a milestone, as MS Project writes '0 days' (its diamond says it is one; typed back,
    '0 d' keeps it one, and '0' typed makes a task one)."""
    return format_days(days, elapsed)


def start_text(start: date | None, precision: Precision, finish: date | None = None, at_day_end: bool = False,
               summary_moments: int = 0) -> str:
    """A start as shown: '2031', 'Q3 2029', '2029-06' or the day ('' when there is none); a
    milestone at the end of a working day (its point `start` == `finish`) on that day, a summary by
    its moments (engine.schedule.TaskDates)."""
    if start is not None and finish is not None:
        start = shown_days(start, finish, at_day_end, summary_moments)[0]
    return format_fuzzy_date(start, precision)


def last_day_text(start: date | None, finish: date | None, precision: Precision, at_day_end: bool = False,
                  summary_moments: int = 0) -> str:
    """An exclusive finish as shown: the last day of work at `precision` ('' when there is none)."""
    if finish is None:
        return ""
    return format_fuzzy_date(shown_days(start, finish, at_day_end, summary_moments)[1] if start is not None
                             else finish, precision)


def variance_text(days: int | None, was: date | None, now: date | None, was_precision: Precision,
                  now_precision: Precision, calendar_days: int | None = None, elapsed: bool = False) -> str:
    """A variance as a planner reads it, at the precision of the dates compared: the one formatter of
    slips for the slip report, why, the milestone trend and the plan comparison.

    Between dates known to different precisions, or both only to a year, quarter or month, it counts
    whole periods of the coarser ('2030' to '2031' is '+1 y', not '+365 d'; '2029-06' to '2029-09' is
    '+3 mo'; '2026-03' to '2029-05' is '+3 y 2 mo', not '+38 mo'; a baseline "in 2024" against a
    sample return on 2024-06-25 is '0 y', on time for what was announced, not '-189 d', a precision
    the announcement never had); `was` and `now` are the days shown (a finish's last day).
    Between two coarse dates periods are said only when the days moved agree with them: the periods
    between the two labels must be the days rounded to whole periods (or none: another day of the
    same period is the plan's). Else the labels would make up or hide a period (a task moved 730 days
    from 2036-01-01 to 2037-12-31 reads '2036' to '2037', but moved two years; one moved 2 days over
    New Year did not move a year), and the exact days are said. Against a day-exact date the coarse
    side's day is the plan's placing in its period, so its periods are said as they are. Between two
    day-exact dates it is the exact days, '+365 d'.
    `days` are the days written ('+2 d'): working days of the task's calendar where a slip is counted
    (engine.working_variance), `elapsed` writing them 'ed'; `calendar_days`, the calendar days moved,
    decide the periods when given (else `days` do).
    """
    if days is None:
        return ""
    months = months_counted(was, now, was_precision, now_precision, days if calendar_days is None else calendar_days)
    if months is None:
        return format_days(days, elapsed, signed=True)
    if period_months(was_precision, now_precision) == 12:
        return f"{months // 12:+,} y".replace("+0 y", "0 y")
    return months_text(months)


def finish_variance_text(worked: WorkedDays, task: Task, entry: tuple[date, date], dates: TaskDates,
                         precision: Precision, fuzzy: bool) -> str:
    """A task's Finish variance against its baseline `entry` as the task table writes it ('0 y', '+2 y',
    '+457 d'): the baseline's last day read at the moment of day the task has now; `precision`, the
    one its dates are shown at; `fuzzy`, some task of the plan is dated coarser than the day."""
    days = working_variance(worked, task, entry[1], dates.early_finish)
    was = baseline_days(entry, dates.early_at_day_end, dates.summary_moments)[1]
    return variance_text(days, was, dates.shown_finish, baseline_precision(task, entry, fuzzy), precision,
                         (dates.early_finish - entry[1]).days, task.elapsed)


def months_text(months: int) -> str:
    """Signed whole months as years and months: '+3 y 2 mo', '-1 y', '+2 mo', '0 mo'."""
    if not months:
        return "0 mo"
    sign, years, rest = "+" if months > 0 else "-", abs(months) // 12, abs(months) % 12
    parts = ([f"{years:,} y"] if years else []) + ([f"{rest} mo"] if rest else [])
    return sign + " ".join(parts)


def plan_is_fuzzy(project: Project) -> bool:
    """True when some task is dated coarser than the day: only then can a baseline hold such a date."""
    return any(task.precision is not Precision.DAY for task in project.tasks.values())


def baseline_days(entry: tuple[date, date], at_day_end: bool, summary_moments: int = 0) -> tuple[date, date]:
    """(first day, last day) a person reads of a baseline entry: at the moments of day it kept when
    taken ("by 2035", the point 2036-01-01 at the end of 2035-12-31, reads 2035-12-31 whatever the
    milestone is now); an entry of an older file, which kept none, at those the task has now."""
    reading = entry_reading(entry)
    if reading is not None:
        at_day_end, summary_moments = bool(reading[1] & AT_DAY_END), reading[1] & ~AT_DAY_END
    return shown_days(*entry, at_day_end, summary_moments)


def baseline_precision(task: Task, entry: tuple[date, date], fuzzy: bool = True) -> Precision:
    """The precision of a baseline's (start, exclusive finish) for `task`: the one the entry kept when
    taken (the task's shown precision that day, or the announcement's); for an older file's entry,
    read from the dates.

    A statement announced to a period is stored from that period's first day ('2021' -> from
    2021-01-01 for the task's duration) or through its last ('by 2028' -> to 2028-12-31), so:
    - what had happened (the task's actual dates) is known as the task records it;
    - whole years ('2024', '2030 to 2035', by 2028 for a year-long task) are a year;
    - a task known now only to a month, quarter or year was known no better then: its own precision
      (July 2026 stays a month; a date the status date forecast, 2026-12-01, stays '2026');
    - a task known now to the day (it has flown) was announced before: the coarsest period whose
      first day is the start, or failing that whose last day is the last day ('2021' for Luna-25's
      2021-01-01, though it flew to the day in 2023); dates on no boundary were days.
    In a plan dated to the day throughout (`fuzzy` False) every baseline date is a day.
    """
    reading = entry_reading(entry)
    if reading is not None:
        return reading[0]
    start, last = entry[0], shown_finish(*entry)
    own = task.precision
    if not fuzzy or _recorded(task, entry):
        return own
    if start == period_start(start, Precision.YEAR) and last == period_end(last, Precision.YEAR):
        return Precision.YEAR
    if own is not Precision.DAY:
        return own
    for precision in COARSE:
        if start == period_start(start, precision):
            return precision
    for precision in COARSE:
        if last == period_end(last, precision):
            return precision
    return Precision.DAY


def _recorded(task: Task, entry: tuple[date, date]) -> bool:
    """The entry is what happened: the task's actual start (and actual finish, when it has one)."""
    return task.actual_start == entry[0] and task.actual_finish in (None, entry[1])
