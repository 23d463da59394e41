"""Every task's driver after an edit, found again only for the tasks whose driver the edit can have changed.

Finding every task's driver (engine/chain_drivers.py) lays out every (task, link) pair of the plan:
some 150 ms after each edit of a 100,000-task plan with 1% of its dates known only to the year. An
edit that changes no calendar and not the plan's start leaves most drivers as they were. A task's
driver is found from its own early dates, the links into it and into the summaries above it, and
each such link's predecessor's dates (a summary predecessor: the dates of its latest sub-task). So
it can change only for a task

- new to the plan, or whose early start or finish moved;
- under the successor of a link whose predecessor's dates moved (or whose latest sub-task changed);
- the edit named (its fields, its history, its links: a link edit names both its ends), moved to
  another summary, or made a summary or a task, with every task under it (a link into a summary
  holds each task under it);
- whose driver was a task the edit removed.

The drivers kept are carried to the new schedule's rows (a task added or removed shifts the rows
after it), those tasks' found again from their pairs alone, and every summary's read again (its
latest sub-task: one array operation). Past a third of the plan, every driver is found again.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import repeat
from typing import NamedTuple

import numpy as np

from ..domain import Project
from .chain_drivers import NONE, Drivers, drivers_with, fixed_rows, held_by_links
from .chain_ranks import Doubling
from .id_rows import old_rows
from .link_pairs import PairDays, plan_days, plan_pair_days
from .schedule import Schedule
from .shown_precision_columns import OutlineArrays, ScheduleColumns

MOST_FOUND_AGAIN = 1 / 3  # past this share of the tasks, every driver is found again


class KeptDrivers(NamedTuple):
    """Every task's drivers found on one schedule (settled: none left UNDECIDED), with what they were
    found from, for the next edit's."""

    columns: ScheduleColumns
    drivers: Drivers
    history: np.ndarray  # rows with an actual date
    manual: np.ndarray  # manually scheduled rows
    days: PairDays | None  # the tables of the tasks' working days they were found on (None: no link)
    doubling: Doubling | None = None  # the rounds along the drivers (engine/chain_ranks.py), once laid out


class Since(NamedTuple):
    """The edits since drivers were kept: the tasks they named, whether any added, removed or moved a
    task in the outline (`reshaped`), and whether any changed the plan's own fields, its calendars or
    its start (`replanned`: every driver is found again)."""

    named: frozenset[str] = frozenset()
    reshaped: bool = False
    replanned: bool = False


NO_EDITS = Since()


class RowMap(NamedTuple):
    """The rows of one schedule's tasks in another's."""

    old_of_new: np.ndarray  # each new row's old row (-1: a task new to the schedule)
    new_of_old: np.ndarray  # each old row's new row (-1: a task gone)

    def carried(self, rows: np.ndarray) -> np.ndarray:
        """Old rows (NONE kept) as new rows (-1 for a task gone)."""
        return np.where(rows >= 0, self.new_of_old[np.maximum(rows, 0)], rows)


def same_outline(kept: KeptDrivers | None, project: Project, schedule: Schedule,
                 since: Since) -> ScheduleColumns | None:
    """The columns `kept` was found on, when `schedule` has the same tasks in the same rows and outline."""
    if kept is None or since.reshaped or since.replanned or kept.columns.project is not project:
        return None
    before = kept.columns.schedule
    ids_now, ids_before = schedule.tasks.ids(), before.tasks.ids()  # type: ignore[attr-defined]
    if (ids_now is not ids_before and ids_now != ids_before) or before.outline is None \
            or schedule.outline is None or not np.array_equal(schedule.outline, before.outline):
        return None
    return kept.columns


def drivers_found(columns: ScheduleColumns, kept: KeptDrivers | None, since: Since) -> KeptDrivers:
    """Every row's drivers on `columns`' schedule (UNDECIDED where ChainIndex is to find them), found
    again only where they can have changed since `kept` (see the module doc), or all."""
    if kept is None or since.replanned or kept.columns.project is not columns.project:
        history, manual = fixed_rows(columns)
        return _all_found(columns, history, manual, plan_pair_days(columns))
    rows_map = row_map(kept.columns, columns)
    history, manual = _fixed_carried(kept, columns, rows_map, since.named)
    days = _days_carried(kept, columns, rows_map, since.named)
    carried, lost = _drivers_carried(kept.drivers, rows_map)
    rows = rows_to_find_again(kept.columns, columns, rows_map, since.named) | (lost & (columns.outline.size == 1))
    if rows.sum() > MOST_FOUND_AGAIN * len(rows):
        return _all_found(columns, history, manual, days)
    return KeptDrivers(columns, _found_again(carried, columns, rows, (history, manual), days), history, manual, days)


def _all_found(columns: ScheduleColumns, history: np.ndarray, manual: np.ndarray, days: PairDays | None) -> KeptDrivers:
    return KeptDrivers(columns, drivers_with(columns, history, manual, days), history, manual, days)


def _days_carried(kept: KeptDrivers, columns: ScheduleColumns, rows_map: RowMap,
                  named: Collection[str]) -> PairDays | None:
    """The tables of the tasks' working days carried to the new rows, or made again."""
    carried = kept.days.carried(columns, rows_map.old_of_new, named, plan_days(columns)) \
        if kept.days is not None and len(columns.ids) else None
    return carried or plan_pair_days(columns)


def row_map(before: ScheduleColumns, now: ScheduleColumns) -> RowMap:
    """Each task's row in `before`'s schedule and in `now`'s."""
    if now.ids is before.ids or now.ids == before.ids:
        same = np.arange(len(now.ids))
        return RowMap(same, same)
    old_of_new = old_rows(before.ids, now.ids)  # known from the plan's kept columns after most edits
    if old_of_new is None:
        old_of_new = np.fromiter(map(before.rows.get, now.ids, repeat(-1)), np.int64, len(now.ids))
    new_of_old = np.full(len(before.ids), -1, np.int64)
    known = np.flatnonzero(old_of_new >= 0)
    new_of_old[old_of_new[known]] = known
    return RowMap(old_of_new, new_of_old)


def _fixed_carried(kept: KeptDrivers, columns: ScheduleColumns, rows_map: RowMap,
                   named: Collection[str]) -> tuple[np.ndarray, np.ndarray]:
    """The history and manual rows carried over, read again for the tasks named and those new."""
    old = rows_map.old_of_new
    known = old >= 0
    history, manual = np.zeros(len(old), bool), np.zeros(len(old), bool)
    history[known], manual[known] = kept.history[old[known]], kept.manual[old[known]]
    tasks, ids = columns.project.tasks, columns.ids
    for task_id in {*named, *(ids[row] for row in np.flatnonzero(~known).tolist())}:
        row = columns.rows.get(task_id)
        if row is not None and task_id in tasks:
            task = tasks[task_id]
            history[row] = task.actual_start is not None or task.actual_finish is not None
            manual[row] = bool(task.manual)
    return history, manual


def _drivers_carried(drivers: Drivers, rows_map: RowMap) -> tuple[Drivers, np.ndarray]:
    """`drivers` in the new rows (a new task: NONE), and the rows whose driver, or one of whose
    equally late drivers (or summaries read through), is gone."""
    old = rows_map.old_of_new
    known = np.flatnonzero(old >= 0)
    was = drivers.first[old[known]]
    first = np.full(len(old), NONE, np.int64)
    first[known] = rows_map.carried(was)
    lost = np.zeros(len(old), bool)
    lost[known] = (was >= 0) & (first[known] < 0)
    pairs = []
    for rows, others in ((drivers.tied_rows, drivers.tied_drivers), (drivers.via_rows, drivers.via_summaries)):
        rows, others = rows_map.carried(rows), rows_map.carried(others)
        lost[rows[(rows >= 0) & (others < 0)]] = True
        both = (rows >= 0) & (others >= 0)
        pairs += [rows[both], others[both]]
    return Drivers(first, *pairs), lost


def rows_to_find_again(before: ScheduleColumns, now: ScheduleColumns, rows_map: RowMap,
                       named: Collection[str]) -> np.ndarray:
    """The tasks (not summaries) whose driver the edits between two schedules can have changed (module doc)."""
    old = rows_map.old_of_new
    known, at = old >= 0, np.maximum(old, 0)
    dates_before, dates_now = before.schedule.tasks.arrays(), now.schedule.tasks.arrays()  # type: ignore[attr-defined]
    moved = ~known | (dates_before[0][at] != dates_now[0]) | (dates_before[1][at] != dates_now[1])
    was, new = before.outline, now.outline
    event_moved = moved | (was.latest_start[at] != new.latest_start) | (was.latest_finish[at] != new.latest_finish) \
        | (rows_map.carried(was.latest_leaf[at]) != new.latest_leaf)
    parent_before, parent_now = before.schedule.outline, now.schedule.outline
    assert parent_before is not None and parent_now is not None
    reparented = known & ((rows_map.carried(parent_before[at]) != parent_now) | ((was.size[at] > 1) != (new.size > 1)))
    links = now.schedule.links
    assert links is not None
    named_rows = np.array([row for row in map(now.rows.get, named) if row is not None], np.int64)
    rows = _with_rows_under(new, np.concatenate([links.succ[event_moved[links.pred]], named_rows,
                                                 np.flatnonzero(reparented)]))
    rows |= moved
    return np.asarray(rows & (new.size == 1))


def _with_rows_under(outline: OutlineArrays, rows: np.ndarray) -> np.ndarray:
    """Each of `rows` and every row under it, marked (a row may be given more than once)."""
    n = len(outline.size)
    cover = np.zeros(n + 1, np.int64)
    places = outline.where[rows]
    np.add.at(cover, places, 1)
    np.add.at(cover, places + outline.size[rows], -1)
    marked = np.zeros(n, bool)
    marked[outline.order[np.cumsum(cover[:n]) > 0]] = True
    return marked


def _found_again(before: Drivers, columns: ScheduleColumns, rows: np.ndarray,
                 fixed: tuple[np.ndarray, np.ndarray], days: PairDays | None) -> Drivers:
    """`before` with the drivers of `rows` found again (drivers_with's rules, `fixed`: the history and
    manual rows) and every summary's read again."""
    history, manual = fixed
    held, tied_rows, tied_drivers, via_rows, via_summaries = held_by_links(columns, only=rows, days=days)
    outline = columns.outline
    summary = outline.size > 1
    first = before.first.copy()
    first[summary] = outline.latest_leaf[summary]
    first[rows] = NONE
    moved = rows & ~manual & ~history
    first[moved] = held[moved]
    first[history] = NONE
    pairs = []
    for old, new in (((before.tied_rows, before.tied_drivers), (tied_rows, tied_drivers)),
                     ((before.via_rows, before.via_summaries), (via_rows, via_summaries))):
        kept, found = ~rows[old[0]] & ~summary[old[0]], moved[new[0]] & (first[new[0]] >= 0)
        pairs += [np.concatenate([old[0][kept], new[0][found]]), np.concatenate([old[1][kept], new[1][found]])]
    return Drivers(first, *pairs)
