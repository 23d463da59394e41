"""The schedule check a programme office runs before it trusts a plan's dates: the DCMA 14-point
assessment (as P6's Schedule Check, Acumen Fuse and Steelray run it), over a plan and its schedule.

`check_schedule(project, schedule)` returns one `CheckResult` per check, in DCMA's order, then two
lists DCMA does not score (open ends, summary links). Each result gives its threshold, how many of
the tasks (or links) it looks at fail it, the share they are, pass or fail, and every failing task
with the value that failed. The plan and schedule are only read; the critical path test schedules
a copy (see schedule_check_path). How each check is read, and where it departs from DCMA, is in
the README's "Schedule check" section.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from ..domain import Baseline, Project
from .schedule import Schedule
from .schedule_check_columns import plan_columns
from .schedule_check_path import critical_path_test
from .schedule_check_progress import progress_checks
from .schedule_check_result import NOT_APPLICABLE, CheckResult
from .schedule_check_rules import logic_checks, open_ends, summary_links, task_checks
from .schedule_check_thresholds import Thresholds
from .shown_dates import plan_is_fuzzy


@dataclass(frozen=True, slots=True)
class ScheduleCheck:
    """Every check's result, and what they were measured against."""

    results: tuple[CheckResult, ...]
    thresholds: Thresholds
    status_date: str | None
    baseline: str | None  # the baseline compared with (its name), None when the plan has none

    @property
    def passed(self) -> bool:
        """No check failed (those not applicable and the unscored lists aside)."""
        return not any(r.failed for r in self.results)

    def result(self, key: str) -> CheckResult:
        return next(r for r in self.results if r.key == key)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the checks in order, each with its tasks; shares and indexes as numbers."""
        return {"passed": self.passed, "status_date": self.status_date, "baseline": self.baseline,
                "thresholds": asdict(self.thresholds),
                "checks": [{**_fields_but_tasks(r),
                            "tasks": [{"id": f.task_id, "key": f.key, "name": f.name, "value": f.value}
                                      for f in r.tasks]} for r in self.results]}


def _fields_but_tasks(result: CheckResult) -> dict[str, Any]:
    """The result's own fields: asdict would deep-copy every flagged Task only to drop them."""
    return {f.name: getattr(result, f.name) for f in fields(result) if f.name != "tasks"}


def latest_baseline(project: Project) -> Baseline | None:
    """The baseline the check compares with by default: the last one numbered (the newest)."""
    numbered = project.numbered_baselines()
    return numbered[-1] if numbered else None


def check_schedule(project: Project, schedule: Schedule, baseline: Baseline | None = None,
                   thresholds: Thresholds | None = None) -> ScheduleCheck:
    """Run every check on `project` as `schedule` schedules it, against `baseline` (default: the latest)."""
    limits = thresholds or Thresholds()
    baseline = baseline or latest_baseline(project)
    columns = plan_columns(project, schedule)
    status = project.status_date
    missed, cpli, bei = progress_checks(columns, limits, baseline, status, plan_is_fuzzy(project))
    results = (*logic_checks(columns, limits), *task_checks(columns, limits, status), _resources(), missed,
               critical_path_test(project, schedule, columns, limits), cpli, bei,
               open_ends(columns), summary_links(columns))
    return ScheduleCheck(tuple(results), limits, status.isoformat() if status else None,
                         baseline.name if baseline else None)


def _resources() -> CheckResult:
    return CheckResult("resources", 10, "Resources", "-", NOT_APPLICABLE,
                       note="plans here carry no resources or costs to load onto tasks")
