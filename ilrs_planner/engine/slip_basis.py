"""What a task's variance rests on (its basis): a recorded change, the planner's own, or modelling.

Only a real change of plan is a slip, so every variance says what it rests on:
    sourced    a recorded change: the current dates come from a source (an announcement, work recorded
               as done, the status date's forecast of late work), or both sides are recorded baselines;
    planned    the planner's own change: the move started at a date the planner set (confidence
               `assumption`, which typing or dragging a date states) and no statement newer than the
               baseline gave it, or at a task that cites no source (its dates are all the plan's own);
               a change of plan, so a slip, but not an announced one;
    modelling  the current dates are the plan's own modelling (confidence inferred: a spread or a
               duration no source gives) and no statement newer than the baseline moved them (the
               task's source date is not after the baseline's "as of"), so the variance is not a slip.
               So is a move within the period a date was announced to ("2026": 1 January then,
               11 February now): the day inside the year is the plan's.
A task pushed by another's move rests on what moved it: its variance takes the basis of the moved task
driving it (along today's driving chain, engine/driving_chain.py), whatever its own label. Chang'e 8
typed two years later gives every task it pushes one basis, and a sourced milestone pushed past its
announcement is not called sourced.
"""

from __future__ import annotations

from datetime import date

from ..domain import Confidence, Precision, Project, Task, format_fuzzy_date, shown_finish
from .driving_chain import ChainIndex
from .slip_rows import MODELLING, PLANNED, SOURCED, Version

_MODELLED = (Confidence.INFERRED, Confidence.ASSUMPTION)


def variance_basis(task: Task, before: Version, after: Version, old: tuple[date, date],
                   new: tuple[date, date]) -> str:
    """What the task's own move of `after` against `before` rests on, leaving aside what drives it
    (see VarianceCauses): SOURCED; PLANNED for a date the planner set (an assumption) and no newer statement;
    MODELLING for an inference no newer statement moved, or for both versions in one announced period.
    A task that cites no source and states no confidence has only the plan's own dates: its move is
    PLANNED, whatever recorded it (there is no source for "sourced" to name)."""
    if not task.source_url and task.confidence is None:
        modelled = after.is_current and task.actual_finish is None and _same_announced_period(task, old, new)
        return MODELLING if modelled else PLANNED
    if not after.is_current or task.actual_finish is not None:
        return SOURCED  # two recorded plans, or what happened (work under way still ends as modelled)
    if _same_announced_period(task, old, new):
        return MODELLING
    newer = task.source_date is not None and before.as_of is not None and task.source_date > before.as_of
    if task.confidence in _MODELLED and not newer:
        return PLANNED if task.confidence is Confidence.ASSUMPTION else MODELLING
    return SOURCED


class VarianceCauses:
    """Each moved task's basis: that of the moved task driving it, else its own (variance_basis)."""

    def __init__(self, project: Project, before: Version, after: Version):
        self.project, self.before, self.after = project, before, after
        self.index: ChainIndex | None = None
        self.known: dict[str, str] = {}

    def basis(self, task_id: str) -> str:
        """The basis of the task's variance (the task has dates on both sides, and they differ)."""
        path: list[str] = []
        current: str | None = task_id
        while current is not None and current not in self.known and current not in path:
            path.append(current)
            current = self._moved_driver(current)
        found = self.known.get(current) if current is not None else None
        for tid in reversed(path):
            found = self.known[tid] = found or self._own(tid)
        return self.known[task_id]

    def _own(self, task_id: str) -> str:
        task = self.project.tasks[task_id]
        basis = variance_basis(task, self.before, self.after, self.before.dates[task_id], self.after.dates[task_id])
        if basis == PLANNED and task.confidence is Confidence.ASSUMPTION and self._held_by_status_date(task_id):
            return MODELLING  # an assumption waiting for its work to be recorded: the plan's modelling, as ever
        return basis

    def _chain(self) -> ChainIndex:
        """The plan's link index, built on first use: most moves are explained without it."""
        if self.index is None:
            self.index = ChainIndex(self.project)
        return self.index

    def _held_by_status_date(self, task_id: str) -> bool:
        """Started by the status date (only the current plan is forecast from it)."""
        if not self.after.is_current or task_id in self._chain().children:
            return False
        return self._chain().step(self.after.dates, task_id)[0].startswith("status date")

    def _moved_driver(self, task_id: str) -> str | None:
        """The task whose date drives this one's now, when that task moved too (None: the move is its own)."""
        task = self.project.tasks[task_id]
        old, new = self.before.dates[task_id], self.after.dates[task_id]
        if not self.after.is_current or task.actual_finish is not None or _same_announced_period(task, old, new):
            return None  # two recorded plans, what happened, or no move of the task at all
        dates, chain = self.after.dates, self._chain()
        if task_id in chain.children:  # a summary ends with its latest sub-task
            driver = chain.latest_leaf(dates, task_id)
        elif old[0] == new[0]:
            return None  # its start stayed: its own duration moved its finish, not what drives its start
        else:
            driver = chain.step(dates, task_id)[1]
        if driver is None or driver not in dates or driver not in self.before.dates:
            return None
        return driver if self.before.dates[driver] != dates[driver] else None


def _same_announced_period(task: Task, old: tuple[date, date], new: tuple[date, date]) -> bool:
    """Start and last day each in the same period the task is announced to ('2026', 'Q3 2029')."""
    if task.precision is Precision.DAY:
        return False

    def periods(dates: tuple[date, date]) -> tuple[str, str]:
        return (format_fuzzy_date(dates[0], task.precision),
                format_fuzzy_date(shown_finish(*dates), task.precision))
    return periods(old) == periods(new)
