"""Why did a milestone move? Its driving chain in each version and the changes that moved it.

Two kinds of comparison, because two kinds of history exist:

- Two full plans (two plan files, a plan and its what-if copy): exact. Every input change between
  them (duration, actual date, constraint, link added/removed, lag or type changed, plan start) is
  replayed one at a time on a copy of the older plan, in upstream-first order, and each is credited
  with how far it moved the milestone. The credits telescope, so they sum to the slip exactly.
  When changes interact (two parallel paths both slipping) the one replayed later gets the joint
  effect; a change that cannot be scheduled on its own (it would close a loop until another one is
  made) is replayed together with the next and reported as a joint step.
- A baseline holds only dates. Then the driving chain of today's plan is walked and the slip is
  split over it: each task on the chain is credited with the change of its own span (its
  duration) and of its gap to its driver (a link, lag or constraint that changed, or a different
  driver then). This also telescopes; where the chain leaves what the baseline knew, the remainder
  is reported as unexplained, never spread out.

Every credit is counted in working days of the milestone's calendar (engine/working_variance.py), the
unit its slip is written in, so the credits add up to the slip whatever calendar each task keeps. A
task's own change is said in its own terms: its Duration as the Duration column reads it (MS Project's
Actual + Remaining Duration), never the calendar days its dates span.
"""

from __future__ import annotations

from ..domain import Precision, Project
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays
from .attribution_chain import Counting, counter, split_over_chain
from .attribution_replay import attribute_projects
from .attribution_result import Attribution, known_as
from .driving_chain import ChainStep, driving_chain
from .schedule import Schedule
from .shown_dates import plan_is_fuzzy
from .slippage import Version, version_day_ends, version_moments, version_precision

__all__ = ["Attribution", "attribute_projects", "attribute_versions", "driving_chain"]


def attribute_versions(project: Project, schedule: Schedule | None, before: Version, after: Version,
                       key: str) -> Attribution:
    """Attribution when a version is only dates (a baseline): split the slip over the driving chain."""
    task = project.task_by_key(key)
    old, new = before.dates.get(task.id), after.dates.get(task.id)
    fuzzy = plan_is_fuzzy(project)
    result = _dated(project, key, before, after, fuzzy)
    worked, result.elapsed = WorkedDays(project), task.elapsed
    moved = counter(worked, task)
    result.notes.append("a baseline holds only dates: the changes are read off the driving chain of "
                        f"'{after.label}' (today's links), as movements of each task against its driver")
    if old is None or new is None:
        missing = before.label if old is None else after.label
        result.notes.append(f"'{key}' is not in '{missing}': nothing to compare")
        return result
    result.slip_days = moved(old[1], new[1])

    def moments_of(step: ChainStep) -> tuple[bool, int]:  # a baseline's point read as the task is now
        tid = project.task_by_key(step.key).id
        return version_day_ends(tid, before, after)[0], version_moments(tid, before, after)

    history = None if before.is_current else before.as_of  # a baseline knew no progress recorded after it
    result.old_chain = known_as(driving_chain(project, before.dates, task.id, history_before=history),
                                 lambda step: _version_precision(project, before, step, fuzzy), moments_of)
    history = None if after.is_current else after.as_of
    result.new_chain = known_as(driving_chain(project, after.dates, task.id, history_before=history),
                                 lambda step: _version_precision(project, after, step, fuzzy), moments_of)
    result.contributions = split_over_chain(project, result.new_chain, before, after, Counting(worked, moved, key))
    if result.unexplained_days:
        result.notes.append(f"{format_days(result.unexplained_days, signed=True)} unexplained: the chain leaves what "
                            f"'{before.label}' knew")
    return result


def _version_precision(project: Project, version: Version, step: ChainStep, fuzzy: bool) -> Precision:
    return version_precision(version, project.task_by_key(step.key), (step.start, step.finish), fuzzy)


def _dated(project: Project, key: str, before: Version, after: Version, fuzzy: bool) -> Attribution:
    """The attribution's dates: the task's in each version, as precisely as each knows them."""
    task = project.task_by_key(key)
    old, new = before.dates.get(task.id), after.dates.get(task.id)
    result = Attribution(key, task.name, before.label, after.label, old[1] if old else None,
                         new[1] if new else None, exact=False, old_start=old[0] if old else None,
                         new_start=new[0] if new else None)
    result.old_precision = version_precision(before, task, old, fuzzy)
    result.new_precision = version_precision(after, task, new, fuzzy)
    result.old_at_day_end, result.new_at_day_end = version_day_ends(task.id, before, after)
    result.old_moments = result.new_moments = version_moments(task.id, before, after)
    return result
