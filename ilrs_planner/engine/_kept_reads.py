"""The plan's columns read from its objects: all of them, or after an edit only the rows it reached
(engine/kept_columns.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from itertools import islice
from operator import attrgetter

import numpy as np

from ..domain import Link, PlannerError, Project, Task
from ..domain.column_rows import values_of
from ._bounds import bounded_tasks, has_bounds
from ._checks import all_whole
from ._followed import Unreadable, addresses_of, old_places
from ._kept_inserted import with_inserted
from ._kept_lists import followed
from ._kept_rows import (
    _gather,
    _hashes,
    _links_in_place,
    _links_read_again,
    _Places,
    _positions,
    _task_rows,
    _tasks_read_again,
    _written,
)
from ._kept_types import KeptColumns, _Reading
from ._links import flags, link_arrays
from .task_places import TaskPlaces

_PARENT = attrgetter("parent_id")


def _read_all(project: Project) -> _Reading:
    """Every column, from the objects, as compile_network reads them."""
    tasks, keys, links = list(project.tasks.values()), list(project.tasks), list(project.links.values())
    durations = values_of(tasks, "duration")
    if not all_whole(durations):
        raise Unreadable
    places = TaskPlaces(keys)
    parent_ids = list(map(_PARENT, tasks))
    parent = places.of(parent_ids)
    if int(np.count_nonzero(parent < 0)) != parent_ids.count(None):
        raise Unreadable
    try:
        pred, succ, code, lag, link_elapsed = link_arrays(project, places, tasks)
    except PlannerError:
        raise Unreadable from None
    bounded = np.zeros(len(tasks), dtype=bool)
    bounded[bounded_tasks(tasks)] = True
    columns = KeptColumns(parent, np.fromiter(durations, dtype=np.int64, count=len(tasks)),
                          values_of(tasks, "calendar_id"), flags(values_of(tasks, "elapsed")), bounded,
                          pred, succ, code, lag, link_elapsed, tasks, keys, list(project.links),
                          position=np.fromiter(values_of(tasks, "position"), dtype=np.int64, count=len(tasks)))
    addresses = addresses_of(tasks)
    for objects in (addresses, addresses_of(links)):
        ascending = np.sort(objects)
        if (ascending[1:] == ascending[:-1]).any():  # one object twice: nothing to follow each by
            raise Unreadable
    return _Reading(tasks, keys, addresses, addresses_of(keys), _hashes(keys), links, addresses_of(links), columns)


def _read_again(last: _Reading, project: Project, touched: Collection[str], relinked: bool) -> _Reading:
    """The columns after an edit that named `touched`: the last reading, with the rows it reached read again."""
    in_place = _named_in_place(last, project, touched)
    same_links = not relinked and len(project.links) == len(last.links)
    if in_place is not None and same_links:
        return _read_in_place(last, *in_place)
    if in_place is not None and not in_place[1]:  # the same tasks in their rows, links added or removed
        return _read_in_place(last, in_place[0], {}, _links_now(last, project, False, in_place[0].tolist()))
    named = in_place[0] if in_place is not None and not in_place[1] else None  # a task replaced: followed below
    addresses, key_addresses, hashes = last.task_addresses, last.key_addresses, last.key_hashes
    old_of_new = new_of_old = None  # None: the same tasks in the same order, as after most edits
    old_places_named = _old_rows(last, touched)
    follow = None if named is not None else followed(
        (last.tasks, last.keys, last.task_addresses, last.key_addresses), project.tasks, old_places_named,
        len(touched))
    if named is not None:
        tasks, keys = last.tasks, last.keys
    elif follow is not None:
        tasks, keys = follow.objects, follow.keys
    else:
        tasks, keys = list(project.tasks.values()), list(project.tasks)
    if tasks is last.tasks or (follow is None and tasks == last.tasks and keys == last.keys):
        tasks, keys = last.tasks, last.keys  # see _Reading: the addresses are those of these objects
    else:
        if follow is not None and follow.key_addresses is not None:
            addresses, key_addresses, old_of_new = follow.addresses, follow.key_addresses, follow.old_of_new
        else:
            addresses, key_addresses = addresses_of(tasks), addresses_of(keys)
            old_of_new = old_places(last.task_addresses, addresses)
        kept = old_of_new >= 0
        if not np.array_equal(key_addresses[kept], last.key_addresses[old_of_new[kept]]):
            return _read_all(project)  # a task under another key: its sub-tasks and links name the old one
        hashes = np.where(kept, _gather(last.key_hashes, old_of_new), 0)
        hashes[~kept] = _hashes([keys[i] for i in np.flatnonzero(~kept).tolist()])
        new_of_old = np.full(len(last.tasks), -1, dtype=np.int64)
        new_of_old[old_of_new[kept]] = np.flatnonzero(kept)
    places = _Places(keys, hashes)
    task_rows = _task_rows(last.columns, old_of_new, new_of_old, places, touched)
    if len(task_rows.reread) > max(len(tasks) // 4, 64):
        return _read_all(project)
    parent, duration, calendar_ids, elapsed, bounded, position = _tasks_read_again(task_rows, tasks, places)
    links, link_ids, link_addresses, link_old_of_new = _links_now(last, project, same_links, old_places_named)
    appended = follow is not None and len(follow.objects) - follow.added == len(last.tasks)
    if links is last.links and (new_of_old is None or appended):  # every task kept its row: so do the link ends
        link_columns = _links_in_place(last.columns, links, places, task_rows.named)
    else:
        link_columns = _links_read_again(last.columns, links, link_old_of_new, new_of_old, places, task_rows.named)
    columns = KeptColumns(parent, duration, calendar_ids, elapsed, bounded, *link_columns, tasks, keys, link_ids,
                          since=last.columns.serial, old_of_new=old_of_new,
                          reread=np.array(task_rows.reread, dtype=np.int64), position=position)
    return _Reading(tasks, keys, addresses, key_addresses, hashes, links, link_addresses, columns)


_MOST_LINKS_ADDED = 512  # links looked for at the end of the plan's dict before it is listed instead


def _old_rows(last: _Reading, touched: Collection[str]) -> list[int]:
    """The rows the tasks named had in the last reading (those it had)."""
    places = _Places(last.keys, last.key_hashes)
    return sorted({places.of(key) for key in touched} - {-1})


LinksNow = tuple[list[Link], list[str], np.ndarray, np.ndarray | None]


def _links_now(last: _Reading, project: Project, same: bool, named: list[int]) -> LinksNow:
    """(links, their ids, their addresses, each one's row before or None when all kept in place): followed
    from the links at the tasks named (see _kept_lists), else listed and compared."""
    if same:
        return last.links, last.columns.link_ids, last.link_addresses, None
    at_named = np.zeros(len(last.keys), dtype=bool)
    at_named[named] = True
    old = last.columns
    candidates = np.flatnonzero(at_named[old.pred] | at_named[old.succ]).tolist() if old.pred.size else []
    follow = followed((last.links, old.link_ids, last.link_addresses, None), project.links,
                      candidates, _MOST_LINKS_ADDED)
    if follow is not None:
        return follow.objects, follow.keys, follow.addresses, follow.old_of_new
    links = list(project.links.values())
    if links == last.links:
        return last.links, old.link_ids, last.link_addresses, None
    inserted = with_inserted(last.links, links, last.link_addresses)  # a deletion's links put back
    if inserted is not None:
        return inserted[0], list(project.links), inserted[1], inserted[2]
    link_addresses = addresses_of(links)
    return links, list(project.links), link_addresses, old_places(last.link_addresses, link_addresses)


def _named_in_place(last: _Reading, project: Project,
                    touched: Collection[str]) -> tuple[np.ndarray, dict[int, Task]] | None:
    """The rows of the tasks named when the plan holds the task objects last read, in their order
    (see ColumnKeeper.columns), with the objects put in the place of some of those named (a copy of
    the plan with its tasks edited, see VariantColumns), else None.

    A task deleted and put back is the same object under its id, at the dict's end: the dict's last
    entries, one more than the tasks named, are the last reading's last ones when none moved there."""
    if len(project.tasks) != len(last.tasks):
        return None
    tail = list(islice(reversed(project.tasks.items()), len(touched) + 1))
    if any(key != last.keys[-1 - k] or (task is not last.tasks[-1 - k] and key not in touched)
           for k, (key, task) in enumerate(tail)):
        return None
    places = _Places(last.keys, last.key_hashes)
    named, replaced = [], {}
    for key in touched:
        row = places.of(key)
        task = project.tasks.get(key)
        if row < 0 or task is None:
            return None
        if task is not last.tasks[row]:
            replaced[row] = task
        named.append(row)
    return np.array(sorted(named), dtype=np.int64), replaced


def _read_in_place(last: _Reading, rows: np.ndarray, replaced: dict[int, Task],
                   links_now: LinksNow | None = None) -> _Reading:
    """The columns when the plan holds the task and link objects last read, in their order (or the
    `replaced` ones in their places): only the tasks at these rows, and their links, read again. A
    column none of whose rows read again changed is the one kept (columns are never written to), so
    what the scheduler keeps by a column's identity holds after a link is made or removed. `links_now`:
    the links when some were added or removed (see _links_now), their columns carried to their places."""
    places = _Places(last.keys, last.key_hashes)
    old = last.columns
    objects, addresses = _put_in_place(last, replaced)
    tasks = [objects[row] for row in rows.tolist()]
    parents = [-1 if task.parent_id is None else places.of(task.parent_id, int(old.parent[row]))
               for task, row in zip(tasks, rows.tolist())]
    if not all_whole([task.duration for task in tasks]) or \
            any(p < 0 and task.parent_id is not None for p, task in zip(parents, tasks)):
        raise Unreadable
    calendar_ids = old.calendar_ids
    if any(calendar_ids[row] is not task.calendar_id for row, task in zip(rows.tolist(), tasks)):
        calendar_ids = list(calendar_ids)
        for row, task in zip(rows.tolist(), tasks):
            calendar_ids[row] = task.calendar_id
    task_columns = (_written(old.parent, rows, parents), _written(old.duration, rows, [t.duration for t in tasks]),
                    calendar_ids, _written(old.elapsed, rows, [bool(t.elapsed) for t in tasks]),
                    _written(old.bounded, rows, [has_bounds(t) for t in tasks]))
    links, link_ids, link_addresses, link_old_of_new = \
        links_now or (last.links, old.link_ids, last.link_addresses, None)
    link_columns = _links_in_place(old, links, places, rows) if link_old_of_new is None else \
        _links_read_again(old, links, link_old_of_new, None, places, rows)
    columns = KeptColumns(*task_columns, *link_columns, objects, old.task_ids, link_ids, since=old.serial, reread=rows,
                          position=_written(_positions(old), rows, [t.position for t in tasks]))
    return dataclasses.replace(last, tasks=objects, task_addresses=addresses, links=links,
                               link_addresses=link_addresses, columns=columns)


def _put_in_place(last: _Reading, replaced: dict[int, Task]) -> tuple[list[Task], np.ndarray]:
    """The tasks and their addresses with the `replaced` objects in their rows (the lists last read
    when none is); Unreadable when one of them is in the plan at another row too."""
    if not replaced:
        return last.tasks, last.task_addresses
    tasks, addresses = list(last.tasks), last.task_addresses.copy()
    for row, task in replaced.items():
        if bool((addresses == id(task)).any()):
            raise Unreadable  # one object twice: nothing to follow each by
        tasks[row], addresses[row] = task, id(task)
    return tasks, addresses
