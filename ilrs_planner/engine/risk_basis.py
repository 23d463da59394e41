"""What a risk result rests on: the tasks that varied by their kind's default spread rather than an
estimate of their own, and the milestones no varying duration reaches.

A planner who signs "On plan 7 %" must know whether the 7 % comes from the team's estimates or
from the defaults (`_risk_sampling.DEFAULT_SPREAD`); and a milestone nothing varies gives the plan's
date in every run, so its 100 % means "not modelled", not "certain".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import Project, TaskKind
from ._risk_sampling import DEFAULT_SPREAD

if TYPE_CHECKING:  # risk.py is numpy-heavy; reading a result needs only its type here
    from .risk import RiskResult

NOT_MODELLED = "not modelled"
NOT_MODELLED_WHY = "nothing before it varies, so every run gives its planned date: fixed, not certain"


def spread_percent(kind: TaskKind) -> tuple[int, int]:
    """A kind's default spread as whole percents of the planned duration: mission (-10, 60)."""
    low, high = DEFAULT_SPREAD.get(kind, DEFAULT_SPREAD[TaskKind.TASK])
    return round((low - 1) * 100), round((high - 1) * 100)


def spread_text(kind: TaskKind) -> str:
    """'-10%/+60%'."""
    low, high = spread_percent(kind)
    return f"{low:+d}%/{high:+d}%"


@dataclass(frozen=True, slots=True)
class DefaultSpreads:
    """The varying tasks that had no three-point estimate, grouped by kind (in DEFAULT_SPREAD's order)."""

    varying: int  # all tasks whose duration varied
    by_kind: dict[TaskKind, list[str]]  # kind -> ids of its tasks on the default spread

    @property
    def tasks(self) -> int:
        return sum(len(ids) for ids in self.by_kind.values())

    def as_dict(self) -> dict[str, Any]:
        """`risk --json`'s `default_spreads`: counts and each used kind's spread in percent."""
        return {"tasks": self.tasks, "varying_tasks": self.varying,
                "by_kind": {kind.value: list(spread_percent(kind)) for kind in self.by_kind},
                "tasks_by_kind": {kind.value: len(ids) for kind, ids in self.by_kind.items()}}

    def sentence(self) -> str:
        """One line for a planner: how much of the result comes from the defaults."""
        if not self.varying:
            return "No task duration varies: every date is the plan's."
        if not self.tasks:
            return f"Every varying task ({self.varying}) uses its own three-point estimate."
        kinds = ", ".join(f"{kind.value} {spread_text(kind)} ({len(ids)})" for kind, ids in self.by_kind.items())
        have = "has" if self.tasks == 1 else "have"
        return (f"Default spreads: {self.tasks} of {self.varying} varying tasks {have} no estimate of their own "
                f"and use their kind's: {kinds}.")

    def task_lines(self, project: Project) -> str:
        """Per kind its spread and the tasks on it, by key and name (for a tooltip)."""
        lines = []
        for kind, ids in self.by_kind.items():
            lines.append(f"{kind.value} {spread_text(kind)}:")
            lines.extend(f"  {project.tasks[tid].key} — {project.tasks[tid].name}" for tid in ids)
        return "\n".join(lines)


def default_spreads(project: Project, result: RiskResult) -> DefaultSpreads:
    """Which of the result's varying tasks took their kind's default spread."""
    varying = result.sampled_task_ids()
    by_kind: dict[TaskKind, list[str]] = {}
    for kind in DEFAULT_SPREAD:
        ids = [tid for tid in varying if project.tasks[tid].kind is kind and not project.tasks[tid].has_estimate]
        if ids:
            by_kind[kind] = ids
    return DefaultSpreads(len(varying), by_kind)
