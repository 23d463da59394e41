"""Counting a calendar's working days between two dates without looking at each day.

A calendar is its weekday pattern with exceptions laid over it, the last exception covering a day
deciding it. Asking every day of a span about every exception costs days x exceptions: a
partner's file may hold a million exceptions, and an export asks once per task, so that was hours.
Here the exceptions are first turned into disjoint runs of days, each with the verdict of the
last exception over it (one sweep, exceptions x log exceptions), and the weekday pattern is
counted by whole weeks. A `WorkingDayCount` keeps those runs with running totals, so each count
after the first is a binary search. `WorkedDays` is the one rule for a task's days of work between
two dates (the table's, the dialog's, the drag's and every export's), one count per calendar.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .calendar import Calendar, CalendarException
    from .model import Project
    from .plan_parts import Task

Run = tuple[int, int, bool]  # [first, stop) day ordinals and whether they are worked


def override_runs(exceptions: Sequence[CalendarException], first: int, stop: int) -> list[Run]:
    """The disjoint runs of days in [first, stop) that an exception decides, in order, each with
    the verdict of the last exception covering it."""
    spans = []
    for index, exception in enumerate(exceptions):
        low, high = max(exception.start.toordinal(), first), min(exception.finish.toordinal() + 1, stop)
        if low < high:
            spans.append((low, high, index, exception.working))
    spans.sort()
    points = sorted({point for low, high, _, _ in spans for point in (low, high)})
    active: list[tuple[int, int, bool]] = []  # (-index, stop, working): the latest exception on top
    runs: list[Run] = []
    taken = 0
    for left, right in zip(points, points[1:]):
        while taken < len(spans) and spans[taken][0] <= left:
            low, high, index, working = spans[taken]
            heapq.heappush(active, (-index, high, working))
            taken += 1
        while active and active[0][1] <= left:  # ended: only ever looked at once on top
            heapq.heappop(active)
        if active:
            runs.append((left, right, active[0][2]))
    return runs


def pattern_days(weekdays: Sequence[bool], first: int, stop: int) -> int:
    """Days of ordinals [first, stop) worked by the weekday pattern alone (ordinal 1 was a Monday)."""
    if stop <= first:
        return 0
    weeks, rest = divmod(stop - first, 7)
    return weeks * sum(weekdays) + sum(weekdays[(first - 1 + day) % 7] for day in range(rest))


class WorkingDayCount:
    """A calendar's working days between any two dates (see the module doc)."""

    def __init__(self, calendar: Calendar):
        self.weekdays = calendar.weekdays
        self.runs = override_runs(calendar.exceptions, 1, date.max.toordinal() + 1)
        self.starts = [run[0] for run in self.runs]
        # What the runs before each one change against the weekday pattern.
        self.before = [0]
        for low, high, working in self.runs:
            change = (high - low if working else 0) - pattern_days(self.weekdays, low, high)
            self.before.append(self.before[-1] + change)

    def between(self, start: date, stop: date) -> int:
        """Working days of [start, stop); 0 when `stop` is not after `start`."""
        low, high = start.toordinal(), stop.toordinal()
        if high <= low:
            return 0
        return pattern_days(self.weekdays, low, high) + self._change_before(high) - self._change_before(low)

    def is_working(self, day: date) -> bool:
        """Is `day` worked? (As Calendar.is_working, without walking every exception.)"""
        ordinal = day.toordinal()
        place = bisect_right(self.starts, ordinal) - 1
        if place >= 0 and ordinal < self.runs[place][1]:
            return self.runs[place][2]
        return self.weekdays[(ordinal - 1) % 7]

    def _change_before(self, day: int) -> int:
        """What the exceptions change, against the weekday pattern, on days before ordinal `day`."""
        place = bisect_right(self.starts, day) - 1
        if place < 0:
            return 0
        low, high, working = self.runs[place]
        if day >= high:
            return self.before[place + 1]
        return self.before[place] + ((day - low) if working else 0) - pattern_days(self.weekdays, low, day)


class WorkedDays:
    """Days of work a task counts in [start, stop): working days of its calendar, or every calendar
    day for an elapsed duration (MS Project's `edays`). Each calendar's count is made once, on first
    use: a partner's calendar may hold a million exceptions, and an export counts for every task.
    Made for one state of the plan: a calendar edited afterwards is not seen."""

    def __init__(self, project: Project):
        self.project = project
        self.counts: dict[str, WorkingDayCount | None] = {}  # None: every day is worked

    def between(self, task: Task, start: date, stop: date) -> int:
        """The task's days of work in [start, stop); 0 when `stop` is not after `start`."""
        if task.elapsed:
            return max((stop - start).days, 0)
        calendar = self.project.task_calendar(task)
        if calendar.id not in self.counts:
            self.counts[calendar.id] = None if calendar.is_continuous else WorkingDayCount(calendar)
        count = self.counts[calendar.id]
        return max((stop - start).days, 0) if count is None else count.between(start, stop)
