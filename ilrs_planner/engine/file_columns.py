"""A plan's scheduling inputs as its file's reader read them: columns, not read back from objects.

The reader of a plan file has each task's duration, parent, calendar, elapsed flag, constraint,
deadline and actual dates, and each link's ends, type, lag and elapsed flag, as whole columns (the
ends and parents already as places in the plan's task list) before it builds a Task or Link object
from them. Reading them back attribute by attribute from 300,000 objects scattered over memory,
and finding 500,000 ids' places again, was about 0.45 s of scheduling a 100,000-task plan. A
caller that schedules a plan exactly as it was read (a command that opens a file and prints its
schedule) hands these columns to the scheduler with the plan.

They describe the file, not the objects: once anything may have changed the plan (an edit in the
window, a merge), they are stale and must not be handed over. The scheduler checks their lengths
and runs the checks it runs on objects on them; whenever a value would be refused it reads the
objects instead, so the refusal names the task or link as it always did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import ne
from typing import Any, Protocol

import numpy as np

from ..domain import ConstraintType, LinkType, Project, Task
from ._checks import all_whole
from ._links import TYPE_CODES, flags, refuse_self_links

# The reader hands a link's type as its place in LinkType's order; the scheduler's codes must be those places.
if list(TYPE_CODES.values()) != list(range(len(LinkType))) or list(TYPE_CODES) != list(LinkType):
    raise ImportError("engine.file_columns reads link types in an order the scheduler's codes no longer have")


class InputColumns(Protocol):
    """A plan's scheduling inputs as columns, in the order of `project.tasks` and `project.links`:
    as its file's reader read them (FileColumns) or as kept across edits (kept_columns)."""

    @property
    def calendar_ids(self) -> Sequence[Any]: ...

    def fit(self, project: Project) -> bool: ...
    def duration_days(self) -> np.ndarray | None: ...
    def elapsed_flags(self) -> np.ndarray: ...
    def parents(self) -> np.ndarray: ...
    def bounded_tasks(self) -> list[int]: ...
    def links(self, tasks: Sequence[Task]) -> tuple[np.ndarray, ...] | None: ...


@dataclass(frozen=True, slots=True)
class FileColumns:
    """Columns of one plan as read from its file, in the order of `project.tasks` and `project.links`."""

    parent_places: np.ndarray  # each task's parent as its place among the tasks; the task count for none
    durations: Sequence[Any]
    calendar_ids: Sequence[Any]  # each task's calendar id, None for the plan's default
    task_elapsed: Sequence[Any]  # each task's elapsed flag (0/1)
    # Each task's constraint type as stored ('ASAP' for As Late As Possible too), its ALAP flag (0/1),
    # deadline, actual start and actual finish (None when unset; else dates as stored) and its
    # manually scheduled flag (0/1).
    bound_columns: tuple[Sequence[Any], ...]
    pred: np.ndarray  # each link's predecessor as its place among the tasks
    succ: np.ndarray
    types: Sequence[Any]  # each link's type as its place in LinkType (FS, SS, FF, SF): the scheduler's code
    lags: Sequence[Any]
    elapsed: Sequence[Any]  # each link's elapsed flag (0/1)

    def fit(self, project: Project) -> bool:
        """Do the columns have a row for each task and link of `project` (a cheap guard, not a proof)?"""
        tasks, links = len(project.tasks), len(project.links)
        task_columns = (self.parent_places, self.durations, self.calendar_ids, self.task_elapsed, *self.bound_columns)
        return len(self.bound_columns) == 6 and all(len(column) == tasks for column in task_columns) and \
            len(self.pred) == len(self.succ) == len(self.types) == len(self.lags) == len(self.elapsed) == links

    def duration_days(self) -> np.ndarray | None:
        """Each task's duration (int64), or None when one would be refused (read from the objects,
        the refusal names the task)."""
        durations = list(self.durations)
        return np.fromiter(durations, dtype=np.int64, count=len(durations)) if all_whole(durations) else None

    def elapsed_flags(self) -> np.ndarray:
        """Each task's elapsed flag (bool)."""
        return flags(list(self.task_elapsed))

    def parents(self) -> np.ndarray:
        """Each task's parent's place (int64), -1 at the top level."""
        count = len(self.parent_places)
        return np.where(self.parent_places == count, -1, self.parent_places).astype(np.int64, copy=False)

    def bounded_tasks(self) -> list[int]:
        """Places of the tasks with a constraint (As Late As Possible too), a deadline, an actual date
        or manually scheduled, as _bounds.bounded_tasks finds them; the bounds are read from the tasks."""
        constraint, alap, *dates, manual = self.bound_columns
        found: set[int] = set()
        unsets = ((constraint, ConstraintType.ASAP.value), (alap, 0), *((day, None) for day in dates), (manual, 0))
        for column, unset in unsets:
            if column.count(unset) != len(column):  # the usual case, at C speed (a Repeated column at once)
                found.update(compress(range(len(column)), map(ne, column, repeat(unset))))
        return sorted(found)

    def links(self, tasks: Sequence[Task]) -> tuple[np.ndarray, ...] | None:
        """(pred, succ, type code, lag, elapsed) as link_arrays gives them, or None when a type or
        lag would be refused (read from the objects, the refusal names the link)."""
        count = len(self.pred)
        if not all_whole(list(self.lags)) or not set(self.types) <= set(TYPE_CODES.values()):
            return None
        pred, succ = self.pred.astype(np.int64, copy=False), self.succ.astype(np.int64, copy=False)
        refuse_self_links(pred, succ, tasks)
        code = np.fromiter(self.types, dtype=np.int64, count=count)
        lag = np.fromiter(self.lags, dtype=np.int64, count=count)
        return pred, succ, code, lag, flags(list(self.elapsed))
