"""References between the parts of a plan: checked before saving and again when reading.

A plan file never holds a link to a missing task, an owner who is not a participant, a parent that
does not exist or a WBS that loops (a task under itself): the engine and the views rely on it. Save
refuses such a plan before it touches the disk, so no file is written that open would refuse.
Baseline entries may name deleted tasks on purpose: a snapshot keeps the history of removed work.

The check numbers the tasks as the file does (rows from 1, in plan order) and finds each link's two
ends and each task's parent by that number: a missing end fails the lookup, and the numbers found
are the ones the rows hold, so the writer takes them from here instead of looking 500,000 ids up a
second time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import is_, lt, not_

from ..domain import Link, PlannerError, Project, Task


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
    parents = [t.parent_id for t in tasks.values()]
    if not set(parents) - tasks.keys() <= {None}:
        task = next(t for t in tasks.values() if t.parent_id is not None and t.parent_id not in tasks)
        raise _task_error(task, f"its parent {task.parent_id} is not in the plan")
    if not {t.owner_id for t in tasks.values()} - participants.keys() <= {None}:
        task = next(t for t in tasks.values() if t.owner_id is not None and t.owner_id not in participants)
        raise _task_error(task, f"its owner {task.owner_id} is not a participant of the plan")
    task_num: dict[str | None, int] = dict(zip(tasks, count(1)))  # in C
    preds, succs = _link_ends(task_num, links)
    places = list(map(task_num.get, parents, repeat(0)))  # a task at the top: place 0, before everything
    loop = None if _parents_come_first(places) else find_parent_loop(dict(zip(tasks, parents)))
    if loop:
        keys = " → ".join(tasks[tid].key for tid in loop + loop[:1])
        raise PlannerError("task.parent_cycle", f"the WBS places tasks under themselves: {keys}", loop)
    return RowNumbers(places, preds, succs)


def _link_ends(task_num: dict[str | None, int], links: Mapping[str, Link]) -> tuple[list[int], list[int]]:
    """The row numbers of every link's predecessor and successor; a link to a task the plan does not
    hold is refused, naming the first such link. (A lookup in a comprehension is a third cheaper than
    `map(task_num.__getitem__, ...)`.)"""
    try:
        return [task_num[k.pred_id] for k in links.values()], [task_num[k.succ_id] for k in links.values()]
    except KeyError:
        link = next(k for k in links.values() if k.pred_id not in task_num or k.succ_id not in task_num)
        end = link.pred_id if link.pred_id not in task_num else link.succ_id
        raise PlannerError("link.unknown_task", f"a dependency names task {end}, which is not in the plan",
                           [link.id, end]) from None


def _parents_come_first(places: list[int]) -> bool:
    """True when every task's parent (all known; `places`: their row numbers) is listed before it:
    then no chain of parents can loop. Plans are nearly always so (a parent is made before its
    children); in C, a third of the cost of `find_parent_loop`, which still decides (and names the
    loop) when this is false."""
    return all(map(lt, places, count(1)))


def _task_error(task: Task, problem: str) -> PlannerError:
    return PlannerError("task.bad_value", f"task '{task.key}' cannot be saved: {problem}", [task.id])
