"""What an analysis view opens on when the user has not chosen: a choice that shows something.

Pure functions over the plan and its schedule, so the choice is the same however the view is built.
"""

from __future__ import annotations

from ...domain import Baseline, PlannerError, Project
from ...engine.schedule import Schedule
from ...engine.slippage import slip_report


def baseline_for_milestone(project: Project, schedule: Schedule | None, task_id: str | None) -> str | None:
    """The latest baseline that holds the task, preferring one whose finish differs from today's plan
    (so "Why did it move?" has a move to explain); None when no baseline holds the task."""
    holding = sorted((b for b in project.baselines if task_id in b.entries), key=lambda b: b.as_of)
    if not holding:
        return None
    dates = schedule.tasks.get(task_id) if schedule is not None and task_id else None
    moved = [b for b in holding if dates is not None and _finish_of(b, task_id) != dates.early_finish]
    return (moved or holding)[-1].name


def _finish_of(baseline: Baseline, task_id: str):
    return baseline.entries[task_id][1]


def baseline_with_most_slips(project: Project, schedule: Schedule | None) -> str | None:
    """The baseline against which the most tasks of the current plan finish later (the latest on a
    tie): the slip report opens on the comparison that says the most."""
    best: tuple[int, object, str] | None = None
    for baseline in project.baselines:
        try:
            count = len(slip_report(project, schedule, baseline.name).slipped())
        except PlannerError:
            continue
        if best is None or (count, baseline.as_of) > best[:2]:
            best = (count, baseline.as_of, baseline.name)
    return best[2] if best else None
