"""How a risk result is shown: each milestone's dates at the precision its plan date is known to, and
the milestone and target date a risk view starts from.

A simulated date of a milestone known only to the year ('2033') is still a day drawn from a spread
of days, but showing P10..P90 as 2033-01-01 would claim the day is known. So percentiles and driver
dates are shown at the milestone's shown precision (shown_precision.py): the precision of its date
in the plan's schedule. The days themselves stay in machine output (`risk --json`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..domain import Precision, Project, period_end
from .schedule import Schedule
from .shown_precision import ShownPrecision

if TYPE_CHECKING:  # risk.py is numpy-heavy; reading a result needs only its type here
    from .risk import RiskResult

ROADMAP_MILESTONE = "ilrs-basic"  # the date the ILRS programme is judged by: the bundled roadmap's default


def milestone_precisions(project: Project, schedule: Schedule | None, task_ids: Iterable[str]) -> dict[str, Precision]:
    """Task id -> the precision its dates are shown at (each task's own while the plan cannot be scheduled)."""
    shown = ShownPrecision(project, schedule)
    return {tid: shown.of(tid) if schedule is not None else project.tasks[tid].precision for tid in task_ids}


def default_milestone(project: Project, schedule: Schedule | None) -> str | None:
    """The milestone a risk view opens on: the roadmap's basic station when the plan has exactly one,
    else the plan's last key milestone, else its last milestone (by scheduled date; None: no milestone)."""
    roadmap = [t.id for t in project.tasks.values() if t.key == ROADMAP_MILESTONE]
    if len(roadmap) == 1:
        return roadmap[0]
    summaries = project.summary_ids()
    milestones = [t for t in project.tasks.values() if t.is_milestone and t.id not in summaries]
    keys = [t for t in milestones if t.key_milestone] or milestones
    if not keys:
        return None
    if schedule is None:
        return keys[-1].id
    return max(keys, key=lambda t: schedule.tasks[t.id].early_finish if t.id in schedule.tasks else date.min).id


def default_target(project: Project, schedule: Schedule | None, task_id: str | None) -> date | None:
    """The "by" date a risk view opens with: the milestone's planned date, to the end of the period it
    is known to (ilrs-basic, planned for 2035: by 2035-12-31). None without a scheduled milestone."""
    if schedule is None or task_id is None or task_id not in schedule.tasks:
        return None
    dates = schedule.tasks[task_id]
    day = dates.shown_finish  # a milestone at the end of a day: that day
    return period_end(day, milestone_precisions(project, schedule, [task_id])[task_id])


def chance_of_plan(result: RiskResult, schedule: Schedule, task_id: str,
                   precision: Precision) -> tuple[date, float] | None:
    """The milestone's planned date (its last day) and the share of runs that meet it by the end of
    the period it is known to at `precision` ('2035': by 2035-12-31): how far the plan's own date can
    be trusted, which a P50 later than the plan shows only indirectly. None without a scheduled date."""
    if task_id not in schedule.tasks:
        return None
    finish = schedule.tasks[task_id].shown_finish  # a milestone at the end of a day: that day
    return finish, result.probability_by(task_id, period_end(finish, precision))


def chance_text(share: float) -> str:
    """A chance as a planner reads it: never '0%' or '100%' for what some runs did or missed."""
    if 0 < share < 0.01:
        return "<1%"
    if 0.99 < share < 1:
        return ">99%"
    return f"{share:.0%}"
