"""Whether a link holds its successor where it is, counted as the scheduler counts it (engine._crossings).

The link's event is the predecessor's finish (FS, FF) or start (SS, SF), moved by an elapsed lag in
calendar days; a working lag, positive or negative, counts working days of the successor's calendar
from there, keeping the kind of event; the day reached then binds the successor's start (FS, SS) or
finish (FF, SF), which falls on the first of the successor's working days at or after it. Read in
calendar days instead, an FF link, an SF link or a lead on a Monday-to-Friday task never matched
the successor's dates whenever a weekend lay between, and the chain said the task was not driven.

A day is a position among a calendar's working days, as in engine._calendars: `position(day)` counts
the working days before it, and the k-th working day is the first day whose next has position k + 1.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from ..domain import Link, LinkType, Project, Task
from ..domain.working_count import WorkingDayCount

_FIRST, _LAST = 1, date.max.toordinal()
_FROM_FINISH = (LinkType.FS, LinkType.FF)
_TO_START = (LinkType.FS, LinkType.SS)


class LinkDays:
    """Link bounds on the successors' calendars; each calendar's count made once, on first use."""

    def __init__(self, project: Project):
        self.project = project
        self.counts: dict[str, WorkingDayCount | None] = {}  # None: every day is worked
        self.by_task: dict[str | None, WorkingDayCount | None] = {}  # a task's calendar id -> its count

    def holds(self, task: Task, link: Link, event: int, start: date, finish: date) -> bool:
        """Does `link`, whose predecessor's event (finish or start, per its type) is the ordinal
        `event`, bind `task` at its `start` (FS, SS) or its exclusive `finish` (FF, SF)?"""
        count = self._count(task)
        day = event + (link.lag if link.elapsed else 0)
        if link.lag and not link.elapsed:
            moved = _position(count, day) + link.lag
            day = _nth_day(count, moved - 1) + 1 if link.type in _FROM_FINISH else _nth_day(count, moved)
        target = start if link.type in _TO_START else finish
        return _position(count, day) == _position(count, target.toordinal())

    def _count(self, task: Task) -> WorkingDayCount | None:
        # Found by the task's calendar id (None: the plan's default), so a walk of thousands of chain
        # steps asks the plan for each calendar once, not once a step.
        if task.calendar_id in self.by_task:
            return self.by_task[task.calendar_id]
        calendar = self.project.task_calendar(task)
        if calendar.id not in self.counts:
            self.counts[calendar.id] = None if calendar.is_continuous else WorkingDayCount(calendar)
        self.by_task[task.calendar_id] = self.counts[calendar.id]
        return self.counts[calendar.id]


def _position(count: WorkingDayCount | None, day: int) -> int:
    """The calendar's working days before ordinal `day` (from the first day there is)."""
    day = min(max(day, _FIRST), _LAST)
    return day if count is None else count.between(date.fromordinal(_FIRST), date.fromordinal(day))


def _nth_day(count: WorkingDayCount | None, k: int) -> int:
    """The ordinal of the calendar's working day at position `k` (the first day whose next day has
    position k + 1): found by halving, each step one count of working days."""
    if count is None:
        return k
    return bisect_left(range(_FIRST, _LAST), k + 1, key=lambda day: _position(count, day + 1)) + _FIRST
