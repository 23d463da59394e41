"""A change of theirs to a plan date the scheduler reads, which moves work of ours they cannot see.

The plan's start is where every task without a predecessor or constraint begins, its status date
where unfinished work resumes, its Must finish by where late dates count back from. Changed in a
partner's copy, each moves tasks of ours the copy was never sent (withheld from it, or added by us
since) as surely as a changed calendar does (merge_unseen.py). So, where it would move any of them,
it is a conflict naming the change and those tasks, and ours is kept unless chosen. A change that
moves only tasks they can see merges as any edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

from ..domain import PlannerError, Project
from ..engine.cpm import schedule
from .merge_parts import Conflict
from .merge_unseen import _names, _recorded, _tasks

_SCHEDULED = {"start": "the plan's start", "status_date": "the plan's status date",
              "must_finish_by": "the plan's Must finish by"}


def guard_plan_dates(base: Project, ours: Project, theirs: Project, merged: Project, choices: dict[str, str],
                     conflicts: list[Conflict]) -> None:
    """Their changes to the plan's scheduled dates that move tasks of ours the base lacks: conflicts
    keeping ours unless chosen (module doc)."""
    unseen = set(ours.tasks) - set(base.tasks)
    changed = [name for name in _SCHEDULED
               if getattr(theirs, name) != getattr(base, name) and getattr(ours, name) == getattr(base, name)]
    if not unseen or not changed:
        return
    before = _spans(ours)
    for name in changed:
        old, new = getattr(ours, name), getattr(theirs, name)
        after = _spans(dataclasses.replace(ours, **{name: new}))
        moved = sorted((t for t in unseen if after is None or before is None or before.get(t) != after.get(t)),
                       key=lambda t: ours.tasks[t].key)
        if not moved:
            continue
        reason = (f"theirs changes {_SCHEDULED[name]} from {_day(old)} to {_day(new)}, which would move "
                  f"{_tasks(moved)} of ours they cannot see ({_names(ours, moved)})")
        conflict = Conflict("plan", ours.id, ours.name, name, getattr(base, name), old, new, reason)
        if _recorded(conflict, choices, conflicts):
            setattr(merged, name, old)


def _spans(plan: Project) -> Mapping[str, tuple[date, date]] | None:
    """Each task's early start and finish; None when the plan cannot be scheduled (then every task counts
    as moved: the change is the owner's to decide)."""
    try:
        return {tid: (d.early_start, d.early_finish) for tid, d in schedule(plan).tasks.items()}
    except PlannerError:
        return None


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else "none"
