"""A what-if's answer: the scenario's edit, a sentence saying it, and every task that moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .schedule import shown_days


@dataclass(frozen=True, slots=True)
class Move:
    """One task whose dates change in the scenario (deltas in working days of the task's calendar, as
    its duration counts them, calendar days when elapsed; later = positive)."""

    task_id: str
    key: str
    name: str
    is_key_milestone: bool
    old_start: date
    new_start: date
    old_finish: date
    new_finish: date
    new_at_day_end: bool = False  # a milestone whose new point is the end of the day before it (TaskDates)
    old_at_day_end: bool = False
    old_moments: int = 0  # a summary's moments in each version (TaskDates.summary_moments)
    new_moments: int = 0
    start_delta: int = 0  # working days the start moves (engine.working_variance)
    finish_delta: int = 0
    elapsed: bool = False  # the deltas are elapsed days, written 'ed'

    @property
    def old_last_day(self) -> date:
        """The last day a person read before the scenario (TaskDates.shown_finish)."""
        return shown_days(self.old_start, self.old_finish, self.old_at_day_end, self.old_moments)[1]

    @property
    def new_last_day(self) -> date:
        """The last day a person reads in the scenario: a milestone's day, a phase's by its moments."""
        return shown_days(self.new_start, self.new_finish, self.new_at_day_end, self.new_moments)[1]


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The scenario's edit (task fields), a sentence saying it, and everything that moves."""

    task_id: str
    fields: dict[Any, Any]
    description: str
    moves: tuple[Move, ...]
    old_project_finish: date
    new_project_finish: date
    project_finish_delta: int = 0  # working days of the plan's default calendar

    def key_milestones(self) -> list[Move]:
        """The moves of milestones and headline items, largest first."""
        return sorted((m for m in self.moves if m.is_key_milestone), key=lambda m: -abs(m.finish_delta))

    def to_dict(self) -> dict[Any, Any]:
        """JSON-ready form with ISO dates."""
        return {
            "scenario": self.description, "fields": {k: _plain(v) for k, v in self.fields.items()},
            "project_finish": [self.old_project_finish.isoformat(), self.new_project_finish.isoformat()],
            "project_finish_delta_working_days": self.project_finish_delta,
            "moves": [{"key": m.key, "name": m.name, "key_milestone": m.is_key_milestone, "elapsed": m.elapsed,
                       "start_delta_working_days": m.start_delta, "finish_delta_working_days": m.finish_delta,
                       "old_finish": m.old_finish.isoformat(), "new_finish": m.new_finish.isoformat()}
                      for m in self.moves],
        }


def _plain(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else str(value) if value is not None else None
