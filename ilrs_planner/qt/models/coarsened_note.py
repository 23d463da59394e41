"""What the status bar says when a date typed makes a task read coarser than it did.

A task's dates are shown at one precision, its own: a Finish typed '2031' on a task whose Start was
typed 'Q3 2029' makes the whole task read to the year, its start '2029'. The start is kept (the
Start No Earlier Than 1 July 2029 still holds it, and the Constraint date cell reads 'Q3 2029'), so
the row's '2029' hides nothing the plan lost; the status bar says so, rather than leave the planner
to wonder where the quarter went.
"""

from __future__ import annotations

from ...domain import Precision, Task, format_fuzzy_date
from ...engine.schedule import TaskDates
from .constraint_column import constraint_date_text, constraint_text

_COARSER = {Precision.DAY: 0, Precision.MONTH: 1, Precision.QUARTER: 2, Precision.YEAR: 3}


def coarsened_note(task: Task, before: Precision, typed_finish: bool, dates: TaskDates | None,
                   number: int) -> str | None:
    """"33 'Luna-26 polar orbiter' now reads to the year, as the finish typed: its start, known to the
    quarter (Q3 2029), reads 2029; Start No Earlier Than Q3 2029 kept", or None when it reads no coarser."""
    if dates is None or _COARSER[task.precision] <= _COARSER[before]:
        return None
    end, other = ("finish", "start") if typed_finish else ("start", "finish")
    day = dates.shown_start if typed_finish else dates.shown_finish
    note = (f"{number} '{task.name}' now reads to the {task.precision.value}, as the {end} typed: its {other}, "
            f"known to the {before.value} ({format_fuzzy_date(day, before)}), reads "
            f"{format_fuzzy_date(day, task.precision)}")
    if task.constraint.dated:
        note += f"; {constraint_text(task)} {constraint_date_text(task)} kept"
    return note
