"""The outline the critical path test's driving chain walks, read from the schedule's own columns.

The chain asks for the links into the few tasks it visits and the children of the summaries they
sit under. Reading them from the plan (every task's parent sorted by position, every link filed by
its successor) cost 0.4 s at 100,000 tasks, once per check, where the chain itself costs little.
The schedule keeps the outline and the links as it read them (Schedule.outline, Schedule.links):
sorted once by parent and by successor (numpy, a few milliseconds), each answer is a slice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
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
    return OutlineChildren(c.ids, schedule.outline, positions, rows), LinksIntoRows(project, schedule, rows)


class OutlineChildren(Mapping[str, list[str]]):
    """Each summary's children in display order (by position; ties in the schedule's order)."""

    def __init__(self, ids: list[str], outline: np.ndarray, positions: np.ndarray, rows: dict[str, int]):
        self.ids, self.rows, self.outline, self.positions = ids, rows, outline, positions

    # All made when first asked: the shown precisions after an edit read at most the order (the
    # summaries, bounds and lists cost 8-10 ms at 100,000 tasks, for the few chain steps left to
    # ChainIndex), and none of it when the outline in order is patched from the one before.
    @cached_property
    def order(self) -> np.ndarray:
        """The rows by parent, then position; ties in row order."""
        return np.lexsort((self.positions, self.outline))

    @cached_property
    def parents(self) -> np.ndarray:
        parents: np.ndarray = self.outline[self.order]
        return parents

    @cached_property
    def summaries(self) -> set[str]:
        ids, outline = self.ids, self.outline
        return {ids[place] for place in np.unique(outline[outline >= 0]).tolist()}

    @cached_property
    def bounds(self) -> list[int]:
        """Row r's children are at bounds[r + 1]:bounds[r + 2] of the order (the top level's at bounds[0]:bounds[1]),
        as a Python list: a numpy search per question cost more than the answer at thousands of questions."""
        bounds: list[int] = np.searchsorted(self.parents, np.arange(-1, len(self.ids) + 1)).tolist()
        return bounds

    @cached_property
    def row_order(self) -> list[int]:
        rows: list[int] = self.order.tolist()
        return rows

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.summaries

    def __getitem__(self, task_id: str) -> list[str]:
        if task_id not in self.summaries:
            raise KeyError(task_id)
        place = self.rows[task_id]
        return [self.ids[row] for row in self.row_order[self.bounds[place + 1]:self.bounds[place + 2]]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.summaries)

    def __len__(self) -> int:
        return len(self.summaries)


class LinksIntoRows:
    """The links into each task, in the plan's order."""

    def __init__(self, project: Project, schedule: Schedule, rows: dict[str, int]):
        assert schedule.links is not None
        self.links, self.rows, self.ids = project.links, rows, schedule.links.ids
        order = np.argsort(schedule.links.succ, kind="stable")
        # The links into row r are at bounds[r]:bounds[r + 1] of the order (see OutlineChildren.bounds).
        self.bounds = np.searchsorted(schedule.links.succ[order], np.arange(len(rows) + 1)).tolist()
        self.order = order.tolist()

    def get(self, task_id: str, default: list[Link], /) -> list[Link]:
        place = self.rows.get(task_id)
        if place is None:
            return default
        found = [self.links.get(self.ids[at]) for at in self.order[self.bounds[place]:self.bounds[place + 1]]]
        return [link for link in found if link is not None] or default
