"""Finish variance against a baseline as colour and as words: the tracking Gantt's slip marks.

Late is drawn in reds that deepen with the size of the slip, early in blues, and a slip within
a month in neutral grey: a manager reads "how bad" from the colour before the label. The colours
(chart.palette) keep apart from every owner's, also for the common colour-vision deficiencies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import repeat
from operator import attrgetter, is_not

import numpy as np

from ..domain import Precision, Project, Task
from ..domain.baseline_entry import entry_reading
from ..domain.working_count import WorkedDays
from ..engine.schedule import Schedule
from ..engine.shown_dates import baseline_days, baseline_precision, plan_is_fuzzy, variance_text
from ..engine.variance_periods import counted_days
from ..engine.working_variance import working_variance
from . import palette

# (upper bound in days, colour, legend text), from the earliest to the latest; the last bound is open.
Steps = tuple[tuple[float, str, str], ...]
SLIP_STEPS: Steps = (  # a plan of years: the roadmap's decades
    (-365, palette.EARLY_BY_YEARS, "over a year early"),
    (-31, palette.EARLY_BY_MONTHS, "1–12 months early"),
    (30, palette.ON_TIME, "within a month"),
    (365, palette.LATE_BY_MONTHS, "1–12 months late"),
    (1095, palette.LATE_BY_YEARS, "1–3 years late"),
    (math.inf, palette.LATE_BY_MORE_YEARS, "over 3 years late"),
)
WEEK_STEPS: Steps = (  # a plan of months: a project phase
    (-91, palette.EARLY_BY_YEARS, "over 3 months early"),
    (-8, palette.EARLY_BY_MONTHS, "1 week–3 months early"),
    (7, palette.ON_TIME, "within a week"),
    (31, palette.LATE_BY_MONTHS, "1 week–1 month late"),
    (91, palette.LATE_BY_YEARS, "1–3 months late"),
    (math.inf, palette.LATE_BY_MORE_YEARS, "over 3 months late"),
)
DAY_STEPS: Steps = (  # a plan of weeks: a partner's work package, where a slip of a day counts
    # Calendar weeks, as every step counts calendar days: '+3 d' of a Monday-to-Thursday week may be 6 days.
    (-8, palette.EARLY_BY_YEARS, "over a week early"),
    (-1, palette.EARLY_BY_MONTHS, "up to a week early"),
    (0, palette.ON_TIME, "on time"),
    (7, palette.LATE_BY_MONTHS, "up to a week late"),
    (14, palette.LATE_BY_YEARS, "1–2 weeks late"),
    (math.inf, palette.LATE_BY_MORE_YEARS, "over 2 weeks late"),
)
SLIP_COLORS = tuple(color for _, color, _ in SLIP_STEPS)  # the same six colours at every scale
ON_TIME_STEP = 2  # the neutral step: no slip mark is drawn for it
MONTHS_PLAN_DAYS, YEARS_PLAN_DAYS = 92, 730  # a plan longer than these is read in weeks, then in months


def plan_steps(schedule: Schedule | None) -> Steps:
    """The slip steps for a plan, by its span (start to finish in calendar days): a slip is measured
    against the plan's own scale, so a three-week work package colours a +3 d slip that the
    roadmap's month-wide neutral step would hide."""
    if schedule is None:
        return SLIP_STEPS
    span = (schedule.project_finish - schedule.project_start).days
    return DAY_STEPS if span <= MONTHS_PLAN_DAYS else WEEK_STEPS if span <= YEARS_PLAN_DAYS else SLIP_STEPS


def slip_step(days: float, steps: Steps = SLIP_STEPS) -> int:
    """Index into `steps` for a finish variance in days (positive = late)."""
    for index, (bound, _, _) in enumerate(steps):
        if days <= bound:
            return index
    return len(steps) - 1


def slip_steps(days: np.ndarray, steps: Steps = SLIP_STEPS) -> np.ndarray:
    """slip_step over an array (nan, i.e. not in the baseline, maps to the neutral step)."""
    bounds = np.array([bound for bound, _, _ in steps[:-1]])
    found = np.searchsorted(bounds, np.nan_to_num(days, nan=0.0), side="left")
    return np.where(np.isnan(days), ON_TIME_STEP, found).astype(np.int8)


def slip_color(days: float, steps: Steps = SLIP_STEPS) -> str:
    """The colour of a finish variance of `days`."""
    return steps[slip_step(days, steps)][1]


def key_slip_words(project: Project, tasks: Sequence[Task], rows: Iterable[int], finish: np.ndarray,
                   shown: np.ndarray, precision: Sequence[Precision], entries: Mapping) -> np.ndarray:
    """Per row: the slip badge of each key milestone in `rows` that the baseline holds, in the words
    of the table's Finish variance and the slip report ('+7 y' between years, '+3 y 2 mo' between
    months, '+9 d' working days between days: engine.shown_dates.variance_text); '' for every other row.

    `finish` and `shown` are day ordinals: the exclusive finish and the day the milestone is shown
    on (the day before its point when it stands at a day's end, as its baseline point is read).
    """
    words = np.full(len(tasks), "", dtype=object)
    fuzzy: bool | None = None
    worked = WorkedDays(project)  # counts a calendar's days only when a badge asks
    for i in rows:
        task = tasks[i]
        entry = entries.get(task.id)
        if entry is None:
            continue
        if fuzzy is None:  # read once, and only when some key milestone has a baseline
            fuzzy = plan_is_fuzzy(project)
        now = date.fromordinal(int(shown[i]))
        was = baseline_days(entry, bool(shown[i] < finish[i]))[1]
        moved = working_variance(worked, task, entry[1], date.fromordinal(int(finish[i])))
        words[i] = variance_text(moved, was, now, baseline_precision(task, entry, fuzzy), precision[i],
                                 int(finish[i]) - entry[1].toordinal(), task.elapsed)
    return words


def counted_slips(tasks: Sequence[Task], finish: np.ndarray, last: tuple[np.ndarray, np.ndarray],
                  precision: Sequence[Precision], entries: Mapping, ghost: tuple[np.ndarray, np.ndarray],
                  fuzzy: bool) -> np.ndarray:
    """Per row: the days its slip colour counts (nan where the baseline lacks the row): the calendar
    days its finish moved, or, where its Finish variance counts periods ('0 y', '+2 y'), the days of
    those periods (engine.variance_periods.counted_days), so the colour says what the words say:
    Chang'e 6 "in 2024" flown on 2024-06-25 is on time, not 189 days early.

    `last`: the last days shown (ordinals) of the baseline and of the row now, read at the row's
    moments of day as the task table reads them; `ghost`: the baseline's start and exclusive finish;
    `fuzzy`: some task of the plan is dated coarser than the day (else every date is a day)."""
    slips = finish - ghost[1]
    if not fuzzy or not entries:  # every date known to the day, or no baseline compared
        return slips
    for i in _maybe_in_periods(tasks, precision, ghost, entries).tolist():
        task, entry = tasks[i], entries[tasks[i].id]
        was, now = date.fromordinal(int(last[0][i])), date.fromordinal(int(last[1][i]))
        if entry_reading(entry) is not None:  # read as when taken, not at the row's moments now
            was = baseline_days(entry, False)[1]
        slips[i] = counted_days(float(slips[i]), was, now, baseline_precision(task, entry), precision[i])
    return slips


def _maybe_in_periods(tasks: Sequence[Task], precision: Sequence[Precision],
                      ghost: tuple[np.ndarray, np.ndarray], entries: Mapping) -> np.ndarray:
    """The rows the baseline holds whose variance may count periods: shown or dated coarser than the
    day, now or in the baseline as taken, or (an older file's entry) whose baseline dates touch a month's
    first or last day (engine.shown_dates.baseline_precision reads a period from no other)."""
    n = len(tasks)
    coarse = np.fromiter(map(is_not, precision, repeat(Precision.DAY)), bool, n)
    coarse |= np.fromiter(map(is_not, map(attrgetter("precision"), tasks), repeat(Precision.DAY)), bool, n)
    held = ~np.isnan(ghost[1])
    edges = np.zeros(n, bool)
    for ordinals in (ghost[0][held], ghost[1][held], ghost[1][held] + 1):  # a start, an end, a last day
        edges[held] |= _first_of_month(ordinals)
    for i in np.flatnonzero(held & ~(coarse | edges)).tolist():  # a baseline's year on no period's edge
        reading = entry_reading(entries[tasks[i].id])
        coarse[i] = reading is not None and reading[0] is not Precision.DAY
    return np.flatnonzero(held & (coarse | edges))


_EPOCH = date(1970, 1, 1).toordinal()


def _first_of_month(ordinals: np.ndarray) -> np.ndarray:
    """Which day ordinals are the first of their month."""
    days = (ordinals.astype(np.int64) - _EPOCH).astype("datetime64[D]")
    return days.astype("datetime64[M]").astype("datetime64[D]") == days
