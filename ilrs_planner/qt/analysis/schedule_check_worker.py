"""The schedule check in a worker thread, over a frozen copy of the plan and the schedule of its version.

At 100,000 tasks a check costs about a second, and the dock checks again after every edit while it is
shown: on the window's thread, typing in the table waited for it. The worker is given the plan's
containers copied (tasks, links, calendars, baselines: a few milliseconds, where copying every task
and link took two seconds) and the document's schedule, which no later edit changes (each edit derives
a new one). A task or link the worker reads can still be edited while it runs; every such edit raises
the document's revision, and a result is taken only when the revision it was asked for is still the
document's when it arrives (schedule_check_panel): what it read was then the plan as it stood.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal

from ...domain import Project
from ...engine.schedule import Schedule
from ...engine.schedule_check import check_schedule
from .kept_thread import KeptThread


def frozen_copy(project: Project) -> Project:
    """The plan with its own task, link, calendar and participant dicts and baseline list: adding,
    deleting or replacing one in the plan does not reach the copy (see the module's note on edits)."""
    return dataclasses.replace(project, tasks=dict(project.tasks), links=dict(project.links),
                               participants=dict(project.participants), baselines=list(project.baselines),
                               calendars=dict(project.calendars))


class CheckWorker(KeptThread):
    """Runs `check_schedule` off the window's thread. Emits exactly one of succeeded / failed."""

    succeeded = Signal(object)  # ScheduleCheck
    failed = Signal(object)  # PlannerError

    def __init__(self, project: Project, schedule: Schedule, baseline_name: str | None, revision: int, asked: int):
        super().__init__()
        # `revision`: the document's when asked; `asked`: the panel's count of checks asked for.
        self.project, self.schedule, self.revision, self.asked = frozen_copy(project), schedule, revision, asked
        self.baseline_name = baseline_name  # found in the worker, where a failure is reported

    def run(self) -> None:
        try:
            baseline = self.project.baseline(self.baseline_name) if self.baseline_name else None
            result = check_schedule(self.project, self.schedule, baseline)
        except Exception as error:  # noqa: BLE001 - told to the panel: an edit made while it ran, or a fault
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
