"""One task's derived dates (TaskDates) and the days a person reads of them, on dates and on columns of day ordinals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..domain.dates import shown_finish, shown_start

# Bits of the day-ends column: the milestone's early (late) moment is the END of the working day
# before its point, as MS Project puts a milestone after a task finishing on Friday at Friday 17:00.
EARLY_AT_DAY_END, LATE_AT_DAY_END = 1, 2
# A summary's moments (engine._summaries.summary_moments), early and late alike: its start is the end
# of the day before (a milestone at Friday 17:00 starts it), its finish the start of its day (a
# milestone at Monday 08:00 ends it, shown Monday), where a task's start and finish are not.
SUMMARY_START_AT_DAY_END, SUMMARY_FINISH_AT_DAY_START = 4, 8


@dataclass(frozen=True, slots=True)
class TaskDates:
    """Early/late dates of one task. Dates are day-exact; finish is exclusive ([start, finish)).

    A milestone is a point: start == finish, the day its moment opens. At the end of a working day
    (`early_at_day_end`, `late_at_day_end`) that point is the day after the day MS Project shows it
    on (a milestone after a task ending on Friday is the point Saturday, shown Friday); at the start
    of a day it is shown on its own day. The `shown_*` properties give the days a person reads.
    """

    early_start: date
    early_finish: date
    late_start: date
    late_finish: date
    total_float: int  # days; negative when a deadline or constraint cannot be met
    free_float: int
    critical: bool
    early_at_day_end: bool = False
    late_at_day_end: bool = False
    summary_moments: int = 0  # SUMMARY_START_AT_DAY_END | SUMMARY_FINISH_AT_DAY_START of a summary

    @property
    def shown_start(self) -> date:
        """The start a person reads (a milestone's day)."""
        return self._start(self.early_start, self.early_finish, self.early_at_day_end)

    @property
    def shown_finish(self) -> date:
        """The last day of work a person reads (a milestone's day)."""
        return self._finish(self.early_start, self.early_finish, self.early_at_day_end)

    @property
    def shown_late_start(self) -> date:
        return self._start(self.late_start, self.late_finish, self.late_at_day_end)

    @property
    def shown_late_finish(self) -> date:
        return self._finish(self.late_start, self.late_finish, self.late_at_day_end)

    def _start(self, start: date, finish: date, at_day_end: bool) -> date:
        return shown_days(start, finish, at_day_end, self.summary_moments)[0]

    def _finish(self, start: date, finish: date, at_day_end: bool) -> date:
        return shown_days(start, finish, at_day_end, self.summary_moments)[1]


def shown_days(start: date, finish: date, at_day_end: bool, summary_moments: int = 0) -> tuple[date, date]:
    """(first day, last day) a person reads of [start, finish): a milestone's day, or a summary's by
    its moments (TaskDates); for dates held apart from a schedule, such as a slip report's."""
    if not summary_moments:
        return shown_start(start, finish, at_day_end), shown_finish(start, finish, at_day_end)
    first = start - timedelta(days=1) if summary_moments & SUMMARY_START_AT_DAY_END else start
    return first, finish if summary_moments & SUMMARY_FINISH_AT_DAY_START else finish - timedelta(days=1)


_SUMMARY_BITS = SUMMARY_START_AT_DAY_END | SUMMARY_FINISH_AT_DAY_START


def shown_finish_ordinals(starts: np.ndarray, finishes: np.ndarray, at_day_end: np.ndarray,
                          day_ends: np.ndarray | int = 0) -> np.ndarray:
    """`TaskDates.shown_finish` on columns of day ordinals: the last day of work, a milestone's day.

    `day_ends`: the table's day-ends column, whose summary bits place a summary's finish (TaskDates).
    """
    summary = np.asarray(day_ends) & _SUMMARY_BITS
    plain = np.where((finishes > starts) | (at_day_end != 0), finishes - 1, finishes)
    return np.asarray(np.where(summary != 0, finishes - ((summary & SUMMARY_FINISH_AT_DAY_START) == 0), plain))


def shown_start_ordinals(starts: np.ndarray, finishes: np.ndarray, at_day_end: np.ndarray,
                         day_ends: np.ndarray | int = 0) -> np.ndarray:
    """`TaskDates.shown_start` on columns of day ordinals (`day_ends` as in shown_finish_ordinals)."""
    summary_end = (np.asarray(day_ends) & SUMMARY_START_AT_DAY_END) != 0
    return np.asarray(np.where(((finishes == starts) & (at_day_end != 0)) | summary_end, starts - 1, starts))

