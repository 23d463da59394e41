"""The window's plan indexed by parent and by key, kept up to date by the commands that change them.

Finding one task's siblings, or whether a key is taken, read the parent or the key of each of
100,000 tasks scattered in memory: 5-20 ms a time, two or three times in an add, an indent or an
outdent. The window asks for an index of its plan (`keep_index`); the commands that add, delete or
move tasks, or change a key, tell the index what they did (`index_of`), and undo and redo go through
the same commands, so the index follows every edit. The plan is read again when it no longer holds
the tasks the index knows (a merge taken replaces them; a task added by other code changes their
number), and an answer the plan contradicts (a child no longer under the parent it is filed under, a
task no longer bearing its key) is read from the plan instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import compress, count, repeat
from operator import attrgetter, eq
from typing import Any

from ..domain import Project, Task

_PARENT, _KEY = attrgetter("parent_id"), attrgetter("key")


LARGE_ROW = 1_000  # siblings beyond this are read from the plan (see PlanIndex.siblings)
JOURNAL_LENGTH = 10_000  # outline edits noted before the journal starts afresh

class PlanIndex:
    """Each task's place in the plan's order, how many tasks each parent and each key has, and the
    children of the parents asked about. Made column-wise at C speed (a Python step per task took
    0.1-0.3 s); the children of a parent are picked from the plan when first asked for."""

    def __init__(self, project: Project):
        self.tasks = project.tasks  # the dict indexed: a plan given other tasks is read again
        tasks = project.tasks.values()
        self.order = dict(zip(project.tasks, count()))  # ties in position go by this, as in the plan
        self._next = len(self.order)
        self.parents = Counter(map(_PARENT, tasks))  # how many children each parent has
        self.keys = Counter(map(_KEY, tasks))
        self.bearer = dict(zip(map(_KEY, tasks), project.tasks))  # a key's task, when only one has it
        self.children: dict[str | None, set[str]] = {}  # of the parents asked about
        # The tasks added, removed or given another parent since the index was made, in order: a
        # reader of the whole outline follows these alone (outline_since). Started afresh when long.
        self.journal: list[str] = []

    def holds(self, project: Project) -> bool:
        """True while `project` has the tasks dict indexed, with as many tasks as the index knows."""
        return project.tasks is self.tasks and len(self.tasks) == len(self.order)

    def added(self, task: Task) -> None:
        """`task` was put in the plan (last in its order, as a dict puts a new key)."""
        self.order[task.id], self._next = self._next, self._next + 1
        self._note(task.id)
        self._join(task.id, task.parent_id)
        self.keys[task.key] += 1
        self.bearer[task.key] = task.id

    def removed(self, task: Task) -> None:
        """`task` was taken out of the plan."""
        del self.order[task.id]
        self._note(task.id)
        self._leave(task.id, task.parent_id)
        _less(self.keys, task.key)

    def moved(self, task_id: str, before: str | None, after: str | None) -> None:
        """The task's parent changed from `before` to `after`. Every change of a task's parent on an
        indexed plan must be told here: the link check's graph follows the plan by this journal alone."""
        if before != after:
            self._note(task_id)
            self._leave(task_id, before)
            self._join(task_id, after)

    def rekeyed(self, task_id: str, before: str, after: str) -> None:
        """The task's key changed from `before` to `after`."""
        if before != after:
            _less(self.keys, before)
            self.keys[after] += 1
            self.bearer[after] = task_id

    def siblings(self, parent_id: str | None) -> list[str] | None:
        """Children of `parent_id` in display order (by position, ties in plan order); None when
        the plan says otherwise than the index."""
        tasks = self.tasks
        ids = self.children.get(parent_id)
        if ids is None:
            values = tasks.values()
            ids = self.children[parent_id] = set(compress(tasks, map(eq, map(_PARENT, values), repeat(parent_id))))
        if len(ids) > LARGE_ROW:
            return None  # checked and sorted in Python, a row of 100,000 took 0.3 s: the plan's C-speed path 16 ms
        if len(ids) != self.parents.get(parent_id, 0) or any(tasks[tid].parent_id != parent_id for tid in ids):
            del self.children[parent_id]
            return None
        return sorted(ids, key=lambda tid: (tasks[tid].position, self.order[tid]))

    def with_key(self, key: str) -> list[Task] | None:
        """The tasks bearing `key` (None: ask the plan, as when several tasks bear it)."""
        bearers = self.keys.get(key, 0)
        if bearers != 1:
            return [] if not bearers else None
        task = self.tasks.get(self.bearer.get(key, ""))
        return [task] if task is not None and task.key == key else None

    def has_children(self, task_ids: Iterable[str]) -> bool:
        """True when some task of `task_ids` is the parent of some task."""
        return any(self.parents.get(tid) for tid in task_ids)

    def _note(self, task_id: str) -> None:
        if len(self.journal) >= JOURNAL_LENGTH:
            self.journal = []  # a new list: readers holding the old one read the whole outline again
        self.journal.append(task_id)

    def _join(self, task_id: str, parent_id: str | None) -> None:
        self.parents[parent_id] += 1
        if parent_id in self.children:
            self.children[parent_id].add(task_id)

    def _leave(self, task_id: str, parent_id: str | None) -> None:
        _less(self.parents, parent_id)
        if parent_id in self.children:
            self.children[parent_id].discard(task_id)


def _less(counts: Counter[Any], value: object) -> None:
    counts[value] -= 1
    if counts[value] <= 0:
        del counts[value]


class _Kept:
    """The plan the window shows and its index, made when a command first asks for it (one plan
    at a time, as the link check keeps its graph: a plan shown after it takes its place)."""

    plan: Project | None = None
    index: PlanIndex | None = None


def keep_index(project: Project) -> None:
    """Keep an index of `project` for the commands applied to it (the plan a window shows)."""
    _Kept.plan, _Kept.index = project, None


def forget_index() -> None:
    """Keep no index."""
    _Kept.plan = _Kept.index = None


def index_of(project: Project) -> PlanIndex | None:
    """The index of `project` as it stands, or None when no index is kept of it. A command asks
    before it changes the plan, then tells the index what it changed."""
    if _Kept.plan is not project:
        return None
    if _Kept.index is None or not _Kept.index.holds(project):
        _Kept.index = PlanIndex(project)
    return _Kept.index


def made_index(project: Project) -> PlanIndex | None:
    """The index of `project` if one is kept and made already and holds the plan's tasks (never made
    here: a reader that can do without it does not pay for making it)."""
    index = _Kept.index
    return index if _Kept.plan is project and index is not None and index.holds(project) else None
