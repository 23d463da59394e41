"""The explanation of a milestone's move (engine/attribution.py): its dates in both versions as people
read them, the driving chains, and the changes credited with the slip."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..domain import Precision
from ..domain.durations import format_days
from .attribution_chain import Contribution
from .driving_chain import ChainStep
from .schedule import shown_days
from .shown_dates import last_day_text, variance_text


@dataclass(slots=True)
class Attribution:
    """The explanation of one milestone's move between two versions."""

    key: str
    name: str
    before: str
    after: str
    old_date: date | None
    new_date: date | None
    exact: bool
    old_chain: list[ChainStep] = field(default_factory=list)
    new_chain: list[ChainStep] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    old_start: date | None = None  # for the last day shown to people: a task's finish is exclusive
    new_start: date | None = None
    old_precision: Precision = Precision.DAY  # how precisely each version knows the date ('2028')
    new_precision: Precision = Precision.DAY
    old_at_day_end: bool = False  # a milestone's point read as the end of the day before it (TaskDates)
    new_at_day_end: bool = False
    old_moments: int = 0  # a summary's moments in each version (TaskDates.summary_moments)
    new_moments: int = 0
    slip_days: int = 0  # working days of the milestone's calendar from the old date to the new (working_variance)
    elapsed: bool = False  # the milestone counts elapsed days: its slip is written 'ed'

    @property
    def old_shown(self) -> date | None:
        """The old date as a person reads it: a milestone's day, a task's last day of work, a phase's
        by its moments (the schedule's shown finish)."""
        return shown_days(self.old_start or self.old_date, self.old_date, self.old_at_day_end, self.old_moments)[1] \
            if self.old_date else None

    @property
    def new_shown(self) -> date | None:
        return shown_days(self.new_start or self.new_date, self.new_date, self.new_at_day_end, self.new_moments)[1] \
            if self.new_date else None

    @property
    def old_text(self) -> str:
        """The old date as shown: the last day of work, as precisely as that version knows it."""
        return last_day_text(self.old_start or self.old_date, self.old_date, self.old_precision, self.old_at_day_end,
                             self.old_moments)

    @property
    def new_text(self) -> str:
        return last_day_text(self.new_start or self.new_date, self.new_date, self.new_precision, self.new_at_day_end,
                             self.new_moments)

    @property
    def calendar_days(self) -> int:
        """The calendar days the milestone moved, which decide a move in years or months."""
        return (self.new_date - self.old_date).days if self.old_date and self.new_date else 0

    @property
    def slip_text(self) -> str:
        """The move as a planner reads it: '+7 y (2,556 d)' from '2028' to '2035', whose days the
        changes count; '+2 d' between days, working days (shown_dates.variance_text)."""
        text = variance_text(self.slip_days, self.old_shown, self.new_shown, self.old_precision, self.new_precision,
                             self.calendar_days, self.elapsed)
        unit = format_days(0, self.elapsed)[1:]
        return text if text.endswith(unit) else f"{text} ({format_days(abs(self.slip_days), self.elapsed)})"

    @property
    def unexplained_days(self) -> int:
        """The part of the slip no listed change accounts for."""
        return self.slip_days - sum(c.days for c in self.contributions)

    def to_dict(self) -> dict[Any, Any]:
        """JSON-ready form with ISO dates."""
        def chain(steps: list[ChainStep]) -> list[dict[str, Any]]:
            return [{"key": s.key, "name": s.name, "start": s.start.isoformat(), "finish": s.finish.isoformat(),
                     "precision": s.precision.value, "driver": s.driver} for s in steps]

        return {
            "milestone": self.key, "name": self.name, "before": self.before, "after": self.after,
            "old_date": _iso(self.old_date), "new_date": _iso(self.new_date),
            "slip_working_days": self.slip_days, "slip_calendar_days": self.calendar_days, "elapsed": self.elapsed,
            "old_precision": self.old_precision.value, "new_precision": self.new_precision.value,
            "exact": self.exact, "unexplained_working_days": self.unexplained_days, "notes": list(self.notes),
            "old_chain": chain(self.old_chain), "new_chain": chain(self.new_chain),
            "contributions": [{"kind": c.kind, "key": c.key, "description": c.description, "working_days": c.days,
                               "joint": c.joint} for c in self.contributions],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def known_as(chain: list[ChainStep], precision_of: Callable[[ChainStep], Precision],
              moments_of: Callable[[ChainStep], tuple[bool, int]]) -> list[ChainStep]:
    """The chain with each step's dates marked as precisely as its version knows them, and each
    milestone's moment of day and summary's moments (for display)."""
    return [replace(step, precision=precision_of(step), at_day_end=moments[0], summary_moments=moments[1])
            for step in chain for moments in [moments_of(step)]]
