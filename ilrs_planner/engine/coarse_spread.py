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
from .driver_walk import Node, SummaryEnd

_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.QUARTER: 2, Precision.YEAR: 3}
Driver = Callable[[Node], "list[Node]"]  # a task's drivers: the tasks its driving chain steps back to


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
        self.drivers: dict[Node, list[Node]] = {}  # each task's drivers, found once
        self.shown: dict[Node, Precision] = {}  # a task's, or a summary's end's (engine/driver_walk.py)

    def run(self, coarse: list[str]) -> dict[str, Precision]:
        """The shown precisions differing from the tasks' own, spreading from the `coarse` tasks."""
        todo: deque[Node] = deque(coarse)
        waiting: set[Node] = set(coarse)
        for task_id in coarse:
            self._wake(task_id, todo, waiting)
        while todo:
            tid = todo.popleft()
            waiting.discard(tid)
            new = self._own(tid)
            if tid not in self.drivers:
                self.drivers[tid] = self.driver(tid)
            for driver in self.drivers[tid]:  # every equally late one
                new = coarser(new, self.of(driver))
            if new is not self.of(tid):
                self.shown[tid] = new
                self._wake(tid, todo, waiting)
        return {tid: p for tid, p in self.shown.items() if isinstance(tid, str)}

    def of(self, node: Node) -> Precision:
        found = self.shown.get(node)
        return found if found is not None else self._own(node)

    def _own(self, node: Node) -> Precision:
        return Precision.DAY if isinstance(node, SummaryEnd) else self.project.tasks[node].precision

    def _wake(self, node: Node, todo: deque[Node], waiting: set[Node]) -> None:
        """Queue every node `node` can be the driver of: the tasks its links drive (into a summary: all
        under it) and its summary's end (it may finish with it); a summary's end: the summary too. A
        summary itself drives nothing: what follows it, and its own summary, read its end (so a change
        climbs the outline a level at a time, not every level above at each change)."""
        task_id = node.summary if isinstance(node, SummaryEnd) else node
        if isinstance(node, SummaryEnd):
            _queue(task_id, todo, waiting)
        parent = self.project.tasks[task_id].parent_id
        if parent is not None:
            _queue(SummaryEnd(parent), todo, waiting)
        stack = list(self.successors.get(task_id, []))
        while stack:
            other = stack.pop()
            _queue(other, todo, waiting)
            stack.extend(self.children.get(other, []))


def _queue(task_id: Node, todo: deque[Node], waiting: set[Node]) -> None:
    if task_id not in waiting:
        waiting.add(task_id)
        todo.append(task_id)
