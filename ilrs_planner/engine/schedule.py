"""The derived schedule: an immutable result of engine.cpm.schedule(project), never edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping


@dataclass(frozen=True, slots=True)
class TaskDates:
    """Early/late dates of one task. Dates are day-exact; finish is exclusive ([start, finish))."""

    early_start: date
    early_finish: date
    late_start: date
    late_finish: date
    total_float: int  # days; negative when a deadline or constraint cannot be met
    free_float: int
    critical: bool


@dataclass(frozen=True, slots=True)
class Schedule:
    """Every task's dates (summaries included) and the plan's span."""

    project_start: date
    project_finish: date
    tasks: Mapping[str, TaskDates]

    def critical_ids(self) -> set[str]:
        return {tid for tid, d in self.tasks.items() if d.critical}
