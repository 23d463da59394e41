"""Working-time calendars: which days are worked. Durations and lags count the working days of one.

A calendar has working weekdays and exceptions (a named date range that is worked or not, such as a
holiday or a launch-range closure). A plan without calendars, and every plan made before calendars
existed, works on the 7-day "Continuous" calendar, where a working day is a calendar day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .errors import PlannerError
from .ids import new_id

CONTINUOUS_NAME = "Continuous"
ALL_WEEK = (True,) * 7
MONDAY_TO_FRIDAY = (True,) * 5 + (False, False)
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(slots=True)
class CalendarException:
    """Days `start`..`finish` (both included) are worked (`working`) or not, whatever the weekday."""

    name: str
    start: date
    finish: date
    working: bool = False

    def __post_init__(self) -> None:
        if self.finish < self.start:
            raise PlannerError("calendar.bad_exception", f"calendar exception '{self.name}' ends "
                               f"({self.finish}) before it starts ({self.start})")


@dataclass(slots=True)
class Calendar:
    """A named working-time calendar: working weekdays (Monday first) and dated exceptions."""

    name: str
    weekdays: tuple[bool, ...] = ALL_WEEK
    exceptions: list[CalendarException] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.weekdays = tuple(bool(day) for day in self.weekdays)
        if len(self.weekdays) != 7:
            raise PlannerError("calendar.bad_weekdays", f"calendar '{self.name}' lists {len(self.weekdays)} "
                               "weekdays instead of 7")

    @property
    def is_continuous(self) -> bool:
        """Every calendar day is worked: durations in working days are calendar days."""
        return all(self.weekdays) and all(e.working for e in self.exceptions)

    def is_working(self, day: date) -> bool:
        """Is `day` worked? The last exception covering it wins over the weekday."""
        worked = self.weekdays[day.weekday()]
        for exception in self.exceptions:
            if exception.start <= day <= exception.finish:
                worked = exception.working
        return worked

    def working_days(self, start: date, stop: date) -> int:
        """How many days of `[start, stop)` are worked: a duration as MS Project counts it."""
        if self.is_continuous:  # every day: no need to look at each
            return max((stop - start).days, 0)
        # Not day by day against every exception: a partner's calendar may hold a million of them.
        # Counting many spans of one calendar? Keep a WorkingDayCount instead of calling this.
        from .working_count import WorkingDayCount

        return WorkingDayCount(self).between(start, stop)

    def describe_weekdays(self) -> str:
        """'Mon–Fri', 'every day', or the worked days listed."""
        if all(self.weekdays):
            return "every day"
        if self.weekdays == MONDAY_TO_FRIDAY:
            return "Mon–Fri"
        return ", ".join(name for name, on in zip(WEEKDAY_NAMES, self.weekdays) if on) or "no day"


def continuous_calendar(calendar_id: str = "continuous") -> Calendar:
    """The 7-day calendar every existing plan and the bundled roadmap schedule on."""
    return Calendar(CONTINUOUS_NAME, ALL_WEEK, [], id=calendar_id)


def refuse_calendar_without_work(calendar: Calendar, where: str) -> None:
    """`calendar.no_working_day` for a calendar that reaches a plan (a file saved or imported) with
    no day ever worked, as the editor refuses making one (MS Project refuses one as well)."""
    if not any(calendar.weekdays) and not any(e.working for e in calendar.exceptions):
        raise PlannerError("calendar.no_working_day", f"{where}: calendar '{calendar.name}' has no working day, so no "
                           "task on it could be scheduled; give it a working weekday (Plan → Calendars…)",
                           [calendar.id])
