"""Dates typed over history: a task's actual dates are what happened, not a plan to move.

P6 refuses a new start for an activity that has started, and a new finish for one that has finished;
MS Project edits the Actual Start instead. We refuse, saying which actual dates stand and where they
are changed, because a typed date is a plan's date, often to a year ('2025'), and history is known to
the day: taken as an actual date it would invent one, taken as a constraint it would move nothing
(a task with actual dates keeps them) while lowering how precisely the flown task reads.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..domain import PlannerError, Precision, Task

WHERE = "change them in its Task details… (Ctrl+I), Dates tab: Actual start, Actual finish"


def refuse_start_over_history(task: Task) -> None:
    """PlannerError when `task` has started: its start (a milestone's date) is its actual start."""
    if task.actual_start is not None:
        what = "date" if task.duration == 0 else "start"
        raise PlannerError("task.actual_dates", f"{_history(task)}: a {what} typed over them would move "
                           f"nothing; {WHERE}", [task.id])


def refuse_finish_over_history(task: Task) -> None:
    """PlannerError when `task` has finished: its finish is its actual finish."""
    if task.actual_finish is not None:
        raise PlannerError("task.actual_dates", f"{_history(task)}: a finish typed over them would move "
                           f"nothing; {WHERE}", [task.id])


def _history(task: Task) -> str:
    """"'Chang'e 6 far-side sample return' has actual dates 2024-05-03 to 2024-06-25"."""
    start, last = task.actual_start, last_actual_day(task)
    if last is None:
        return f"'{task.name}' started on {start} (its actual start)"
    if start is None or start == last:
        return f"'{task.name}' has its actual date {last}"
    return f"'{task.name}' has actual dates {start} to {last}"


def last_actual_day(task: Task) -> date | None:
    """The last day of work recorded: the stored finish is the day after it (a milestone's own day)."""
    if task.actual_finish is None:
        return None
    return task.actual_finish if task.duration == 0 else task.actual_finish - timedelta(days=1)


def coarsens_history(task: Task, typed: object) -> bool:
    """Would `typed` make a task under way or done read coarser than it does? Its actual start is known
    as recorded: a finish typed '2031' for work started on 2025-08-06 does not make that start read
    '2025'; a day typed for it may make a year-known task read to the day."""
    if task.actual_start is None or not isinstance(typed, Precision):
        return False
    order = list(Precision)  # day, month, quarter, year
    return order.index(typed) > order.index(task.precision)
