"""The refusal of a plan whose dates run outside the years 1-9999, stated in calendar years.

A plan file may chain tasks of 300 years each, or count a ten-day task in working days of a calendar
worked on one day in all; either runs past any date Python or a person can show. The message says by
how many calendar years, counted between the dates as a person counts them (2030-01-01 to
10430-01-01 is 8,400 years, not 8,405 of 365 days); where a working-time table ends at the year 9999
before the plan does, only that it runs at least to the end of 9999 is known, and it says so.
"""

from __future__ import annotations

from datetime import date

from ..domain import PlannerError, Project

_FIRST_DAY, _LAST_DAY = date.min.toordinal(), date.max.toordinal()
_CYCLE_DAYS, _CYCLE_YEARS = 146_097, 400  # the Gregorian calendar repeats every 400 years, to the day


def whole_years(first: int, last: int) -> int:
    """Whole calendar years from day ordinal `first` to `last` (negative when `last` is earlier); either
    may lie outside the years 1-9999, where the 400-year cycle stands in for dates Python cannot make."""
    if last < first:
        return -whole_years(last, first)
    years = 0
    if last > _LAST_DAY:  # the same month and day whole cycles earlier: 400 years each
        cycles = -(-(last - _LAST_DAY) // _CYCLE_DAYS)
        last, years = last - cycles * _CYCLE_DAYS, years + cycles * _CYCLE_YEARS
    if first < _FIRST_DAY:  # the same month and day whole cycles later
        cycles = -(-(_FIRST_DAY - first) // _CYCLE_DAYS)
        first, years = first + cycles * _CYCLE_DAYS, years + cycles * _CYCLE_YEARS
    # Both are dates now, possibly `last` before `first`: the years between them count down, to the floor.
    was, now = date.fromordinal(first), date.fromordinal(last)
    return years + now.year - was.year - ((now.month, now.day) < (was.month, was.day))


def out_of_range(project: Project, over: bool, reached: int | None, start: int) -> PlannerError:
    """`schedule.out_of_range`: the plan starting on day ordinal `start` reaches day ordinal `reached`,
    past the year 9999 (`over`) or before the year 1; `reached` None when it is known only to lie past
    the end of 9999 (the working-time tables end there)."""
    # A calendar with few working days stretches a short duration over centuries: say so, or the
    # "years" read as a typing error in a duration that is not there.
    sparse = [c.name for c in project.calendars.values() if sum(c.weekdays) == 0]
    why = (f" (counted in working days of {', '.join(repr(name) for name in sparse[:3])}, worked only on "
           "exception days)" if sparse else "")
    began = date.fromordinal(start).isoformat() if _FIRST_DAY <= start <= _LAST_DAY else "its start"
    if reached is None:
        span = f"at least {whole_years(start, _LAST_DAY + 1):,} years after its start on {began}"
    else:
        years = whole_years(start, reached)
        span = f"{abs(years):,} years {'after' if years >= 0 else 'before'} its start on {began}"
    return PlannerError("schedule.out_of_range", f"the plan '{project.name}' runs "
                        f"{'past the year 9999' if over else 'before the year 1'}: its durations and lags reach "
                        f"{span}{why}")
