"""A plan's scheduling inputs kept as columns across its edits, read again only where an edit reached.

Scheduling a 100,000-task plan again after one edit spent most of its time reading the inputs back
from the objects: each task's duration, parent, calendar and flags, each link's ends, type and lag,
and 300,000 ids' places found again (see file_columns). The window keeps one `ColumnKeeper` per
plan; after each edit it names the tasks the edit touched, and the keeper reads again only:

- tasks and links that are new objects in the plan (an added task or link, an undone deletion),
  found by the objects' identity;
- the tasks named, and every link with an end at one of them (an edited link names both its ends);
- a task whose parent, or a link whose end, is no longer in the plan.

Tasks and links gone from the plan are dropped and the places of the rest follow them, so the
columns are those a full reading gives and the schedule is the one the objects give. Whatever the
keeper cannot read as the scheduler would accept it (a parent or link end that is no task's, a
duration or lag that is not whole days, an unknown link type, a link to itself) makes it hand over
nothing: the scheduler then reads the objects, and its refusal names the problem.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from typing import Any

import numpy as np

from ..domain import Link, PlannerError, Project, Task
from ..domain.column_rows import values_of
from ._bounds import bounded_tasks, has_bounds
from ._checks import all_whole
from ._followed import Unreadable, addresses_of, old_places
from ._kept_lists import followed
from ._links import TYPE_CODES, flags, link_arrays
from .task_places import TaskPlaces

_PARENT = attrgetter("parent_id")
_SERIALS = itertools.count()
LinkColumns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # pred, succ, code, lag, elapsed


@dataclass(frozen=True, slots=True)
class KeptColumns:
    """Checked columns of one plan (see file_columns.InputColumns); arrays never changed once made."""

    parent: np.ndarray  # each task's parent's place, -1 at the top level
    duration: np.ndarray
    calendar_ids: list[Any]
    elapsed: np.ndarray
    bounded: np.ndarray  # the task has a constraint (As Late As Possible too), a deadline or an actual date
    pred: np.ndarray
    succ: np.ndarray
    code: np.ndarray
    lag: np.ndarray
    link_elapsed: np.ndarray
    # The plan as read: its task objects and ids, its link ids, in its order (lists never changed once made).
    tasks: list[Task]
    task_ids: list[str]
    link_ids: list[str]
    # What changed since the columns before (see _kept_bounds): their serial (-1: read afresh), each
    # task's row in them (-1: new; None: every task in its row), and the task rows read again.
    serial: int = dataclasses.field(default_factory=lambda: next(_SERIALS))
    since: int = -1
    old_of_new: np.ndarray | None = None
    reread: np.ndarray | None = None

    def __post_init__(self) -> None:
        for column in (self.parent, self.duration, self.elapsed, self.bounded, self.pred, self.succ, self.code,
                       self.lag, self.link_elapsed):
            column.flags.writeable = False  # never changed: the scheduler's kept results know them by identity

    def fit(self, project: Project) -> bool:
        return self.duration.size == len(project.tasks) and self.pred.size == len(project.links)

    def duration_days(self) -> np.ndarray | None:
        return self.duration

    def elapsed_flags(self) -> np.ndarray:
        return self.elapsed

    def parents(self) -> np.ndarray:
        return self.parent

    def bounded_tasks(self) -> list[int]:
        return list(np.flatnonzero(self.bounded).tolist())

    def links(self, tasks: Sequence[Task]) -> tuple[np.ndarray, ...] | None:
        return self.pred, self.succ, self.code, self.lag, self.link_elapsed


@dataclass(frozen=True, slots=True)
class _Reading:
    """The columns and the objects (and ids) they were read from, in plan order.

    Lists of the same objects compare equal at C speed (identity first); an object replaced by an
    equal copy compares equal too, so the reading keeps the objects it holds (kept alive, their
    addresses stay theirs), and the copy is found as a new object once the lists differ.
    """

    tasks: list[Task]
    keys: list[str]  # the tasks' keys in project.tasks
    task_addresses: np.ndarray  # id() of each task object: kept alive by `tasks`, so never reused
    key_addresses: np.ndarray
    key_hashes: np.ndarray
    links: list[Link]
    link_addresses: np.ndarray
    columns: KeptColumns


class ColumnKeeper:
    """The columns of one plan as last read (see the module doc)."""

    def __init__(self) -> None:
        self._last: _Reading | None = None

    def columns(self, project: Project, touched: Collection[str] | None = None,
                relinked: bool = True) -> KeptColumns | None:
        """The plan's columns now, or None when it must be read from its objects. `touched`: the ids
        of every task an edit has named since the last call (every task added, removed or changed);
        None reads the whole plan again. `relinked`: False when no edit since the last call changed
        a link (their ChangeSets said no `links`), so the plan holds the link objects last read.

        When as many tasks are in the plan as last read, and each task named is the object last
        read under its id, the plan holds the tasks last read, in their order: only those named, and
        their links, are read again. Otherwise the lists are compared (see _followed)."""
        if not isinstance(project.tasks, dict) or not isinstance(project.links, dict):
            self._last = None  # a plan read without objects (see column_rows) is never edited
            return None
        last = self._last
        try:
            if last is None or touched is None or len(touched) > max(len(last.tasks) // 8, 64):
                self._last = _read_all(project)
            else:
                self._last = _read_again(last, project, touched, relinked)
        except Unreadable:
            self._last = None
            return None
        return self._last.columns

    def variants(self, touched: Collection[str] | None, relinked: bool, named: set[str]) -> VariantColumns:
        """The columns of copies of the plan each of which differs from it in the tasks `named` alone
        (a bar dragged over the days, previewed), read from this keeper's last reading, which stays
        as it is (readings are never changed): `touched` and `relinked` as `columns` would be given."""
        keeper = ColumnKeeper()
        keeper._last = self._last
        return VariantColumns(keeper, touched, relinked, named)


class VariantColumns:
    """The columns of one copy of a plan after another (see ColumnKeeper.variants): each read from the
    one before, where only the tasks named differ (so the bounds kept follow them, see _kept_bounds)."""

    def __init__(self, keeper: ColumnKeeper, touched: Collection[str] | None, relinked: bool, named: set[str]):
        self._keeper, self._named = keeper, set(named)
        self._touched = None if touched is None else set(touched) | self._named
        self._relinked = relinked

    def __call__(self, variant: Project) -> KeptColumns | None:
        columns = self._keeper.columns(variant, self._touched, self._relinked)
        self._touched, self._relinked = set(self._named), False
        return columns


def _hashes(keys: Sequence[str]) -> np.ndarray:
    return np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))


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
                          pred, succ, code, lag, link_elapsed, tasks, keys, list(project.links))
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
    parent, duration, calendar_ids, elapsed, bounded = _tasks_read_again(task_rows, tasks, places)
    links, link_ids, link_addresses, link_old_of_new = _links_now(last, project, same_links, old_places_named)
    appended = follow is not None and len(follow.objects) - follow.added == len(last.tasks)
    if links is last.links and (new_of_old is None or appended):  # every task kept its row: so do the link ends
        link_columns = _links_in_place(last.columns, links, places, task_rows.named)
    else:
        link_columns = _links_read_again(last.columns, links, link_old_of_new, new_of_old, places, task_rows.named)
    columns = KeptColumns(parent, duration, calendar_ids, elapsed, bounded, *link_columns, tasks, keys, link_ids,
                          since=last.columns.serial, old_of_new=old_of_new,
                          reread=np.array(task_rows.reread, dtype=np.int64))
    return _Reading(tasks, keys, addresses, key_addresses, hashes, links, link_addresses, columns)


_MOST_LINKS_ADDED = 512  # links looked for at the end of the plan's dict before it is listed instead


def _old_rows(last: _Reading, touched: Collection[str]) -> list[int]:
    """The rows the tasks named had in the last reading (those it had)."""
    places = _Places(last.keys, last.key_hashes)
    return sorted({places.of(key) for key in touched} - {-1})


def _links_now(last: _Reading, project: Project, same: bool,
               named: list[int]) -> tuple[list[Link], list[str], np.ndarray, np.ndarray | None]:
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


def _read_in_place(last: _Reading, rows: np.ndarray, replaced: dict[int, Task]) -> _Reading:
    """The columns when the plan holds the task and link objects last read, in their order (or the
    `replaced` ones in their places): only the tasks at these rows, and their links, read again. A
    column none of whose rows read again changed is the one kept (columns are never written to)."""
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
    columns = KeptColumns(*task_columns, *_links_in_place(old, last.links, places, rows), objects, old.task_ids,
                          old.link_ids, since=old.serial, reread=rows)
    return dataclasses.replace(last, tasks=objects, task_addresses=addresses, columns=columns)


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


def _written(column: np.ndarray, rows: np.ndarray, values: list[Any]) -> np.ndarray:
    """The column with these rows set to these values: the same array when none of them changes."""
    new = np.asarray(values, dtype=column.dtype) if values else column[:0]
    if np.array_equal(column[rows], new):
        return column
    column = column.copy()
    column[rows] = new
    return column


def _links_in_place(old: KeptColumns, links: list[Link], places: _Places, named: np.ndarray) -> LinkColumns:
    """The link columns, the same links in the same order: the links at a task named read again."""
    at_named = np.zeros(len(places.keys), dtype=bool)
    at_named[named] = True
    rows = np.flatnonzero(at_named[old.pred] | at_named[old.succ])
    read: list[list[Any]] = [[], [], [], [], []]
    for row in rows.tolist():
        link = links[row]
        ends = places.of(link.pred_id, int(old.pred[row])), places.of(link.succ_id, int(old.succ[row]))
        kind = TYPE_CODES.get(link.type, -1)
        if min(*ends, kind) < 0 or ends[0] == ends[1] or not all_whole([link.lag]):
            raise Unreadable
        for column, value in zip(read, (*ends, kind, link.lag, bool(link.elapsed))):
            column.append(value)
    written = [_written(column, rows, values)
               for column, values in zip((old.pred, old.succ, old.code, old.lag, old.link_elapsed), read)]
    return written[0], written[1], written[2], written[3], written[4]


def _gather(column: np.ndarray, old_of_new: np.ndarray | None) -> np.ndarray:
    """The old column in the new order (a copy); a new row holds any value until it is read."""
    if old_of_new is None:
        return column.copy()
    if column.size == 0:
        return np.zeros(old_of_new.size, dtype=column.dtype)
    return np.asarray(column[old_of_new])


def _moved(places: np.ndarray, new_of_old: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Old task places (-1: none) as new ones, and where a place named a task no longer there."""
    if new_of_old is None:
        return places, np.zeros(places.size, dtype=bool)
    moved = np.asarray(np.where(places >= 0, new_of_old[np.maximum(places, 0)] if new_of_old.size else -1, -1))
    return moved, (places >= 0) & (moved < 0)


class _Places:
    """Task keys to their places, a few at a time, by their hashes (a key asked for need not be the
    same object as the plan's). After a few look-ups a map of every key is made (a few ms at
    100,000 tasks), so that a deletion undone with its hundreds of links, or a paste of thousands of
    tasks and links, does not scan or search the hashes once per end (two numpy searches per end
    were half a second of a paste of 10,000 tasks)."""

    def __init__(self, keys: list[str], hashes: np.ndarray):
        self.keys, self.hashes = keys, hashes
        self._place: dict[str, int] | None = None
        self._asked = 0

    def of(self, key: object, guess: int = -1) -> int:
        """The key's place, -1 when no task has it; `guess`, the place it had, is tried first."""
        if not isinstance(key, str):
            return -1
        if 0 <= guess < len(self.keys) and self.keys[guess] == key:
            return guess
        if self._place is None:
            self._asked += 1
            if self._asked <= 128:  # by then a map costs less than the scans
                found = np.flatnonzero(self.hashes == hash(key)).tolist()
                return next((place for place in found if self.keys[place] == key), -1)
            self._place = dict(zip(self.keys, range(len(self.keys))))
        return self._place.get(key, -1)


@dataclass(slots=True)
class _TaskRows:
    """The task columns in the new order, the rows to read again, the rows of the tasks named."""

    parent: np.ndarray
    duration: np.ndarray
    calendar_ids: list[Any]
    elapsed: np.ndarray
    bounded: np.ndarray
    reread: list[int]
    named: np.ndarray


def _task_rows(columns: KeptColumns, old_of_new: np.ndarray | None, new_of_old: np.ndarray | None,
               places: _Places, touched: Collection[str], named: np.ndarray | None = None) -> _TaskRows:
    parent, orphaned = _moved(_gather(columns.parent, old_of_new), new_of_old)
    if named is None:
        named = np.array(sorted({places.of(key) for key in touched} - {-1}), dtype=np.int64)
    reread = set(named.tolist()) | set(np.flatnonzero(orphaned).tolist())
    calendar_ids = list(columns.calendar_ids)
    if old_of_new is not None:
        reread |= set(np.flatnonzero(old_of_new < 0).tolist())
        if calendar_ids.count(None) == len(calendar_ids):  # the usual case: every task on the plan's calendar
            calendar_ids = [None] * old_of_new.size
        else:
            calendar_ids = list(map(calendar_ids.__getitem__, old_of_new.tolist()))
    return _TaskRows(parent, _gather(columns.duration, old_of_new), calendar_ids,
                     _gather(columns.elapsed, old_of_new), _gather(columns.bounded, old_of_new), sorted(reread), named)


def _tasks_read_again(rows: _TaskRows, tasks: list[Task], places: _Places) -> tuple[Any, ...]:
    """The task columns with the rows to read again read from their objects."""
    for row in rows.reread:
        task = tasks[row]
        parent = -1 if task.parent_id is None else places.of(task.parent_id, int(rows.parent[row]))
        if not all_whole([task.duration]) or (parent < 0 and task.parent_id is not None):
            raise Unreadable
        rows.duration[row], rows.parent[row], rows.calendar_ids[row] = task.duration, parent, task.calendar_id
        rows.elapsed[row], rows.bounded[row] = bool(task.elapsed), has_bounds(task)
    return rows.parent, rows.duration, rows.calendar_ids, rows.elapsed, rows.bounded


def _links_read_again(old: KeptColumns, links: list[Link], old_of_new: np.ndarray | None,
                      new_of_old: np.ndarray | None, places: _Places, named: np.ndarray) -> LinkColumns:
    """The link columns in the new order: new links, links at a task named and links that lost an end read again."""
    pred, pred_lost = _moved(_gather(old.pred, old_of_new), new_of_old)
    succ, succ_lost = _moved(_gather(old.succ, old_of_new), new_of_old)
    code, lag, elapsed = (_gather(column, old_of_new) for column in (old.code, old.lag, old.link_elapsed))
    at_named = np.zeros(len(places.keys) + 1, dtype=bool)  # the extra row: a lost end's -1
    at_named[named] = True
    reread = pred_lost | succ_lost | at_named[pred] | at_named[succ]
    if old_of_new is not None:
        reread |= old_of_new < 0
    for row in np.flatnonzero(reread).tolist():
        link = links[row]
        pred[row], succ[row] = places.of(link.pred_id, int(pred[row])), places.of(link.succ_id, int(succ[row]))
        code[row] = kind = TYPE_CODES.get(link.type, -1)
        if min(pred[row], succ[row], kind) < 0 or pred[row] == succ[row] or not all_whole([link.lag]):
            raise Unreadable
        lag[row], elapsed[row] = link.lag, bool(link.elapsed)
    return pred, succ, code, lag, elapsed
