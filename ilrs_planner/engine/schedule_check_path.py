"""DCMA check 12, the critical path test: delay one critical task and see the plan's finish move as much.

The task delayed is the earliest-starting incomplete task on the driving chain of the task that
finishes last (engine.driving_chain): the path the finish hangs on. A task held at 0 float by its own
deadline elsewhere is critical too, yet delaying it need not move the finish. The delay is the
What-if's slip (engine.whatif), in the task's own working days. Both moves are counted on one
calendar, the finishing task's (as MS Project counts a finish's variance): the delayed task's finish
and the plan's must move by as many of its working days (the plan's more where the slipped finish
lands past days off). Counted on the delayed task's calendar, a finish on another calendar read
short: a week of a 7-day task's work, moved across a holiday of the delayed task's calendar, counted
a day less than the delay. A path broken by a constraint, a manually scheduled task or a missing
link moves the finish less (or not at all), and the test fails.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import numpy as np

from ..domain import PlannerError, Project, Task
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays
from .cpm import schedule as cpm_schedule
from .driving_chain import driving_chain
from .schedule import Schedule
from .schedule_check_chain import chain_index
from .schedule_check_columns import PlanColumns
from .schedule_check_result import FAIL, NOT_APPLICABLE, PASS, CheckResult, flagged
from .schedule_check_thresholds import Thresholds
from .whatif import scenario_fields, scenario_project

NAME = "Critical path test"


def critical_path_test(project: Project, schedule: Schedule, c: PlanColumns, t: Thresholds) -> CheckResult:
    """12: pass when the finish moves by the delay given to the path's first incomplete task."""
    threshold, delay = f"finish moves {format_days(t.critical_path_delay, signed=True)}", t.critical_path_delay
    eligible = np.flatnonzero(c.eligible)
    if not len(eligible):
        return CheckResult("critical_path_test", 12, NAME, threshold, NOT_APPLICABLE, note="no incomplete tasks")
    row, last = _first_on_finishing_path(project, schedule, c, eligible)
    task, finisher = c.tasks[row], c.tasks[last]
    try:
        fields, _text = scenario_fields(project, schedule, task.id, slip_days=delay)
        # Run after every edit while the check is shown: the window's kept passes are left for its next edit.
        after = cpm_schedule(scenario_project(project, task.id, fields), keep=False)
    except PlannerError as error:  # the delay runs the plan past what can be scheduled
        return CheckResult("critical_path_test", 12, NAME, threshold, NOT_APPLICABLE, note=error.message)
    worked = WorkedDays(project)
    reach = worked.between(finisher, schedule.tasks[task.id].early_finish, after.tasks[task.id].early_finish)
    moved = worked.between(finisher, schedule.project_finish, after.project_finish)
    status = PASS if moved >= reach else FAIL  # a holiday the slipped finish lands past adds days
    value = f"delayed {_days(delay, task)}{_counted_on(finisher, reach, delay, task)}: the plan's finish " \
            f"moved {_days(moved, finisher)} ({schedule.last_day()} to {after.last_day()})"
    return CheckResult("critical_path_test", 12, NAME, threshold, status, int(status == FAIL), 1, None,
                       f"{task.key} {value}", flagged(c.tasks, [row], lambda _row: value))


def _days(days: int, task: Task) -> str:
    return format_days(days, task.elapsed, signed=True)


def _counted_on(finisher: Task, reach: int, delay: int, task: Task) -> str:
    """' (+7 d on the calendar of Z, which finishes the plan)' when the delay reads otherwise there."""
    if reach == delay and finisher.elapsed == task.elapsed:
        return ""
    return f" ({_days(reach, finisher)} on the calendar of {finisher.key}, which finishes the plan)"


def _first_on_finishing_path(project: Project, schedule: Schedule, c: PlanColumns,
                             eligible: np.ndarray) -> tuple[int, int]:
    """The earliest-starting incomplete task on the driving chain of the task that finishes last (of
    tasks finishing together, the last in the plan's order, as CPLI and the open ends take it: a
    finish milestone), and that task (rows).

    Following the chain (not the float) keeps out a task held at 0 float by its own deadline."""
    backwards = eligible[::-1]
    last = int(backwards[np.argmax(c.early_finish[backwards])])
    dates = _EarlyDates(c)
    index = chain_index(project, schedule, c, dates.rows)
    chain_keys = {step.key for step in driving_chain(project, dates, c.ids[last], limit=len(c.ids), index=index)}
    on_path = np.array([row for row in eligible if c.tasks[row].key in chain_keys] or [last])
    return int(on_path[np.lexsort((on_path, c.first_day[on_path]))][0]), last


class _EarlyDates(Mapping[str, tuple[date, date]]):
    """Each task's early (start, exclusive finish), read from the columns only for the tasks the chain
    visits: building them all would cost more than the check's counts at 100,000 tasks."""

    def __init__(self, c: PlanColumns):
        self.c, self.rows = c, dict(zip(c.ids, range(len(c.ids))))

    def __getitem__(self, task_id: str) -> tuple[date, date]:
        row = self.rows[task_id]
        return date.fromordinal(int(self.c.early_start[row])), date.fromordinal(int(self.c.early_finish[row]))

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)
