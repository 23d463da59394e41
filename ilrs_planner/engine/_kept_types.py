"""The columns kept of one plan (engine/kept_columns.py) and the reading of its objects they were made from."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..domain import Link, Project, Task

_SERIALS = itertools.count()
LinkColumns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # pred, succ, code, lag, elapsed


@dataclass(frozen=True, slots=True)
class KeptColumns:
    """Checked columns of one plan (see file_columns.InputColumns); arrays never changed once made."""

    parent: np.ndarray  # each task's parent's place, -1 at the top level
    duration: np.ndarray
    calendar_ids: list[Any]
    elapsed: np.ndarray
    bounded: np.ndarray  # the task has a constraint (As Late As Possible too), a deadline or an actual date
    pred: np.ndarray
    succ: np.ndarray
    code: np.ndarray
    lag: np.ndarray
    link_elapsed: np.ndarray
    # The plan as read: its task objects and ids, its link ids, in its order (lists never changed once made).
    tasks: list[Task]
    task_ids: list[str]
    link_ids: list[str]
    # What changed since the columns before (see _kept_bounds): their serial (-1: read afresh), each
    # task's row in them (-1: new; None: every task in its row), and the task rows read again.
    serial: int = dataclasses.field(default_factory=lambda: next(_SERIALS))
    since: int = -1
    old_of_new: np.ndarray | None = None
    reread: np.ndarray | None = None
    position: np.ndarray | None = None  # each task's place among its siblings (its field), for the outline's order

    def __post_init__(self) -> None:
        for column in (self.parent, self.duration, self.elapsed, self.bounded, self.pred, self.succ, self.code,
                       self.lag, self.link_elapsed, self.position):
            if column is not None:
                column.flags.writeable = False  # never changed: the scheduler's kept results know them by identity

    def fit(self, project: Project) -> bool:
        return self.duration.size == len(project.tasks) and self.pred.size == len(project.links)

    def duration_days(self) -> np.ndarray | None:
        return self.duration

    def elapsed_flags(self) -> np.ndarray:
        return self.elapsed

    def parents(self) -> np.ndarray:
        return self.parent

    def bounded_tasks(self) -> list[int]:
        return list(np.flatnonzero(self.bounded).tolist())

    def links(self, tasks: Sequence[Task]) -> tuple[np.ndarray, ...] | None:
        return self.pred, self.succ, self.code, self.lag, self.link_elapsed


@dataclass(frozen=True, slots=True)
class _Reading:
    """The columns and the objects (and ids) they were read from, in plan order.

    Lists of the same objects compare equal at C speed (identity first); an object replaced by an
    equal copy compares equal too, so the reading keeps the objects it holds (kept alive, their
    addresses stay theirs), and the copy is found as a new object once the lists differ.
    """

    tasks: list[Task]
    keys: list[str]  # the tasks' keys in project.tasks
    task_addresses: np.ndarray  # id() of each task object: kept alive by `tasks`, so never reused
    key_addresses: np.ndarray
    key_hashes: np.ndarray
    links: list[Link]
    link_addresses: np.ndarray
    columns: KeptColumns
