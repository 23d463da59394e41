"""Every task's driver after an edit, found again only for the tasks whose driver the edit can have changed.

Finding every task's driver (engine/chain_drivers.py) lays out every (task, link) pair of the plan:
some 150 ms after each edit of a 100,000-task plan with 1% of its dates known only to the year. An
edit that adds, removes or moves no task in the outline and changes no calendar leaves most drivers
as they were. A task's driver is found from its own early dates, the links into it and into the
summaries above it, and each such link's predecessor's dates (a summary predecessor: the dates of its
latest sub-task). So it can change only for a task

- whose early start or finish moved;
- under the successor of a link whose predecessor's dates moved;
- the edit named (its fields, its history, its links: a link edit names both its ends), with every
  task under it when it is a summary (a link into a summary holds each task under it).

Those tasks' drivers are found again from their pairs alone; a summary's is its latest sub-task, read
again for every summary (one array operation). Past a third of the plan, every driver is found again.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

import numpy as np

from ..domain import Project
from .chain_drivers import NONE, Drivers, drivers_with, fixed_rows, held_by_links
from .shown_precision_columns import OutlineArrays, ScheduleColumns

MOST_FOUND_AGAIN = 1 / 3  # past this share of the tasks, every driver is found again


class KeptDrivers(NamedTuple):
    """Every task's drivers found on one schedule (settled: none left UNDECIDED), with what they were
    found from, for the next edit's."""

    columns: ScheduleColumns
    drivers: Drivers
    history: np.ndarray  # rows with an actual date
    manual: np.ndarray  # manually scheduled rows


class Since(NamedTuple):
    """The edits since drivers were kept: the tasks they named, and whether any added, removed or
    moved a task in the outline, or changed the plan's own fields (its calendars, its start)."""

    named: frozenset[str]
    reshaped: bool


def same_rows(kept: KeptDrivers | None, project: Project, schedule: object, since: Since) -> KeptDrivers | None:
    """`kept` when its schedule has the same tasks, in the same rows and outline, as `schedule`."""
    if kept is None or since.reshaped or kept.columns.project is not project:
        return None
    before, now = kept.columns.schedule, schedule
    ids_now, outline_now = now.tasks.ids(), now.outline  # type: ignore[attr-defined]
    ids_before = before.tasks.ids()  # type: ignore[attr-defined]
    if (ids_now is not ids_before and ids_now != ids_before) or before.outline is None \
            or not np.array_equal(outline_now, before.outline):
        return None
    return kept


def drivers_found(columns: ScheduleColumns, kept: KeptDrivers | None, named: Collection[str]) -> KeptDrivers:
    """Every row's drivers on `columns`' schedule (UNDECIDED where ChainIndex is to find them), found
    again only where they can have changed since `kept` (see the module doc), or all."""
    if kept is None:
        return KeptDrivers(columns, *_all(columns))
    history, manual = _fixed_again(kept, columns, named)
    rows = rows_to_find_again(kept, columns, named)
    if rows.sum() > MOST_FOUND_AGAIN * len(rows):
        return KeptDrivers(columns, drivers_with(columns, history, manual), history, manual)
    return KeptDrivers(columns, _found_again(kept.drivers, columns, rows, history, manual), history, manual)


def _all(columns: ScheduleColumns) -> tuple[Drivers, np.ndarray, np.ndarray]:
    history, manual = fixed_rows(columns)
    return drivers_with(columns, history, manual), history, manual


def _fixed_again(kept: KeptDrivers, columns: ScheduleColumns, named: Collection[str]) -> tuple[np.ndarray, np.ndarray]:
    """The history and manual rows, read again for the tasks named."""
    history, manual = kept.history.copy(), kept.manual.copy()
    tasks = columns.project.tasks
    for task_id in named:
        row = columns.rows.get(task_id)
        if row is not None and task_id in tasks:
            task = tasks[task_id]
            history[row] = task.actual_start is not None or task.actual_finish is not None
            manual[row] = bool(task.manual)
    return history, manual


def rows_to_find_again(kept: KeptDrivers, columns: ScheduleColumns, named: Collection[str]) -> np.ndarray:
    """The tasks (not summaries) whose driver the edits since `kept` can have changed (module doc)."""
    before, now = kept.columns.schedule.tasks.arrays(), columns.schedule.tasks.arrays()  # type: ignore[attr-defined]
    moved = (before[0] != now[0]) | (before[1] != now[1])
    old, new = kept.columns.outline, columns.outline
    event_moved = moved | (old.latest_start != new.latest_start) | (old.latest_finish != new.latest_finish) \
        | (old.latest_leaf != new.latest_leaf)
    links = columns.schedule.links
    assert links is not None
    named_rows = [row for row in map(columns.rows.get, named) if row is not None]
    rows = _with_rows_under(new, np.concatenate([links.succ[event_moved[links.pred]], np.array(named_rows, np.int64)]))
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


def _found_again(before: Drivers, columns: ScheduleColumns, rows: np.ndarray, history: np.ndarray,
                 manual: np.ndarray) -> Drivers:
    """`before` with the drivers of `rows` found again (drivers_with's rules) and every summary's read again."""
    held, tied_rows, tied_drivers = held_by_links(columns, only=rows)
    outline = columns.outline
    summary = outline.size > 1
    first = before.first.copy()
    first[summary] = outline.latest_leaf[summary]
    first[rows] = NONE
    moved = rows & ~manual & ~history
    first[moved] = held[moved]
    first[history] = NONE
    kept_ties = ~rows[before.tied_rows]
    new_ties = moved[tied_rows] & (first[tied_rows] >= 0)
    return Drivers(first, np.concatenate([before.tied_rows[kept_ties], tied_rows[new_ties]]),
                   np.concatenate([before.tied_drivers[kept_ties], tied_drivers[new_ties]]))
