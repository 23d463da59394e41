"""One ShownPrecision for the plan as it is now, shared by every view that shows its dates.

The task table, the chart and the status bar each made their own after every edit: on a plan of
100,000 tasks with 1% of them dated only to the year, each walk cost about a second, three times an
edit. The one kept here is made again only when what it depends on changed: the plan object, the
schedule (every edit that may move a date derives a new one), or the precision of a task an edit
touched (a precision is no scheduling input, so changing one keeps the schedule). Which tasks are
dated coarser than the day is carried to the next one: an edit that changed a task's precision named
it, and forgot the one kept. While no task is
dated coarser than the day, every task is shown at its own precision whatever the schedule, and the
one kept serves every schedule until an edit makes a task coarse.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain import Precision, Project
from .schedule import Schedule
from .shown_precision import ShownPrecision


class KeptShownPrecision:
    """The shown precisions of a document's plan, made when first asked after a change."""

    def __init__(self) -> None:
        self._shown: ShownPrecision | None = None

    def of(self, project: Project, schedule: Schedule | None) -> ShownPrecision:
        """The shown precisions of `project` as `schedule` dates it (the plan's schedule as it is now)."""
        shown = self._shown
        if shown is None or shown.project is not project:
            self._shown = shown = ShownPrecision(project, schedule, at_once=True)
        elif shown.coarse and shown.schedule is not schedule:  # the tasks dated coarser are those found before
            self._shown = shown = ShownPrecision(project, schedule, at_once=True, coarse=shown.coarse)
        return shown

    def edited(self, project: Project, task_ids: Iterable[str]) -> None:
        """Forget the precisions kept when an edit changed a touched task's own precision from what
        they were found with (a task added, removed or made coarser or finer)."""
        shown = self._shown
        if shown is None:
            return
        tasks = project.tasks
        for tid in task_ids:
            now = tasks[tid].precision if tid in tasks else Precision.DAY
            if now is not shown.coarse.get(tid, Precision.DAY):
                self._shown = None
                return

    def forget(self) -> None:
        self._shown = None
