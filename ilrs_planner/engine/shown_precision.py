"""The precision a task's dates are shown at: computed dates keep the precision of what drives them.

A task announced to the day that waits on a task announced only to the year ('2029') starts on a
date known only to the year: showing it as 2030-01-01 would claim a precision nobody has. So a
task's dates are shown at the coarser of its own precision and that of the task driving it along
its driving chain (engine/driving_chain.py); a summary's finish at the coarsest of its own and those
of the sub-tasks finishing when it does (every one: which comes first in the outline decides nothing;
what follows a summary reads those sub-tasks too, not the summary's own), its start at the coarser
of its own and that of the sub-task setting its start (a phase whose first task starts 2027-10-22
starts on that day, though a milestone known to the month ends it). History is known as recorded: a
task with actual dates keeps its own.
Resolved lazily and remembered, so a view that shows a few hundred rows of a large plan pays for
those rows' chains only; a view that shows every row asks `every()`, which walks only where a coarse
date goes (engine/coarse_spread.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import reduce

import numpy as np

from ..domain import Precision, Project
from ..domain.column_rows import values_of
from .chain_drivers import UNDECIDED, Drivers
from .chain_ranks import Doubling, coarsest_with_ties
from .coarse_reach import reached_from_coarse
from .coarse_spread import CoarseSpread
from .coarse_spread import coarser as coarser  # the rule is read from here by other modules
from .driver_walk import Node, SummaryEnd, walk_back
from .drivers_kept import NO_EDITS, KeptDrivers, Since, drivers_found, same_outline
from .driving_chain import ChainIndex
from .early_dates import EarlyDates as EarlyDates  # read from here by other modules
from .schedule import Schedule, TaskTable
from .shown_precision_columns import ScheduleColumns
from .shown_ranks import BY_RANK, SummaryStarts, other_than_own, own_ranks, summary_starts

First = tuple[date, Precision] | None  # a summary's earliest start and the coarsest precision starting then


class ShownPrecision:
    """Task id -> the precision its scheduled dates are shown at (see the module doc)."""

    def __init__(self, project: Project, schedule: Schedule | None, *, at_once: bool = False,
                 coarse: dict[str, Precision] | None = None, before: KeptDrivers | None = None,
                 since: Since = NO_EDITS):
        """`at_once`: every task's precision is found in one walk the first time any is asked (a
        table, chart and status bar sharing one for a plan ask for all of them anyway). `coarse`: the
        plan's tasks dated coarser than the day, when known (see `coarse` below), else read here.
        `before`: the drivers found on the plan's schedule before the edits `since`
        (engine/drivers_kept.py): found again only where they can differ."""
        self.project, self.schedule, self.at_once = project, schedule, at_once
        self.before, self.since = before, since
        self.found: KeptDrivers | None = None  # the drivers every() found, for the next schedule's
        self.dates: Mapping[str, tuple[date, date]] | None = EarlyDates(schedule) if schedule is not None else None
        self.index: ChainIndex | None = None
        self.known: dict[Node, Precision] = {}  # a task's, or a summary's end's (engine/driver_walk.py)
        self._every: dict[str, Precision] | None = None  # every(), once asked
        self._first: dict[str, First] = {}  # summary id -> its earliest start, the coarsest starting then
        # Once every() has read the schedule's columns: each row's count of rows under it and a summary's
        # coarsest sub-task starting when it does, for start_of (the rest of what it read is let go: 15 MiB at 100,000).
        self.columns: SummaryStarts | None = None
        # The tasks dated coarser than the day, and their precision: with none, every task is shown at
        # its own, whatever the schedule.
        self.coarse = coarse if coarse is not None else {
            tid: p for tid, p in zip(project.tasks, values_of(project.tasks, "precision")) if p is not Precision.DAY}
        self._reach: set[str] | None = None if self.coarse else set()

    @property
    def reach(self) -> set[str]:
        """The tasks a coarser date can drive: only these are walked (in a plan dated to the day, none)."""
        if self._reach is None:
            self._reach = reached_from_coarse(self.project)
        return self._reach

    @reach.setter
    def reach(self, tasks: set[str]) -> None:
        self._reach = tasks

    def every(self) -> dict[str, Precision]:
        """Each task shown at a precision other than its own, and that precision (the rest: their own)."""
        if self._every is None:
            if self.index is None and ScheduleColumns.usable(self.schedule):  # read from its columns
                assert self.schedule is not None
                same = same_outline(self.before, self.project, self.schedule, self.since)
                reshaped = self.before.columns if self.before is not None and same is None \
                    and self.before.columns.project is self.project else None
                columns = ScheduleColumns(self.project, self.schedule, same, reshaped)
                ranks = self._along_drivers(columns)
                self._every = self._spread() if ranks is None else other_than_own(columns.ids, *ranks)
                self.columns = summary_starts(columns, self.coarse, self._every, None if ranks is None else ranks[1])
                return self._every
            self._every = self._spread()
        return self._every

    def _spread(self) -> dict[str, Precision]:
        if self.index is None:
            self.index = ChainIndex(self.project)
        return CoarseSpread(self.project, dict(self.index.children), self._drivers).run(list(self.coarse))

    def keep(self, precisions: Mapping[str, Precision]) -> None:
        """Show the tasks of `precisions` at theirs, whatever drives them: a baseline drawn as a plan
        of its own (chart/history.py) reads each entry at the precision it kept when taken."""
        every = dict(self.every())
        for task_id, precision in precisions.items():
            if precision is self.project.tasks[task_id].precision:
                every.pop(task_id, None)
            else:
                every[task_id] = precision
        self._every = every
        self.coarse = {**self.coarse, **{t: p for t, p in precisions.items() if p is not Precision.DAY}}

    def _along_drivers(self, columns: ScheduleColumns) -> tuple[np.ndarray, np.ndarray] | None:
        """Each row's own rank and shown rank, each task's drivers found for the whole plan at once
        (engine/chain_drivers.py); None where ties chain too far for rounds."""
        found, before = drivers_found(columns, self.before, self.since), self.before
        self.before, drivers = None, found.drivers
        undecided = np.flatnonzero(drivers.first == UNDECIDED).tolist()
        if undecided and self.dates is not None:  # left to the chain's own rules
            self.index = self.index or columns.chain_index(self.dates)
            drivers = self._settled(drivers, columns, undecided)
        carried = before.doubling.carried(drivers.first) if before is not None and before.doubling else None
        doubling = carried or Doubling(drivers.first)
        self.found = found._replace(drivers=drivers, doubling=doubling)
        ranks = own_ranks(columns, self.coarse)
        shown = coarsest_with_ties(drivers, ranks, columns.outline, doubling)
        return None if shown is None else (ranks, shown)  # None: ties chained too far, walked task by task

    def _settled(self, drivers: Drivers, columns: ScheduleColumns, undecided: list[int]) -> Drivers:
        """`drivers` with the rows left UNDECIDED found by their chains' rules (a summary predecessor's
        end: its latest-finishing sub-task, and the summary read through)."""
        rows, latest_leaf = columns.rows, columns.outline.latest_leaf
        found, via = {}, {}
        for row in undecided:
            nodes = self._drivers(columns.ids[row])
            found[row] = [int(latest_leaf[rows[d.summary]]) if isinstance(d, SummaryEnd) else rows[d] for d in nodes]
            via[row] = [rows[d.summary] for d in nodes if isinstance(d, SummaryEnd)]
        return drivers.settled(found, via)

    def of(self, task_id: str) -> Precision:
        """The shown precision of one task."""
        if self.at_once and self.coarse:
            self.every()
        if self._every is not None:
            return self._every.get(task_id, self.project.tasks[task_id].precision)
        if not self.coarse:
            return self.project.tasks[task_id].precision
        found = self.known.get(task_id)
        if found is not None:
            return found
        if task_id not in self.reach:
            return self.project.tasks[task_id].precision
        self._walk(task_id)
        return self.known[task_id]

    def start_of(self, task_id: str) -> Precision:
        """The precision a task's start is shown at: a summary's, the coarser of its own and those of the
        sub-tasks starting when it does (its earliest start), a task's as `of`."""
        if self.at_once and self.coarse:
            self.every()  # first: the walk reads the outline from the schedule's columns, kept for what follows
        if self.columns is not None:
            return self._start_from_columns(task_id, self.columns)
        if not self.coarse or not (self.at_once or task_id in self.reach) or not self._follows_sub_tasks(task_id):
            return self.of(task_id)
        first = self._earliest(task_id)
        own = self.project.tasks[task_id].precision
        return coarser(own, first[1]) if first is not None else own

    def _earliest(self, summary_id: str) -> First:
        """The summary's earliest start among its sub-tasks, and the coarsest shown precision of those
        starting then. Each summary's is kept and built from its sub-summaries': asking every summary
        of the rows shown costs one pass over their tasks."""
        assert self.index is not None and self.dates is not None
        children, known, stack = self.index.children, self._first, [summary_id]
        while stack:
            current = stack[-1]
            waiting = [k for k in children[current] if k in children and k not in known]
            if waiting:  # sub-summaries first, so each is answered once
                stack.extend(waiting)
                continue
            stack.pop()
            found: First = None
            for kid in children[current]:
                first = known[kid] if kid in children else (self.dates[kid][0], self.of(kid)) \
                    if kid in self.dates else None
                if first is None:
                    continue
                if found is None or first[0] < found[0]:
                    found = first
                elif first[0] == found[0]:
                    found = (found[0], coarser(found[1], first[1]))
            known[current] = found
        return known[summary_id]

    def _start_from_columns(self, task_id: str, columns: SummaryStarts) -> Precision:
        """start_of, a summary's sub-tasks starting when it does read from the outline's arrays."""
        row, task = columns.rows.get(task_id), self.project.tasks[task_id]
        if row is None or columns.size[row] == 1 or task.actual_start or task.actual_finish:
            return self.of(task_id)
        return coarser(task.precision, BY_RANK[int(columns.start_rank[row])])

    def finish_precision(self) -> Precision:
        """The precision of the plan's finish (its last day of work): the coarsest of the tasks finishing
        on it, so a finish milestone known to the month makes the plan's finish known to the month."""
        if not self.coarse or self.schedule is None:
            return Precision.DAY  # every task is dated to the day
        tasks = self.schedule.tasks
        if isinstance(tasks, TaskTable):
            finishes, ids = tasks.shown_finishes(), tasks.ids()
            last_ids = [ids[row] for row in np.flatnonzero(finishes == finishes.max(initial=0)).tolist()]
        else:
            last = self.schedule.last_day()
            last_ids = [tid for tid, dates in tasks.items() if dates.shown_finish == last]
        return reduce(coarser, (self.of(tid) for tid in last_ids if tid in self.project.tasks), Precision.DAY)

    def _follows_sub_tasks(self, task_id: str) -> bool:
        """A scheduled summary without actual dates (its dates are its sub-tasks')."""
        task = self.project.tasks[task_id]
        if self.dates is None or task_id not in self.dates or task.actual_start or task.actual_finish:
            return False
        if self.index is None:
            self.index = ChainIndex(self.project)
        return task_id in self.index.children

    def _walk(self, task_id: str) -> None:
        """Find the task's shown precision, and that of each task its drivers step back to (a driver
        met again on the way, a loop the scheduler would refuse, adds nothing)."""
        walk_back(task_id, self._reached_drivers, self._merged, self.known)

    def _reached_drivers(self, node: Node) -> list[Node]:
        return [d for d in self._drivers(node) if (d.summary if isinstance(d, SummaryEnd) else d) in self.reach]

    def _merged(self, node: Node, drivers: Sequence[Node], found: Sequence[Precision | None]) -> Precision:
        """The coarser of the node's own precision (a summary's end has none: the day's) and its drivers'."""
        own = Precision.DAY if isinstance(node, SummaryEnd) else self.project.tasks[node].precision
        return reduce(coarser, (p for p in found if p is not None), own)

    def _drivers(self, node: Node) -> list[Node]:
        """The tasks driving this one's start (every equally late one; a summary predecessor: its
        SummaryEnd), or none; a summary's: its end; a summary's end: its children finishing with it."""
        if self.dates is None:
            return []  # no schedule: every task at its own
        if self.index is None:
            self.index = ChainIndex(self.project)
        if isinstance(node, SummaryEnd):
            return [SummaryEnd(k) if k in self.index.children else k
                    for k in self.index.finishing_with(self.dates, node.summary)]
        task = self.project.tasks[node]
        if node not in self.dates or task.actual_start or task.actual_finish:
            return []
        if node in self.index.children:
            return [SummaryEnd(node)]
        return [SummaryEnd(p) if p in self.index.children else p for p in self.index.tied_preds(self.dates, node)]
