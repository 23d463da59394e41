"""The outline the critical path test's driving chain walks, read from the schedule's own columns.

The chain asks for the links into the few tasks it visits and the children of the summaries they
sit under. Reading them from the plan (every task's parent sorted by position, every link filed by
its successor) cost 0.4 s at 100,000 tasks, once per check, where the chain itself costs little.
The schedule keeps the outline and the links as it read them (Schedule.outline, Schedule.links):
sorted once by parent and by successor (numpy, a few milliseconds), each answer is a slice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from operator import attrgetter

import numpy as np

from ..domain import Link, Project
from .driving_chain import ChainIndex, Outline
from .schedule import Schedule
from .schedule_check_columns import PlanColumns


def chain_index(project: Project, schedule: Schedule, c: PlanColumns, rows: dict[str, int]) -> ChainIndex:
    """An index for driving chains on `project` as `schedule` read it; `rows`: each task's place."""
    return ChainIndex(project, _outline(project, schedule, c, rows))


def _outline(project: Project, schedule: Schedule, c: PlanColumns, rows: dict[str, int]) -> Outline | None:
    if schedule.outline is None or schedule.links is None:
        return None  # a schedule made elsewhere: the index reads the plan
    positions = np.fromiter(map(attrgetter("position"), c.tasks), dtype=np.int64, count=len(c.tasks))
    return _Children(c.ids, schedule.outline, positions, rows), _Into(project, schedule, rows)


class _Children(Mapping[str, list[str]]):
    """Each summary's children in display order (by position; ties in the schedule's order)."""

    def __init__(self, ids: list[str], outline: np.ndarray, positions: np.ndarray, rows: dict[str, int]):
        self.ids, self.rows = ids, rows
        self.order = np.lexsort((positions, outline))  # by parent, then position; stable
        self.parents = outline[self.order]
        self.summaries = {ids[place] for place in np.unique(outline[outline >= 0]).tolist()}

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.summaries

    def __getitem__(self, task_id: str) -> list[str]:
        if task_id not in self.summaries:
            raise KeyError(task_id)
        place = self.rows[task_id]
        low, high = np.searchsorted(self.parents, [place, place + 1]).tolist()
        return [self.ids[row] for row in self.order[low:high].tolist()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.summaries)

    def __len__(self) -> int:
        return len(self.summaries)


class _Into:
    """The links into each task, in the plan's order."""

    def __init__(self, project: Project, schedule: Schedule, rows: dict[str, int]):
        assert schedule.links is not None
        self.links, self.rows, self.ids = project.links, rows, schedule.links.ids
        self.order = np.argsort(schedule.links.succ, kind="stable")
        self.succ = schedule.links.succ[self.order]

    def get(self, task_id: str, default: list[Link], /) -> list[Link]:
        place = self.rows.get(task_id)
        if place is None:
            return default
        low, high = np.searchsorted(self.succ, [place, place + 1]).tolist()
        found = [self.links.get(self.ids[at]) for at in self.order[low:high].tolist()]
        return [link for link in found if link is not None] or default
