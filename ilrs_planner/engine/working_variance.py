"""Variances counted in working days, as MS Project's Finish Variance and P6's variances count them.

A slip, a what-if's move and a "why" credit are written `+2 d`, the unit the Duration column uses
for working days, so they count working days: the days of work of the task's calendar between the
two dates (calendar days for an elapsed task, `ed`, and on a 7-day calendar). A finish that moves
from Wednesday 30 December to Monday 4 January on a Monday-to-Thursday calendar with 31 December
off has moved one working day, not five. Years and months stay calendar measures: between dates
announced to a year or a month the variance reads '+1 y' (engine.shown_dates.variance_text).
The count is signed and additive: the days from a to c are those from a to b plus those from b
to c, so credits counted on one calendar add up to the whole move.
"""

from __future__ import annotations

from datetime import date

from ..domain import Calendar, Task
from ..domain.working_count import WorkedDays


def working_variance(worked: WorkedDays, task: Task, old: date, new: date) -> int:
    """Working days of the task's calendar from `old` to `new`: positive when `new` is later."""
    if new >= old:
        return worked.between(task, old, new)
    return -worked.between(task, new, old)


def calendar_variance(calendar: Calendar, old: date, new: date) -> int:
    """Working days of `calendar` from `old` to `new` (a plan's finish, on its default calendar)."""
    if new >= old:
        return calendar.working_days(old, new)
    return -calendar.working_days(new, old)
