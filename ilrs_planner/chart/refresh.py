"""Bringing the chart's arrays up to date after an edit by redoing only the rows it moved.

Rebuilding every array of a 100,000-row chart after one edit cost 0.3-0.45 s. An edit changes a
run of rows (added, deleted, unfolded), the rows it touched, and the rows whose dates the
schedule moved; every other row keeps its arrays. The result equals a fresh build_chart_data
(tests/chart/test_refresh.py compares every array after each kind of edit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..domain import Precision, Project
from ..engine.schedule import EARLY_AT_DAY_END, Schedule, TaskTable, shown_finish_ordinals
from ..engine.shown_precision import ShownPrecision
from .data import ChartData, id_hashes
from .deadlines import missed
from .list_ends import agreeing_ends
from .phases import on_chains, phase_bands, phase_tasks
from .refresh_links import refresh_links
from .rollup_rows import rollups_of
from .row_arrays import row_arrays
from .row_inputs import RowInputs, RowSource
from .schedule_move import ScheduleMove

# Per-row arrays, each spliced and patched the same way.
ROW_ARRAYS = ("start", "finish", "kind", "critical", "actual", "color", "soft0", "soft1", "ghost0", "ghost1",
              "whisker0", "whisker1", "key", "confidence", "done_until", "symbols", "slip_words",
              "slip_counted", "deadline", "deadline_late")
# Beyond this many rows to redo, one whole build costs no more.
MOST_ROWS = 0.25


@dataclass(frozen=True)
class Edits:
    """What the edits since the arrays were built touched (their ChangeSets, merged)."""

    task_ids: frozenset[str] = frozenset()
    links: bool = False  # links added, removed or changed

    def __or__(self, other: Edits) -> Edits:
        return Edits(self.task_ids | other.task_ids, self.links or other.links)


def refresh_chart_data(old: ChartData, project: Project, schedule: Schedule | None, rows: list[str],
                       edits: Edits, *, baseline: str | None = None, whiskers: dict | None = None,
                       highlight: dict[str, str] | None = None, current: bool = False,
                       shown: ShownPrecision | None = None) -> ChartData | None:
    """`old` brought up to date for `rows` after `edits`; None when only a whole build will do
    (no schedule columns to compare with, colours reassigned, or most rows moved). `old` is used
    up: its lists and arrays become the new arrays' where they can (copying 100,000 tasks and
    labels, scattered in memory, cost more than the rest of a renaming). `current`: the caller
    derived `schedule` from `project` as it is now (see add_links). `shown`: the shown precisions of
    `project` as `schedule` dates it, when the caller keeps them (else found here)."""
    source = old.source
    table = schedule.tasks if schedule is not None else None
    if source is None or source.places is None or not isinstance(table, TaskTable):
        return None
    first, last = agreeing_ends(old.task_ids, rows)
    middle = rows[first:len(rows) - last]
    if _shows_deleted(old, project, edits, middle, (first, last)):
        return None  # rows not yet told of a deletion: the tree's new rows follow
    # The tallies follow the touched tasks (they belong to the new arrays from here on).
    summaries_flipped = source.parents.update(project, edits.task_ids) - {None}
    owners_flipped = source.owners.update(project, edits.task_ids)
    inputs = RowInputs.of(project, schedule, baseline=baseline, whiskers=whiskers, highlight=highlight,
                          summaries=source.parents.values() - {None} if summaries_flipped else source.summaries,
                          shown=_shown(project, schedule, source, edits) if shown is None else shown,
                          owner_color=None if owners_flipped else source.owner_color)
    if inputs.colors != old.colors:
        return None
    if inputs.baseline is not None and source.coarse != (inputs.shown is not None):
        return None  # the plan's first coarse date came or its last went: every baseline's precision reads anew
    inputs.pushed_before = bool(old.pushed)
    moved = ScheduleMove(source.schedule_ids, table, table is source.table)
    n_old = len(old)
    kept = moved.places(_spliced(source.places, first, last, source.places[:0]),
                        lambda i: old.task_ids[i if i < first else i + n_old - last - first])
    places = _spliced(kept, first, len(kept) - first, moved.find(middle))
    if len(places) and places.min() < 0:
        return None  # a row the schedule lacks: read task by task in a whole build
    # Rows drawn pushed are read again: what pushed them may have changed its confidence, not their dates.
    stale = _stale_rows(old, inputs, source, rows, places, table, edits.task_ids | summaries_flipped | old.pushed,
                        first, len(middle))
    if len(stale) > MOST_ROWS * len(rows) + 64:
        return None
    tasks = source.tasks  # spliced in place: the rows around the run keep their tasks
    tasks[first:n_old - last] = [project.tasks[tid] for tid in middle]
    data = _patched(old, inputs, rows, tasks, places, (first, last), stale)
    if first == len(rows) == len(old):
        data._row_of = old._row_of  # the same rows: the same index, made once
    if old._row_hashes is not None:
        data._row_hashes = _spliced(old._row_hashes, first, last, id_hashes(middle))
    data.rollups = rollups_of(project, schedule, data, inputs.summaries, inputs.owner_color, inputs.color_index, tasks,
                              places)
    link_count = refresh_links(data, old, project, schedule, places, edits.links, (first, last), current)
    phases = phase_tasks(project) if _phases_may_reorder(project, source, edits) else source.phase_tasks
    phase_ids = [task.id for task in phases]
    phase_places = (moved.find(phase_ids) if phases is not source.phase_tasks or source.phase_places is None
                    else moved.places(source.phase_places, phase_ids.__getitem__))
    data.phases = (old.phases if phases is source.phase_tasks and _same_dates(source, phase_places, table)
                   else phase_bands(project, schedule, phases, phase_places))
    data.source = RowSource(tasks, places, moved.after, inputs.summaries, inputs.shown is not None,
                            phases, on_chains(project, phases) if phases is not source.phase_tasks
                            else source.phase_chains, source.parents, source.owners, inputs.owner_color,
                            phase_places, table, link_count, inputs.shown_other())
    return data


def _shows_deleted(old: ChartData, project: Project, edits: Edits, middle: list[str], ends: tuple[int, int]) -> bool:
    """True when the rows show a task the edits deleted: among the new run of rows, or among the
    rows kept from `old` (found by their hashes; asking each of 100,000 rows cost 3 ms)."""
    gone = {tid for tid in edits.task_ids if tid not in project.tasks}
    n_rows = ends[0] + len(middle) + ends[1]
    return bool(gone) and (any(map(gone.__contains__, middle)) or bool(_kept_rows(old, gone, *ends, n_rows)))


def _shown(project: Project, schedule: Schedule | None, source: RowSource, edits: Edits) -> ShownPrecision | bool:
    """The shown precisions (False: every task at its own): found again unless no task was coarse
    and the edits made none coarse (the usual plan dated to the day needs no walk)."""
    coarse = any(project.tasks[tid].precision is not Precision.DAY for tid in edits.task_ids if tid in project.tasks)
    if not source.coarse and not coarse:
        return False
    return ShownPrecision(project, schedule)


def _shown_elsewise(before: Mapping[str, Precision], after: Mapping[str, Precision]) -> set[str]:
    """The tasks shown at another precision after an edit than before it (each map: the tasks shown at
    a precision other than their own). Every task a coarse date drives was read again after each edit:
    6,800 rows of a 100,000-task plan dated 1% to the year, some 50 ms, where a few had changed."""
    return {tid for tid in before.keys() | after.keys() if before.get(tid) is not after.get(tid)}


def _spliced(array: np.ndarray, first: int, last: int, middle: np.ndarray) -> np.ndarray:
    """`array` with what lies between its first `first` and last `last` items replaced by `middle`
    (`array` itself when that changes nothing)."""
    if first == len(array) and not last and not len(middle):
        return array
    return np.concatenate([array[:first], middle, array[len(array) - last:]])


def _stale_rows(old: ChartData, inputs: RowInputs, source: RowSource, rows: list[str], places: np.ndarray,
                table: TaskTable, touched: frozenset[str] | set[str], first: int, new: int) -> np.ndarray:
    """The rows to read again: the new run, rows whose dates or critical flag the schedule moved,
    rows of touched tasks, of tasks that became or stopped being summaries, and of tasks shown at a
    coarser date's precision before the edit or after it."""
    last = len(rows) - first - new
    columns = table.arrays()
    moved = np.zeros(len(rows), bool)
    for name, column in (("start", 0), ("finish", 1), ("critical", 6)):
        before = _spliced(getattr(old, name), first, last, np.zeros(new, getattr(old, name).dtype))
        moved |= columns[column][places] != before
    moved |= _deadline_turned(old, columns, places, first, last, new)
    # A row's shown precision is its task's own unless a coarse date drives it: read again where it changed.
    wanted = touched | _shown_elsewise(source.shown_other, inputs.shown_other())
    if wanted and len(wanted) <= max(8, len(rows) // 16):
        # A few tasks: their rows found among the old rows' hashes (asking each of 100,000 rows
        # whether it shows one of them cost more).
        moved[_kept_rows(old, wanted, first, last, len(rows))] = True
    elif wanted:
        moved |= np.fromiter(map(wanted.__contains__, rows), bool, len(rows))
    moved[first:first + new] = True
    return np.flatnonzero(moved)


def _deadline_turned(old: ChartData, columns: np.ndarray, places: np.ndarray, first: int, last: int,
                     new: int) -> np.ndarray:
    """Rows whose deadline is now met where it was missed or the other way: a milestone moved from
    17:00 on its deadline's day to 08:00 the next keeps its start and finish, not its moment."""
    deadline = _spliced(old.deadline, first, last, np.full(new, np.nan))
    was_late = _spliced(old.deadline_late, first, last, np.zeros(new, bool))
    turned = np.zeros(len(places), bool)
    # Only rows with a deadline can turn (a row without one is never missed): a few in most plans,
    # where reading every row's finish cost 2-4 ms an edit.
    rows = np.flatnonzero(~np.isnan(deadline) | was_late)
    at = places[rows]
    ends = columns[7][at]
    last_days = shown_finish_ordinals(columns[0][at], columns[1][at], ends & EARLY_AT_DAY_END, ends)
    turned[rows] = missed(last_days, deadline[rows]) != was_late[rows]
    return turned


def _kept_rows(old: ChartData, task_ids: set[str] | frozenset[str], first: int, last: int, n_rows: int) -> list[int]:
    """The new rows of those of `task_ids` that old rows showed in the agreeing ends (the new run
    between them is read again whatever it shows)."""
    n_old, found = len(old), []
    maybe = np.flatnonzero(np.isin(old.row_hashes, id_hashes(list(task_ids)))).tolist()
    for row in maybe:
        if old.task_ids[row] not in task_ids:  # another id with the same hash
            continue
        if row < first:
            found.append(row)
        elif row >= n_old - last:
            found.append(row + n_rows - n_old)
    return found


def _patched(old: ChartData, inputs: RowInputs, rows: list[str], tasks: list, places: np.ndarray,
             ends: tuple[int, int], stale: np.ndarray) -> ChartData:
    """`old`'s row arrays for `rows`: the agreeing ends kept, the `stale` rows read afresh."""
    first, last = ends
    new, n_old = len(rows) - first - last, len(old)
    fresh = row_arrays(inputs, [rows[i] for i in stale.tolist()], [tasks[i] for i in stale.tolist()], places[stale])
    arrays = {}
    for name in ROW_ARRAYS:  # the old arrays themselves when no row came or went
        arrays[name] = _spliced(getattr(old, name), first, last, np.zeros(new, getattr(old, name).dtype))
        arrays[name][stale] = getattr(fresh, name)
    data = ChartData(rows, arrays["start"], arrays["finish"], arrays["kind"], arrays["critical"], arrays["actual"],
                     arrays["color"], arrays["soft0"], arrays["soft1"], arrays["ghost0"], arrays["ghost1"],
                     arrays["whisker0"], arrays["whisker1"], [], inputs.colors, key=arrays["key"],
                     confidence=arrays["confidence"], done_until=arrays["done_until"], symbols=arrays["symbols"],
                     slip_words=arrays["slip_words"], slip_counted=arrays["slip_counted"], deadline=arrays["deadline"],
                     deadline_late=arrays["deadline_late"])
    data.slip_scale = fresh.slip_scale  # the plan's span, read from the new schedule
    data.pushed = (old.pushed - {rows[i] for i in stale.tolist()}) | fresh.pushed
    data.labels = old.labels  # spliced in place, as the tasks
    data.labels[first:n_old - last] = [""] * new
    for row, label in zip(stale.tolist(), fresh.labels):
        data.labels[row] = label
    data.owners = list(old.owners)
    index = {owner: i for i, owner in enumerate(data.owners)}
    for owner in fresh.owners:
        if owner not in index:
            index[owner] = len(data.owners)
            data.owners.append(owner)
    data.owner = _spliced(old.owner, first, last, np.zeros(new, np.int32))
    data.owner[stale] = np.array([index[owner] for owner in fresh.owners], np.int32)[fresh.owner]
    return data


def _same_dates(source: RowSource, phase_places: np.ndarray | None, table: TaskTable) -> bool:
    """True when the phase tasks (untouched) have the dates they had: their bands stay as they were
    (looking at each of thousands of phases again cost 2-4 ms after every edit)."""
    if phase_places is None or source.phase_places is None or source.table is None:
        return False
    before = source.table.arrays()[:2, source.phase_places]
    return bool(np.array_equal(before, table.arrays()[:2, phase_places]))


def _phases_may_reorder(project: Project, source: RowSource, edits: Edits) -> bool:
    """True when the edits touched a phase task or a summary above one, or made a task a phase:
    other edits leave the phase tasks and their order as they were."""
    touched = edits.task_ids
    return bool(touched & source.phase_chains) or any(
        project.tasks[tid].kind == "phase" for tid in touched if tid in project.tasks)
