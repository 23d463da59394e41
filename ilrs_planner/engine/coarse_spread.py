"""Every task's shown precision at once (engine/shown_precision.py), walking only where a coarse date goes.

A task's dates are shown at the coarser of its own precision and that of its driver (the task its
driving chain steps back to). So a task's shown precision differs from its own only when its driver
is shown coarser than the day: the work starts at the tasks dated coarser than the day and spreads
to the tasks they can drive, and stops wherever a task turns out to be shown to the day. Walking
every task a coarse date could reach (through any link, binding or not) found the driver of 80% of
a 100,000-task plan with 1% of its tasks dated to the year; this finds it for the tenth that a
coarse date actually drives, and for the tasks next to them.

Each task's value only ever gets coarser, and a task is looked at again whenever a task that can
drive it changes, so the values settle on the rule's answer for a plan whose chains do not loop
(a plan the scheduler accepts).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from ..domain import Precision, Project
from ..domain.column_rows import values_of

_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.QUARTER: 2, Precision.YEAR: 3}
Driver = Callable[[str], "list[str]"]  # a task's drivers: the tasks its driving chain steps back to


def coarser(a: Precision, b: Precision) -> Precision:
    """The less precise of two precisions ('year' over 'day')."""
    return a if _RANK[a] >= _RANK[b] else b


class CoarseSpread:
    """Task id -> shown precision, for the tasks shown coarser than their own precision."""

    def __init__(self, project: Project, children: dict[str, list[str]], driver: Driver):
        self.project, self.children, self.driver = project, children, driver
        self.successors: dict[str, list[str]] = {}
        for pred, succ in zip(values_of(project.links, "pred_id"), values_of(project.links, "succ_id")):
            self.successors.setdefault(pred, []).append(succ)
        self.drivers: dict[str, list[str]] = {}  # each task's drivers, found once
        self.shown: dict[str, Precision] = {}

    def run(self, coarse: list[str]) -> dict[str, Precision]:
        """The shown precisions differing from the tasks' own, spreading from the `coarse` tasks."""
        todo, waiting = deque(coarse), set(coarse)
        for tid in coarse:
            self._wake(tid, todo, waiting)
        while todo:
            tid = todo.popleft()
            waiting.discard(tid)
            new = self.project.tasks[tid].precision
            if tid not in self.drivers:
                self.drivers[tid] = self.driver(tid)
            for driver in self.drivers[tid]:  # every equally late one
                new = coarser(new, self.of(driver))
            if new is not self.of(tid):
                self.shown[tid] = new
                self._wake(tid, todo, waiting)
        return self.shown

    def of(self, task_id: str) -> Precision:
        found = self.shown.get(task_id)
        return found if found is not None else self.project.tasks[task_id].precision

    def _wake(self, task_id: str, todo: deque[str], waiting: set[str]) -> None:
        """Queue every task `task_id` can be the driver of: the tasks its links and its summaries'
        links drive (into a summary: all under it), and its summaries (it may be their latest sub-task)."""
        current: str | None = task_id
        while current is not None:
            if current != task_id:
                _queue(current, todo, waiting)
            stack = list(self.successors.get(current, []))
            while stack:
                other = stack.pop()
                _queue(other, todo, waiting)
                stack.extend(self.children.get(other, []))
            current = self.project.tasks[current].parent_id


def _queue(task_id: str, todo: deque[str], waiting: set[str]) -> None:
    if task_id not in waiting:
        waiting.add(task_id)
        todo.append(task_id)
