"""What the window's plan index saw happen to the outline since a mark: the tasks added, removed or
given another parent, so a reader of the whole outline (the link check's graph) can follow those
alone. Listing 100,000 tasks and their parents to compare them with the last list took 8-12 ms.

The index is told of every task added, removed or moved by the commands (see plan_index); a reader
keeps a mark (the index, its journal and how far it had read) and asks for the tasks noted since.
Another index (a plan replaced, or read again), or a journal started afresh, answers None: the
reader compares the whole outline instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..domain import Project
from .plan_index import PlanIndex, made_index

Mark = tuple[PlanIndex, list[str], int]
_ABSENT = object()  # a task not in the plan then


def outline_mark(project: Project) -> Mark | None:
    """Where the plan's index (made already) stands now; None when no index is kept of the plan."""
    index = made_index(project)
    return None if index is None else (index, index.journal, len(index.journal))


def touched_since(project: Project, mark: Mark | None) -> list[str] | None:
    """The tasks added, removed or moved since `mark`, each once; None when the index cannot say."""
    index = made_index(project)
    if mark is None or index is None or mark[0] is not index or mark[1] is not index.journal:
        return None
    return list(dict.fromkeys(index.journal[mark[2]:]))


class ParentsBefore(Mapping[str, "str | None"]):
    """The parents as they were: `now` (a task id -> parent id map brought up to date) seen through
    what `before` held for the tasks that changed (a task absent then is not in this map)."""

    def __init__(self, now: dict[str, str | None], before: dict[str, object]):
        self._now, self._before = now, before

    def __getitem__(self, task_id: str) -> str | None:
        then = self._before.get(task_id, self)
        if then is self:
            return self._now[task_id]
        if then is _ABSENT:
            raise KeyError(task_id)
        return then  # type: ignore[return-value]  # a parent id or None

    def __iter__(self) -> Iterator[str]:
        yield from (tid for tid in self._now if self._before.get(tid) is not _ABSENT)
        yield from (tid for tid, then in self._before.items() if then is not _ABSENT and tid not in self._now)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def follow_parents(project: Project, parent_of: dict[str, str | None],
                   touched: list[str]) -> tuple[ParentsBefore, list[str]]:
    """Bring `parent_of` up to date for the `touched` tasks, in place; (the parents before, the tasks
    added, removed or given another parent)."""
    before = {tid: parent_of.get(tid, _ABSENT) for tid in touched}
    tasks = project.tasks
    for tid in touched:
        task = tasks.get(tid)
        if task is None:
            parent_of.pop(tid, None)
        else:
            parent_of[tid] = task.parent_id
    moved = [tid for tid in touched if before[tid] != parent_of.get(tid, _ABSENT)]
    return ParentsBefore(parent_of, before), moved
