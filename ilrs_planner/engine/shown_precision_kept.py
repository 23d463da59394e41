"""One ShownPrecision for the plan as it is now, shared by every view that shows its dates.

The task table, the chart and the status bar each made their own after every edit: on a plan of
100,000 tasks with 1% of them dated only to the year, each walk cost about a second, three times an
edit. The one kept here is made again only when what it depends on changed: the plan object, the
schedule (every edit that may move a date derives a new one), or the precision of a task an edit
touched (a precision is no scheduling input, so changing one keeps the schedule). Which tasks are
dated coarser than the day is carried to the next one (an edit that changed a task's precision named
it, and forgot the one kept), and so is every task's driver, found again only where the edits since
can have changed it (engine/drivers_kept.py). While no task is
dated coarser than the day, every task is shown at its own precision whatever the schedule, and the
one kept serves every schedule until an edit makes a task coarse.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain import Precision, Project
from .drivers_kept import Since
from .schedule import Schedule
from .shown_precision import ShownPrecision


class KeptShownPrecision:
    """The shown precisions of a document's plan, made when first asked after a change."""

    def __init__(self) -> None:
        self._shown: ShownPrecision | None = None
        self._since = Since(frozenset(), False)  # the edits since the one kept was made

    def of(self, project: Project, schedule: Schedule | None) -> ShownPrecision:
        """The shown precisions of `project` as `schedule` dates it (the plan's schedule as it is now)."""
        shown = self._shown
        if shown is None or shown.project is not project:
            self._shown = shown = ShownPrecision(project, schedule, at_once=True)
        elif shown.coarse and shown.schedule is not schedule:  # the tasks dated coarser are those found before
            self._shown = shown = ShownPrecision(project, schedule, at_once=True, coarse=shown.coarse,
                                                 before=shown.found, since=self._since)
        else:
            return shown
        self._since = Since()
        return shown

    def edited(self, project: Project, task_ids: Iterable[str], *, reshaped: bool = True,
               replanned: bool = True) -> None:
        """Note an edit that named `task_ids`, whether it added, removed or moved a task in the outline
        (`reshaped`) and whether it changed the plan's own fields, such as its calendars (`replanned`).
        Forget the precisions kept when it changed a named task's own precision from what they were
        found with (a task added, removed, made coarser or finer)."""
        shown, named, since = self._shown, frozenset(task_ids), self._since
        self._since = Since(since.named | named, since.reshaped or reshaped, since.replanned or replanned)
        if shown is None:
            return
        tasks = project.tasks
        for tid in named:
            now = tasks[tid].precision if tid in tasks else Precision.DAY
            if now is not shown.coarse.get(tid, Precision.DAY):
                self._shown = None
                return

    def forget(self) -> None:
        self._shown = None
