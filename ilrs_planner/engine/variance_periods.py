"""The periods a variance is counted in: whole years, quarters or months where a date compared is
known only to one, days between two dates known to the day.

engine.shown_dates.variance_text writes a variance in these periods ('0 y', '+3 mo'); the slip
colours (chart.variance) count the same periods, so a row's colour says what its words say.
"""

from __future__ import annotations

import math
from datetime import date

from ..domain import Precision

COARSE = (Precision.YEAR, Precision.QUARTER, Precision.MONTH)  # coarsest first
_MONTH_DAYS = 365.2425 / 12  # the Gregorian calendar's mean month
# A slip of whole periods coloured as days: a year is 365 days (the steps' bounds count years of
# 365 days: 365, 1,095), a month a twelfth of that, but never under the 31 days the steps count as a
# month, so a slip of a month is never drawn "within a month".
YEAR_DAYS, LEAST_MONTH_DAYS = 365, 31


def variance_precision(was_precision: Precision, now_precision: Precision) -> Precision:
    """The precision a variance between the two is given at: the coarser ('year' for a baseline "in
    2024" against a finish known to the day); 'day' between two day-exact dates."""
    coarse = [COARSE.index(p) for p in (was_precision, now_precision) if p in COARSE]
    return COARSE[min(coarse)] if coarse else Precision.DAY


def period_months(was_precision: Precision, now_precision: Precision) -> int | None:
    """Months in the period a variance is counted in (12, 3 or 1); None: days."""
    shown = variance_precision(was_precision, now_precision)
    return {Precision.YEAR: 12, Precision.QUARTER: 3, Precision.MONTH: 1}.get(shown)


def periods_moved(was: date, now: date, step: int) -> int:
    """Months between the periods of `step` months (12: years) holding `was` and `now`, whole periods."""
    return ((now.year * 12 + now.month - 1) // step - (was.year * 12 + was.month - 1) // step) * step


def months_counted(was: date | None, now: date | None, was_precision: Precision, now_precision: Precision,
                   calendar_days: int) -> int | None:
    """The whole months (12 a year) a variance is counted in, or None when it is counted in days.

    Between dates of different precision, or one known to the day: the periods of the coarser, as
    they are ('0' for Chang'e 6 "in 2024" flown on 2024-06-25). Between two coarse dates only when
    the `calendar_days` moved, rounded to whole periods, agree (a task moved 730 days from 2036-01-01
    to 2037-12-31 reads '2036' to '2037' but moved two years; one moved 2 days over New Year did not
    move a year): else the labels would make up or hide a period, and days are said.
    """
    step = period_months(was_precision, now_precision)
    if was is None or now is None or step is None:
        return None
    months = periods_moved(was, now, step)
    both_coarse = was_precision in COARSE and now_precision in COARSE
    if both_coarse and months and months != round(calendar_days / (_MONTH_DAYS * step)) * step:
        return None
    return months


def later_as_shown(days: int | None, was: date | None, now: date | None, was_precision: Precision,
                   now_precision: Precision) -> bool:
    """Is `now` later than `was` as the variance between them is given (variance_text): a finish in a
    later period of the coarser precision, or later days between two day-exact dates. Chang'e 6 "in
    2024", flown within 2024, is not later, however many days past 1 January it came."""
    step = period_months(was_precision, now_precision)
    if step is None or was is None or now is None:
        return (days or 0) > 0
    return periods_moved(was, now, step) > 0


def counted_days(calendar_days: float, was: date | None, now: date | None, was_precision: Precision,
                 now_precision: Precision) -> float:
    """The days a slip colour counts for a finish moved `calendar_days` from `was` to `now` (the
    last days shown): those days between two day-exact dates; where the variance is counted in
    periods, the days of its periods (`period_days`): '0 y' is 0, on time, '+2 y' 730."""
    months = months_counted(was, now, was_precision, now_precision, int(calendar_days))
    return calendar_days if months is None else period_days(months)


def period_days(months: int) -> float:
    """A slip of whole months as days for the colour steps: a year 365, a month a twelfth of that
    rounded to the day (a quarter 91), but at least 31 ('+1 mo' is never "within a month")."""
    if not months:
        return 0.0
    days = max(round(abs(months) * YEAR_DAYS / 12), LEAST_MONTH_DAYS)
    return math.copysign(days, months)
