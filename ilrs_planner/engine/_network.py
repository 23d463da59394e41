"""Compile a project into the integer network the scheduler runs on.

Every scheduling rule becomes a difference constraint `ES[v] >= ES[u] + weight` between nodes whose
value is a day ordinal. A leaf task is one node (its early start). A summary task gets up to four
gate nodes instead of links fanned out to every descendant (which would grow as children x
children):

- in_start:  lower bound on every descendant's start  (links FS/SS into the summary, SNET/MSO)
- in_finish: lower bound on every descendant's finish (links FF/SF into the summary)
- out_start:  the EARLIEST start of any descendant, the summary's start (source of SS/SF links out;
              see _summary_starts)
- out_finish: the latest finish of any descendant (source of FS/FF links out; FNLT/deadline cap)

A gate exists only when the summary or one of its ancestors needs it. A link into a summary, or an
FS/FF link out of one, thus binds each of its descendants exactly as if it had been drawn to or from
that descendant; an SS/SF link out of a summary leaves from the summary's start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..domain import Calendar, PlannerError, Project, Task
from ..domain.column_rows import in_order, values_of
from . import _checks
from ._bounds import BIG, Bounds
from ._calendars import IDENTITY, WorkingTime, span_of, working_time
from ._crossings import Crossings, find_crossings
from ._edge_moments import edge_moments
from ._edges import edge_weights
from ._kept_bounds import kept_task_bounds
from ._links import flags, link_arrays
from ._shape import network_shape
from ._tree import ancestor_jumps
from .file_columns import InputColumns
from .kept_columns import KeptColumns
from .task_places import TaskPlaces


@dataclass(slots=True)
class Network:
    """A project as arrays: tasks are nodes 0..n-1, gate nodes follow; edges in CSR form."""

    task_ids: list[str]
    tasks: Sequence[Task]
    start: int  # the plan's start (ordinal)
    duration: np.ndarray  # effective duration per task (actual dates win)
    parent: np.ndarray  # parent task index, -1 at the top level
    depth: np.ndarray
    is_summary: np.ndarray
    history: np.ndarray  # task has an actual date: its dates are fixed, its incoming links dead
    finished: np.ndarray  # task has an actual finish
    gates: dict[str, np.ndarray]  # gate kind -> node index per task (-1: none)
    n_nodes: int
    node_task: np.ndarray  # node -> task index it belongs to
    base: np.ndarray  # early lower bound per node
    fixed: np.ndarray  # fixed early start per node, or -BIG
    start_cap: np.ndarray  # per task: latest start allowed (SNLT/MSO), BIG if none
    finish_cap: np.ndarray  # per task: latest finish allowed (FNLT/MFO/deadline), BIG if none
    offsets: np.ndarray  # CSR: out-edges of node u are offsets[u]:offsets[u+1]
    targets: np.ndarray
    weights: np.ndarray
    live: np.ndarray  # False for edges into a task with actual dates (history ignores links)
    node_row: np.ndarray  # per node: its row of the working-time tables (0: calendar days)
    task_row: np.ndarray  # per task: its calendar's row (a milestone's too, though it sits on days)
    time: WorkingTime | None  # None: every task on calendar days (positions are day ordinals)
    crossings: Crossings | None  # edges that are not `+ weight` (between calendars), None if none
    jumps: list[np.ndarray]  # the WBS as jump pointers (see _tree)
    links: tuple[np.ndarray, ...]  # (pred, succ, type code, lag, elapsed) per link, in the plan's order
    edge_moments: np.ndarray  # per edge: the moment of day it hands a milestone (see _day_ends)
    as_late: np.ndarray  # per task: constrained As Late As Possible
    day_end_cap: np.ndarray  # per task: a milestone's latest finish when it stands at a day's end
    manual: np.ndarray  # per task: manually scheduled (see _bounds._hold_manual)
    sources: np.ndarray | None = None  # per edge: its source node (the shape's, read-only); None: found
    held: np.ndarray | None = None  # per task: held on its late dates, as late as possible (see _late_tasks)

    def edge_sources(self) -> np.ndarray:
        """Each edge's source node, in CSR order."""
        if self.sources is None:
            return np.repeat(np.arange(self.n_nodes), np.diff(self.offsets))
        return self.sources

    def start_days(self, positions: np.ndarray) -> np.ndarray:
        """Task start positions (the first n_tasks nodes) as day ordinals."""
        if self.time is None:
            return positions
        return self.time.day(self.node_row[: len(self.task_ids)], positions)

    def finish_days(self, positions: np.ndarray, duration: np.ndarray, at_end: np.ndarray | None = None) -> np.ndarray:
        """Exclusive finish day of tasks starting at `positions` (a zero-length task: see milestone_days)."""
        if self.time is None:
            return np.asarray(positions + duration)
        rows = self.node_row[: len(self.task_ids)]
        return np.asarray(np.where(duration > 0, self.time.finish_day(rows, positions + duration),
                                   self.milestone_days(positions, at_end)))

    def milestone_days(self, positions: np.ndarray, at_end: np.ndarray | None = None) -> np.ndarray:
        """The day a zero-length task at `positions` sits on, as a point in days.

        A position on a working calendar is the moment between one working day and the next. A
        milestone at the end of the working day before (`at_end`, see _day_ends) is the exclusive
        end of that day, the day after it (shown as the day itself: Friday 17:00 is shown as
        Friday); one at the start of the next working day is that day. Without `at_end`, a
        milestone on its own date (the plan's start, a constraint, an actual date) starts its day.
        """
        if self.time is None:
            return positions
        n = len(self.task_ids)
        rows = self.node_row[:n]
        if at_end is None:
            at_end = (positions != self.base[:n]) & (positions != self.fixed[:n])
        return np.asarray(np.where(at_end, self.time.finish_day(rows, positions), self.time.day(rows, positions)))

    def positions_of(self, days: ArrayLike) -> np.ndarray:
        """Day ordinals as each task's position (working days before them)."""
        if self.time is None:
            return np.asarray(days)
        return self.time.pos(self.node_row[: len(self.task_ids)], days)


TABLE_DAYS = 400_000  # days of working-time tables over all rows (6 MB), before a plan needs wider ones


def compile_network(project: Project, extra_days: int = 0, node_rows: np.ndarray | None = None,
                    columns: InputColumns | None = None) -> Network:
    """Validate the project and build its constraint network (raises PlannerError on bad input).

    `extra_days` widens the working-time tables past the plan's dates (see cpm's retry);
    `node_rows` keeps each task's node on given rows (the Monte Carlo's probe changes durations);
    `columns`, the plan's columns as read from its file, when nothing has changed it since (see file_columns).
    """
    columns = columns if columns is not None and columns.fit(project) else None
    tasks: Sequence[Task]
    if isinstance(columns, KeptColumns):  # the lists as kept: listing 100,000 objects again costs milliseconds
        tasks, task_ids = columns.tasks, columns.task_ids
    else:
        tasks = in_order(project.tasks)  # made one by one, when the plan was read without objects
        task_ids = list(project.tasks)
    n = len(tasks)
    planned = columns.duration_days() if columns else None
    if planned is None:  # read from the objects, so that a refusal names the task
        durations = values_of(tasks, "duration")
        if not _checks.all_whole(durations):
            _checks.raise_bad_duration(tasks, durations)
        planned = np.fromiter(durations, dtype=np.int64, count=n)
    _checks.check_durations(planned, tasks)
    places = TaskPlaces(task_ids)
    parent = columns.parents() if columns else _checks.parent_indices(tasks, places)
    depth = _checks.depths(parent, tasks)
    jumps = ancestor_jumps(parent, depth)
    is_summary = np.zeros(n, dtype=bool)
    is_summary[parent[parent >= 0]] = True
    from_file = columns.links(tasks) if columns else None
    links = from_file if from_file is not None else link_arrays(project, places, tasks)
    _checks.check_summary_links(links[0], links[1], is_summary, depth, jumps, tasks)
    calendar_ids = list(columns.calendar_ids) if columns else values_of(tasks, "calendar_id")
    task_row, time = _working_time(project, tasks, calendar_ids, planned, extra_days)
    elapsed = columns.elapsed_flags() if columns else _elapsed(tasks)
    node_row = np.where(is_summary | elapsed, IDENTITY, task_row) if node_rows is None else node_rows
    bound_row = np.where(is_summary, task_row, node_row)  # a summary's bounds go to its gates
    status = project.status_date.toordinal() if project.status_date else None
    bounds = kept_task_bounds(tasks, planned, is_summary, project.start.toordinal(), time, bound_row, status, columns)
    net = _assemble(project, tasks, task_ids, parent, depth, jumps, is_summary, links, bounds,
                    (task_row, node_row, time))
    return net


def _elapsed(tasks: Sequence[Task]) -> np.ndarray:
    """Tasks whose duration counts calendar days (MS Project's elapsed durations)."""
    return flags(values_of(tasks, "elapsed"))


def _working_time(project: Project, tasks: Sequence[Task], ids: list[str | None], planned: np.ndarray,
                  extra_days: int) -> tuple[np.ndarray, WorkingTime | None]:
    """Each task's calendar row (0 for calendar days; `ids`: each task's calendar id) and the tables,
    or None when all are 0."""
    default = project.default_calendar()
    if not project.calendars or (default.is_continuous and ids.count(None) == len(ids)):
        return np.zeros(len(tasks), dtype=np.int64), None
    rows: dict[str | None, int] = {}
    used = []
    for calendar_id in dict.fromkeys(ids):
        calendar = default if calendar_id is None else _calendar_of(project, calendar_id, tasks, ids)
        if calendar.is_continuous:
            rows[calendar_id] = IDENTITY
        else:
            used.append(calendar)
            rows[calendar_id] = len(used)
    task_row = np.fromiter(map(rows.__getitem__, ids), dtype=np.int64, count=len(ids))
    if not used:
        return task_row, None
    # Working days as calendar days, up to two centuries per calendar, or more when few calendars
    # share TABLE_DAYS: one pass suffices for nearly every plan, and a long chain of 100,000 tasks
    # (three centuries on a 5-day week) is not scheduled twice for want of a few megabytes.
    guess = min(int(planned.sum()) * 3 // 2, max(73_000, TABLE_DAYS // (len(used) + 1)))
    first, last = span_of(_plan_dates(project, tasks), max(extra_days, guess))
    return task_row, working_time(used, first, last)


def _calendar_of(project: Project, calendar_id: str, tasks: Sequence[Task], ids: list[Any]) -> Calendar:
    """The calendar a task names; an unknown one is refused naming the first task that uses it."""
    if calendar_id in project.calendars:
        return project.calendars[calendar_id]
    task = tasks[ids.index(calendar_id)]
    raise PlannerError("calendar.unknown", f"task '{task.key}' names calendar '{calendar_id}', which the plan "
                       "does not have", [task.id])


def _plan_dates(project: Project, tasks: Sequence[Task]) -> list[Any]:
    """Every date the plan gives, which the working-time tables must cover."""
    must = project.must_finish_by  # anything but a date is refused by name in the passes (_passes)
    dates = [project.start, project.status_date, must if isinstance(must, date) else None]
    for name in ("constraint_date", "deadline", "actual_start", "actual_finish"):
        dates.extend(filter(None, values_of(tasks, name)))
    return dates


def _assemble(project: Project, tasks: Sequence[Task], task_ids: list[str], parent: np.ndarray,
              depth: np.ndarray, jumps: list[np.ndarray], is_summary: np.ndarray, links: tuple[np.ndarray, ...],
              bounds: Bounds, calendars: tuple[np.ndarray, np.ndarray, WorkingTime | None]) -> Network:
    """The network's shape (kept across edits, see _shape) with this plan's durations, lags and bounds."""
    task_row, node_row, time = calendars
    n = len(tasks)
    shape = network_shape(links, parent, jumps, is_summary, bounds)
    gates, n_nodes, node_task = shape.gates, shape.n_nodes, shape.node_task
    edges = edge_weights(shape.edges, links, bounds.duration)
    src, dst = edges["src"], edges["dst"]
    base = np.full(n_nodes, -BIG, dtype=np.int64)
    base[:n] = bounds.base
    fixed = np.full(n_nodes, -BIG, dtype=np.int64)
    fixed[:n] = bounds.fixed
    has_in = gates["in_start"] >= 0
    base[gates["in_start"][has_in]] = bounds.base[has_in]
    base[:n][is_summary] = -BIG
    live = ~(bounds.history[node_task[dst]] & (dst < n))
    rows = np.concatenate([node_row, task_row[node_task[n:]]])  # a gate counts on its summary's calendar
    point = np.zeros(n_nodes, dtype=bool)
    point[:n] = ~is_summary & (bounds.duration == 0)
    weight, crossings = find_crossings(edges, rows, task_row, time, point)
    moments = edge_moments(edges, n, bounds.duration)
    return Network(task_ids, tasks, project.start.toordinal(), bounds.duration, parent, depth, is_summary,
                   bounds.history, bounds.finished, gates, n_nodes, node_task, base, fixed, bounds.start_cap,
                   bounds.finish_cap, shape.offsets, dst, weight, live, rows, task_row, time, crossings, jumps, links,
                   moments, bounds.as_late, bounds.day_end_cap, bounds.manual, src)
