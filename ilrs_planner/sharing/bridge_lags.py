"""A bridge's lag in the scheduler's own arithmetic, whatever calendars its two ends work on.

The scheduler moves a finish-to-start link from the day the predecessor's finish ends at, counts
its lag in working days of the successor's calendar (as MS Project does), and starts the successor
on its first working day from there (engine._crossings). A bridge's lag is read the same way: the
largest lag with which the predecessor may finish as late as its free float lets it without moving
the successor's early start, and as late as its late finish without moving the successor's late
start. Counting the gap in one calendar and the floats in another (a 5-day week task driving a
7-day task through withheld work) gave lags a day or two off, and floats held by pins.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..domain import Calendar, Project, Task
from ..engine._calendars import IDENTITY, WorkingTime, span_of
from ..engine.schedule import TaskDates

SETTLE_STEPS = 3  # the closed form is exact but for an elapsed successor, which may need a step


class LagRule:
    """Working-time tables of the plan's calendars over its dates, and the lags they give."""

    def __init__(self, project: Project, dates: Iterable[TaskDates]):
        """`dates`: those of the tasks the lags will join (the tables cover them, ten years and more aside)."""
        self._project = project
        self._summaries = project.summary_ids()
        calendars: dict[str, Calendar] = {}
        for task in project.tasks.values():
            calendar = project.task_calendar(task)
            calendars.setdefault(calendar.id, calendar)
        self._rows = {cid: row for row, cid in enumerate(calendars, start=1)}
        self._row_of: dict[str | None, int] = {}  # a task's calendar id (None: the default) -> its row
        days: list[date | None] = [d for one in dates for d in (one.early_start, one.late_finish)]
        first, last = span_of(days or [project.start], 0)
        time = WorkingTime(list(calendars.values()), first, last)
        # Plain lists, read as engine._crossings.ScalarCrossings reads them: a numpy call per look-up
        # took 40 s over the 23,000 bridges of a 5,000-task plan.
        self._origin, self._length = time.origin, time.length
        self._cum, self._work = time.cum.tolist(), time.work.tolist()

    def largest_lag(self, pred_id: str, pred: TaskDates, succ_id: str, succ: TaskDates) -> int:
        """The largest FS lag from `pred` to `succ` that leaves the predecessor its free float (at
        least none) and its late finish, and moves neither of the successor's starts."""
        tasks = self._project.tasks
        source, target = self._node_row(pred_id, tasks[pred_id]), self._node_row(succ_id, tasks[succ_id])
        lag_row = self._calendar_row(tasks[succ_id])
        rows = (source, lag_row, target)
        finish = self._pos(source, pred.early_finish)
        early = self._largest(rows, finish + max(pred.free_float, 0), self._pos(target, succ.early_start))
        late = self._largest(rows, self._pos(source, pred.late_finish), self._pos(target, succ.late_start))
        return min(early, late)

    def _node_row(self, task_id: str, task: Task) -> int:
        """The row a task's dates count on: calendar days for an elapsed task, else its calendar's."""
        if task.elapsed and task_id not in self._summaries:
            return IDENTITY
        return self._calendar_row(task)

    def _calendar_row(self, task: Task) -> int:
        row = self._row_of.get(task.calendar_id)
        if row is None:
            row = self._row_of[task.calendar_id] = self._rows[self._project.task_calendar(task).id]
        return row

    def _pos(self, row: int, day: date) -> int:
        return self._pos_of_day(row, day.toordinal())

    def _pos_of_day(self, row: int, day: int) -> int:
        """Working days of the row before `day` (WorkingTime.pos; every day counts outside the table)."""
        i = day - self._origin
        inside = 0 if i < 0 else min(i, self._length)
        return int(self._cum[row][inside] + i - inside)

    def _day(self, row: int, position: int) -> int:
        """The day of a working-day position (WorkingTime.day)."""
        j = position - self._origin
        inside = 0 if j < 0 else min(j, self._length - 1)
        return int(self._work[row][inside] + j - inside)

    def _reached(self, rows: tuple[int, int, int], finish: int, lag: int) -> int:
        """The successor's start position a predecessor finishing at `finish` gives through `lag`
        (engine._crossings.ScalarCrossings.forward for a finish-to-start link)."""
        source, lag_row, target = rows
        day = self._day(source, finish - 1) + 1  # the day the finish ends at
        if lag:
            day = self._day(lag_row, self._pos_of_day(lag_row, day) + lag - 1) + 1
        return self._pos_of_day(target, day)

    def _largest(self, rows: tuple[int, int, int], finish: int, start: int) -> int:
        """The largest lag whose successor start from `finish` is at most `start`."""
        source, lag_row, target = rows
        ends_at = self._day(source, finish - 1) + 1
        lag = self._pos_of_day(lag_row, self._day(target, start)) - self._pos_of_day(lag_row, ends_at)
        if lag_row == target:
            return lag  # exact: the successor starts on the first of its own working days the lag reaches
        for _ in range(SETTLE_STEPS):
            if self._reached(rows, finish, lag) > start:
                lag -= 1
            elif self._reached(rows, finish, lag + 1) <= start:
                lag += 1
            else:
                break
        return lag
