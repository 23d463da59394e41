"""Changes of theirs that reach work of ours they cannot see: a phase's level raised, a calendar changed.

Tasks of ours the common base lacks (withheld from their partner copy, or added by us since) are
work they cannot see. Two edits to what they can see reach it all the same:
- **A raised level.** A summary's classification is inherited by everything under it (a partner
  copy withholds the whole phase): raised in their copy, it would restrict tasks of ours they were
  never shown, and withhold the phase from every partner sent it until now.
- **A changed calendar.** A closure added to a calendar (or a working day taken off, or an exception
  removed) moves every task on it: tasks of ours they cannot see would move with it. So does
  pointing the plan's default calendar at another calendar: every task naming no calendar moves.
Each is a conflict the owner decides, as a partner's changed baseline is, naming what the change is
and the tasks of ours it reaches; ours is kept unless chosen. A change that reaches only tasks they
can see merges as any edit.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable

from ..domain import CONTINUOUS_NAME, Calendar, CalendarException, Project
from .merge_guard import effective_levels
from .merge_parts import Conflict

_NAMED = 5  # tasks named in a conflict before "and N more"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def guard_unseen(base: Project, ours: Project, theirs: Project, merged: Project, choices: dict[str, str],
                 conflicts: list[Conflict]) -> None:
    """Their raised levels and changed calendars that reach tasks of ours the base lacks: conflicts
    keeping ours unless chosen (module doc)."""
    unseen = set(ours.tasks) - set(base.tasks)
    if unseen:
        _guard_raised(base, ours, theirs, merged, unseen, choices, conflicts)
        _guard_calendars(base, ours, theirs, merged, unseen, choices, conflicts)
        _guard_default_calendar(base, ours, theirs, merged, unseen, choices, conflicts)


def _guard_raised(base: Project, ours: Project, theirs: Project, merged: Project, unseen: set[str],
                  choices: dict[str, str], conflicts: list[Conflict]) -> None:
    below = _sub_tasks(ours)
    levels = None
    for task_id, task in theirs.tasks.items():
        old, mine = base.tasks.get(task_id), ours.tasks.get(task_id)
        if old is None or mine is None or task.classification.rank <= old.classification.rank:
            continue
        under = _under(task_id, below)
        hidden = [t for t in under if t in unseen]
        if not hidden:
            continue
        levels = levels or effective_levels(ours)
        raised = [t for t in under if levels[t].rank < task.classification.rank]
        reason = (f"theirs restricts it to {task.classification.label}, which reaches {_tasks(hidden)} under it "
                  f"they cannot see ({_names(ours, hidden)})"
                  + (f" and would withhold {_tasks(raised)} under it from copies at a lower level "
                     f"({_names(ours, raised)})" if raised else ""))
        conflict = Conflict("task", task_id, f"{mine.key} {mine.name}", "classification", old.classification,
                            mine.classification, task.classification, reason)
        if _recorded(conflict, choices, conflicts) and task_id in merged.tasks:
            # A copy: the merged plan may hold their task object itself, which must stay as they sent it.
            merged.tasks[task_id] = dataclasses.replace(merged.tasks[task_id], classification=mine.classification)


def _tasks(ids: list[str]) -> str:
    """'1 task', '3 tasks'."""
    return f"{len(ids)} task{'s' if len(ids) != 1 else ''}"


def _guard_calendars(base: Project, ours: Project, theirs: Project, merged: Project, unseen: set[str],
                     choices: dict[str, str], conflicts: list[Conflict]) -> None:
    for cid, their in theirs.calendars.items():
        old, mine = base.calendars.get(cid), ours.calendars.get(cid)
        if old is None or mine is None or _same(their, old) or not _same(mine, old):
            continue  # new, deleted by us, left alone by them, or changed by both (a conflict already)
        users = [t for t in unseen if (ours.tasks[t].calendar_id or ours.default_calendar_id) == cid]
        if not users:
            continue
        reason = (f"theirs {_change(old, their)}, which would move {_tasks(users)} of ours on it they cannot "
                  f"see ({_names(ours, users)})")
        conflict = Conflict("calendar", cid, mine.name, None, old, mine, their, reason)
        if _recorded(conflict, choices, conflicts):
            merged.calendars[cid] = copy.deepcopy(mine)


def _guard_default_calendar(base: Project, ours: Project, theirs: Project, merged: Project, unseen: set[str],
                            choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Their switch of the plan's default calendar, which moves every unseen task naming no calendar."""
    old, mine, their = base.default_calendar_id, ours.default_calendar_id, theirs.default_calendar_id
    if their in (old, mine) or mine != old:
        return  # left alone by them, the same as ours, or changed by both (a conflict already)
    users = sorted((t for t in unseen if ours.tasks[t].calendar_id is None), key=lambda t: ours.tasks[t].key)
    if not users:
        return
    was, now = _calendar_name(ours, mine), _calendar_name(theirs, their)
    reason = (f"theirs makes '{now}' the plan's default calendar instead of '{was}', which would move "
              f"{_tasks(users)} of ours naming no calendar they cannot see ({_names(ours, users)})")
    conflict = Conflict("plan", ours.id, ours.name, "default_calendar_id", _calendar_name(base, old), was, now,
                        reason)
    if _recorded(conflict, choices, conflicts):
        merged.default_calendar_id = mine


def _calendar_name(plan: Project, calendar_id: str | None) -> str:
    """A calendar as the planner knows it: by name (the 7-day Continuous one when the plan names none)."""
    found = plan.calendars.get(calendar_id) if calendar_id is not None else None
    return found.name if found is not None else (calendar_id or CONTINUOUS_NAME)


def _recorded(conflict: Conflict, choices: dict[str, str], conflicts: list[Conflict]) -> bool:
    """Record the conflict (unless both sides' change already is one); True when ours is to be kept."""
    if any(c.key == conflict.key for c in conflicts):
        return False
    conflict.resolution = choices.get(conflict.key, "ours")
    conflicts.append(conflict)
    return conflict.resolution == "ours"


def _sub_tasks(plan: Project) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for task_id, task in plan.tasks.items():
        if task.parent_id is not None:
            children.setdefault(task.parent_id, []).append(task_id)
    return children


def _under(task_id: str, children: dict[str, list[str]]) -> list[str]:
    """Every task below `task_id`, in outline order of discovery."""
    found, stack, seen = [], list(reversed(children.get(task_id, []))), {task_id}
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            found.append(node)
            stack.extend(reversed(children.get(node, [])))
    return found


def _names(plan: Project, task_ids: list[str]) -> str:
    named = ", ".join(f"{plan.tasks[t].key} {plan.tasks[t].name}" for t in task_ids[:_NAMED])
    return named + (f" and {len(task_ids) - _NAMED} more" if len(task_ids) > _NAMED else "")


def _same(a: Calendar, b: Calendar) -> bool:
    return a.weekdays == b.weekdays and a.exceptions == b.exceptions


def _change(old: Calendar, new: Calendar) -> str:
    """What `new` changes in `old`, in a planner's words: "adds the closure 'Festival' (2031-02-10 to
    2031-02-16)", "stops working on Saturday"."""
    parts = [f"adds the {_exception(x)}" for x in new.exceptions if x not in old.exceptions]
    parts += [f"removes the {_exception(x)}" for x in old.exceptions if x not in new.exceptions]
    parts += _weekday_changes(old.weekdays, new.weekdays)
    return f"changes calendar '{old.name}': " + "; ".join(parts)


def _exception(exception: CalendarException) -> str:
    kind = "working days" if exception.working else "closure"
    span = exception.start.isoformat() + ("" if exception.finish == exception.start else
                                          f" to {exception.finish.isoformat()}")
    return f"{kind} '{exception.name}' ({span})"


def _weekday_changes(old: Iterable[bool], new: Iterable[bool]) -> list[str]:
    changes = []
    for day, was, now in zip(_WEEKDAYS, old, new, strict=True):
        if was != now:
            changes.append(f"{'starts' if now else 'stops'} working on {day}")
    return changes
