"""References between the parts of a plan: checked before saving and again when reading.

A plan file never holds a link to a missing task, an owner who is not a participant, a parent that
does not exist or a WBS that loops (a task under itself): the engine and the views rely on it. Save
refuses such a plan before it touches the disk, so no file is written that open would refuse.
Baseline entries may name deleted tasks on purpose: a snapshot keeps the history of removed work.

The check numbers the tasks as the file does (rows from 1, in plan order) and finds each link's two
ends and each task's parent by that number: a missing end is found so, and the numbers found are the
ones the rows hold, so the writer takes them from here instead of looking 500,000 ids up a second time.

A link names its ends, and a task its parent, by the very string object the task's id is: the reader
and the commands hand those on. So ends are first matched by identity, as machine addresses sorted
and searched in numpy (`_IdentityIndex`), which never reads the 500,000 strings; an end that is not
the same object (an equal string made elsewhere, or no task at all) is then looked up by value, so
the result is what a dict of ids would give. A dict lookup per end runs fewer instructions but
took a third longer on a busy machine: each one reads the string's hash, the dict's slot and
entry, and the number, all far apart in memory.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import is_, not_
from typing import Any

import numpy as np

from ..domain import Link, PlannerError, Project, Task
from ..domain.colors import check_color


@dataclass(frozen=True, slots=True)
class RowNumbers:
    """What the check resolved, in the numbers rows refer to each other by."""

    parents: list[int]  # the row number of each task's parent, in plan order; 0 for a task at the top
    preds: list[int]  # the row number of each link's predecessor, in plan order
    succs: list[int]  # ... and of its successor


def find_parent_loop(parent_of: Mapping[str, str | None]) -> list[str] | None:
    """Ids of tasks whose parent chain loops back on itself, or None (every parent known)."""
    # Level by level from the top, over two parallel lists with `map` and `compress` (C speed, no
    # Python step per task): whatever is never reached lies in a loop or under one. Only then walk
    # chains, to name the loop. Past 64 levels the rest is walked too (a loop is still named).
    ids, parents = list(parent_of), list(parent_of.values())
    reached = list(map(is_, parents, repeat(None)))
    for _ in range(64):
        level = set(compress(ids, reached))
        below = list(map(not_, reached))
        ids, parents = list(compress(ids, below)), list(compress(parents, below))
        if not ids or not level:
            break
        reached = list(map(level.__contains__, parents))
    return _walk_for_loop(dict(zip(ids, parents))) if ids else None


def _walk_for_loop(parent_of: Mapping[str, str | None]) -> list[str] | None:
    done: set[str] = set()
    for start in parent_of:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parent_of.get(node)
        if node is not None and node in on_path:
            return path[path.index(node):]
        done.update(path)
    return None


def check_before_save(project: Project) -> RowNumbers:
    """Refuse to save a plan whose parts refer to something it does not hold; returns the row numbers found."""
    tasks, participants, links = project.tasks, project.participants, project.links
    # Set operations first (C speed on 100,000 tasks); a loop names the culprit only on failure. Fields
    # are read in comprehensions: an attribute read in place costs half a call of `attrgetter`.
    for kind, objects in (("task", tasks), ("link", links), ("participant", participants)):
        if list(objects) != [o.id for o in objects.values()]:
            key, obj = next((k, o) for k, o in objects.items() if k != o.id)
            raise PlannerError("store.bad_value", f"cannot save: {kind} {getattr(obj, 'key', key)!r} is "
                               f"filed under id {key} but has id {obj.id}", [key])
    for participant in participants.values():
        check_color(participant.color, f"cannot save: participant {participant.key!r}", participant.id)
    parents = [t.parent_id for t in tasks.values()]
    if not set(parents) - tasks.keys() <= {None}:
        task = next(t for t in tasks.values() if t.parent_id is not None and t.parent_id not in tasks)
        raise _task_error(task, f"its parent {task.parent_id} is not in the plan")
    if not {t.owner_id for t in tasks.values()} - participants.keys() <= {None}:
        task = next(t for t in tasks.values() if t.owner_id is not None and t.owner_id not in participants)
        raise _task_error(task, f"its owner {task.owner_id} is not a participant of the plan")
    index = _IdentityIndex(list(tasks))
    preds, succs = _link_ends(index, links)
    places = index.numbers(parents)  # a task at the top: place 0, before everything
    loop = None if _parents_come_first(places) else find_parent_loop(dict(zip(tasks, parents)))
    if loop:
        keys = " → ".join(tasks[tid].key for tid in loop + loop[:1])
        raise PlannerError("task.parent_cycle", f"the WBS places tasks under themselves: {keys}", loop)
    return RowNumbers(places.tolist(), preds.tolist(), succs.tolist())


class _IdentityIndex:
    """The row number (from 1) of each task id, found for a whole column of names at once."""

    def __init__(self, ids: list[str]):
        self.ids = ids
        addresses = _addresses(ids)
        self.order = np.argsort(addresses)
        self.addresses = addresses[self.order]
        self._by_value: dict[Any, int] | None = None

    def numbers(self, names: Sequence[Any]) -> np.ndarray:
        """The row number of the task each of `names` is the id of; 0 for None and for a name of no task."""
        if not self.ids:
            return np.zeros(len(names), np.int64)
        wanted = _addresses(names)
        at = np.minimum(np.searchsorted(self.addresses, wanted), len(self.ids) - 1)  # past the end: no match
        same = self.addresses[at] == wanted
        numbers = np.where(same, self.order[at] + 1, 0)
        # Not the id object itself: looked up by value. None (a task at the top) is no task's id.
        missed = [i for i in np.flatnonzero(~same).tolist() if names[i] is not None]
        if missed:
            number_of = self.by_value().get
            numbers[missed] = [number_of(names[i], 0) for i in missed]
        return numbers

    def by_value(self) -> dict[Any, int]:
        """Row numbers by id, as equal strings find them."""
        if self._by_value is None:
            self._by_value = dict(zip(self.ids, count(1)))  # in C
        return self._by_value


# Addresses read at a time: reading 200,000 in one call holds Python's lock for some 50 ms, which a
# recovery copy saved on a thread of its own (store/recovery_thread.py) must not do to the window.
_ADDRESSES_AT_ONCE = 16_384


def _addresses(objects: Sequence[Any]) -> np.ndarray:
    """The machine address of each of `objects` (what `id` gives), in order."""
    step = _ADDRESSES_AT_ONCE
    parts = [np.fromiter(map(id, objects[first:first + step]), np.int64, min(step, len(objects) - first))
             for first in range(0, len(objects), step)]
    return np.concatenate(parts) if parts else np.zeros(0, np.int64)


def _link_ends(index: _IdentityIndex, links: Mapping[str, Link]) -> tuple[np.ndarray, np.ndarray]:
    """The row numbers of every link's predecessor and successor; a link to a task the plan does not
    hold is refused, naming the first such link."""
    preds = index.numbers([k.pred_id for k in links.values()])
    succs = index.numbers([k.succ_id for k in links.values()])
    if preds.all() and succs.all():
        return preds, succs
    link = next(k for k, p, s in zip(links.values(), preds, succs) if not (p and s))
    end = link.pred_id if link.pred_id not in index.by_value() else link.succ_id
    raise PlannerError("link.unknown_task", f"a dependency names task {end}, which is not in the plan",
                       [link.id, end])


def _parents_come_first(places: np.ndarray) -> bool:
    """True when every task's parent (all known; `places`: their row numbers) is listed before it:
    then no chain of parents can loop. Plans are nearly always so (a parent is made before its
    children); one comparison of whole columns, where `find_parent_loop` still decides (and names
    the loop) when this is false."""
    return bool((places < np.arange(1, len(places) + 1)).all())


def _task_error(task: Task, problem: str) -> PlannerError:
    return PlannerError("task.bad_value", f"task '{task.key}' cannot be saved: {problem}", [task.id])
