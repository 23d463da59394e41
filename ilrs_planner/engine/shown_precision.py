"""The precision a task's dates are shown at: computed dates keep the precision of what drives them.

A task announced to the day that waits on a task announced only to the year ('2029') starts on a
date known only to the year: showing it as 2030-01-01 would claim a precision nobody has. So a
task's dates are shown at the coarser of its own precision and that of the task driving it along
its driving chain (engine/driving_chain.py); a summary at the coarser of its own and that of the
sub-task setting its finish. History is known as recorded: a task with actual dates keeps its own.
Resolved lazily and remembered, so a view that shows a few hundred rows of a large plan pays for
those rows' chains only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from itertools import compress, repeat
from operator import is_not

from ..domain import Precision, Project
from ..domain.column_rows import values_of
from .driving_chain import ChainIndex
from .schedule import Schedule

_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.QUARTER: 2, Precision.YEAR: 3}


def coarser(a: Precision, b: Precision) -> Precision:
    """The less precise of two precisions ('year' over 'day')."""
    return a if _RANK[a] >= _RANK[b] else b


class EarlyDates(Mapping[str, tuple[date, date]]):
    """A schedule's early (start, finish) per task, read on demand."""

    def __init__(self, schedule: Schedule):
        self.tasks = schedule.tasks

    def __getitem__(self, task_id: str) -> tuple[date, date]:
        dates = self.tasks[task_id]
        return dates.early_start, dates.early_finish

    def __iter__(self) -> Iterator[str]:
        return iter(self.tasks)

    def __len__(self) -> int:
        return len(self.tasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.tasks


def _reached_from_coarse(project: Project) -> set[str]:
    """Tasks that a task dated coarser than the day can drive, through links (into a summary: its
    sub-tasks too) and from a sub-task up to its summaries. Every other task keeps its own precision."""
    tasks = project.tasks
    # Column-wise through C-level map: a Python loop over 100,000 tasks was paid on every edit.
    todo = list(compress(tasks, map(is_not, values_of(tasks, "precision"), repeat(Precision.DAY))))
    if not todo:
        return set()
    children = project.children_map()
    successors: dict[str, list[str]] = {}
    for link in project.links.values():
        successors.setdefault(link.pred_id, []).append(link.succ_id)
    reached = set(todo)
    while todo:
        tid = todo.pop()
        parent = tasks[tid].parent_id
        driven = _with_descendants(successors.get(tid, []), children)  # a link into a summary drives all under it
        for other in driven + ([parent] if parent is not None else []):  # a summary follows its latest sub-task
            if other not in reached:
                reached.add(other)
                todo.append(other)
    return reached


def _with_descendants(ids: list[str], children: dict[str | None, list[str]]) -> list[str]:
    found, stack = [], list(ids)
    while stack:
        tid = stack.pop()
        found.append(tid)
        stack.extend(children.get(tid, []))
    return found


class ShownPrecision:
    """Task id -> the precision its scheduled dates are shown at (see the module doc)."""

    def __init__(self, project: Project, schedule: Schedule | None):
        self.project, self.schedule = project, schedule
        self.dates = EarlyDates(schedule) if schedule is not None else None
        self.index: ChainIndex | None = None
        self.known: dict[str, Precision] = {}
        # Only a task a coarser date can reach is walked: in a plan dated to the day throughout, none.
        self.reach = _reached_from_coarse(project)

    def of(self, task_id: str) -> Precision:
        """The shown precision of one task."""
        found = self.known.get(task_id)
        if found is not None:
            return found
        if task_id not in self.reach:
            return self.project.tasks[task_id].precision
        path, current = self._path(task_id)
        shown = self.known.get(current, Precision.DAY) if current is not None else Precision.DAY
        for tid in reversed(path):
            shown = self.known[tid] = coarser(self.project.tasks[tid].precision, shown)
        return self.known[task_id]

    def _path(self, task_id: str) -> tuple[list[str], str | None]:
        """The tasks from `task_id` back along the chain until one already known (returned) or the end."""
        path: list[str] = []
        current: str | None = task_id
        while current is not None and current not in self.known and current not in path:
            path.append(current)
            current = self._driver(current)
        return path, current if current in self.known else None

    def _driver(self, task_id: str) -> str | None:
        task = self.project.tasks[task_id]
        if self.dates is None or task_id not in self.dates or task.actual_start or task.actual_finish:
            return None
        if self.index is None:
            self.index = ChainIndex(self.project)
        if task_id in self.index.children:
            return self.index.latest_leaf(self.dates, task_id)
        return self.index.step(self.dates, task_id)[1]
