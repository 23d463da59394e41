"""Deadlines on the chart, as MS Project draws them: a down-arrow on the task's row at the end of the
deadline's day (a deadline is the end of its day), green when the task finishes by then, red when it
finishes after it (a missed deadline: negative float from it).

Met or missed reads the task's moment, not its point on the day axis: a milestone at 17:00 on the
deadline's day and one at 08:00 the next day stand at the same point (the next day's start), yet the
second comes after the deadline (its float reads -1 d). So a row is judged by the last day a person
reads of it (TaskDates.shown_finish): a milestone at the start of a day falls on that day.

A met deadline lying on its bar's end is drawn small: the roadmap's milestones are announced "by 2035"
and placed on 31 December 2035, and a full arrow on every one of them would crowd the year zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, is_not

import numpy as np

from .scale import TimeScale

ON_END_PX = 4.0  # a met deadline this close to its bar's end is drawn as a small mark


def deadline_ends(tasks: Sequence) -> np.ndarray:
    """Each task's deadline as the ordinal of the end of its day (the next day's start); nan for none."""
    days = list(map(attrgetter("deadline"), tasks))
    ends = np.full(len(days), np.nan)
    for i in np.flatnonzero(np.fromiter(map(is_not, days, repeat(None)), bool, len(days))).tolist():
        ends[i] = days[i].toordinal() + 1
    return ends


def missed(last_day: np.ndarray, deadline: np.ndarray) -> np.ndarray:
    """Rows whose last day (as shown: a milestone at a day's start on that day, at its end on the day
    before) falls after their deadline's day, i.e. on or after the ordinal of its end."""
    return last_day >= deadline  # nan (no deadline) compares False


def deadline_symbols(deadline: np.ndarray, late: np.ndarray) -> set[str]:
    """The legend's keys the rows call for: 'deadline' for one met, 'deadline_missed' for one missed
    (`late`: the rows' deadlines missed, see missed)."""
    has = ~np.isnan(deadline)
    return ({"deadline"} if (has & ~late).any() else set()) | ({"deadline_missed"} if late.any() else set())


@dataclass(frozen=True)
class DeadlineMarks:
    """The deadline arrows of the rows shown: row, x of the deadline's day end, missed, drawn small, and
    the x of the task's finish (a missed deadline's overrun runs from x to it)."""

    rows: np.ndarray
    x: np.ndarray
    missed: np.ndarray
    small: np.ndarray
    finish_x: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)


NO_MARKS = DeadlineMarks(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, bool), np.zeros(0, bool), np.zeros(0))


def deadline_marks(finish: np.ndarray, deadline: np.ndarray, missed_rows: np.ndarray, idx: np.ndarray,
                   scale: TimeScale, width: float, margin: float) -> DeadlineMarks:
    """The marks of rows `idx` whose deadline's day end falls in [-margin, width + margin)
    (`missed_rows`: each row's deadline missed, see missed)."""
    if not len(deadline):
        return NO_MARKS
    ends = deadline[idx]
    keep = ~np.isnan(ends)
    rows, ends = idx[keep], ends[keep]
    x = scale.x_of_ordinals(ends)
    seen = (x >= -margin) & (x <= width + margin)
    rows, x = rows[seen], x[seen]
    late = missed_rows[rows]
    finish_x = scale.x_of_ordinals(finish[rows])
    small = ~late & (np.abs(finish_x - x) < ON_END_PX)
    return DeadlineMarks(rows, x, late, small, finish_x)
