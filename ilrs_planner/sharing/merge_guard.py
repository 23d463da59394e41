"""What the other side of a merge may not do quietly: rewrite our history, or show more than we do.

Their plan may come from a partner, so three of its changes are never taken on its word alone:
- **History.** A baseline we both had is a record of what was announced. Their version of it
  changed, or its removal, would rewrite that record (re-chained, it would even sign cleanly), so
  it is a conflict and ours is kept.
- **Need-to-know.** A task or participant whose classification they lowered, or a task they moved
  out from under a more restricted summary, would appear in the next partner copy. It is a conflict
  and keeps the level it had in our plan (a moved task keeps its new place, classified at the level
  its old summary gave it).
- **Unsent tasks.** A task of ours that the common base lacks (withheld from their partner copy, or
  added by us since) is one they were never sent. A dependency they add on it, or a task they place
  under it (or give an owner we never sent them), means they learnt its id elsewhere (the reference
  roadmap's ids follow from its keys): taken quietly it would move or restructure work they may not
  see. It is a conflict, and ours is kept; so is any change of theirs to such a task (or its links, or
  such a participant), which their plan can only hold by an id it guessed.
Each can be resolved "theirs" like any conflict, when the change is wanted.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..domain import Classification, Project
from .merge_parts import MISSING, Conflict, baselines_by_id

HISTORY_REASON = "theirs rewrites a baseline we both had (history is kept as we have it)"
REMOVED_REASON = "theirs removes a baseline we both had (history is kept as we have it)"
LEVEL_REASON = "theirs lets more people see it than our plan does"
UNSENT_REASON = "theirs ties it to a task, participant or calendar of ours they were never sent"
UNSENT_CHANGE_REASON = "theirs changes a {kind} of ours their copy was never sent"


def guard_history(base: Project, ours: Project, theirs: Project, merged: dict[str, Any],
                  choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Baselines in `merged` (by id) that theirs changed or removed go back to ours, as conflicts."""
    in_ours, in_theirs = baselines_by_id(ours.baselines), baselines_by_id(theirs.baselines)
    for old in base.baselines:
        mine, their = in_ours.get(old.id), in_theirs.get(old.id)
        if mine is None or their == old:
            continue  # we removed it ourselves, or they left it alone
        reason = REMOVED_REASON if their is None else HISTORY_REASON
        conflict = Conflict("baseline", old.id, old.name, None, old, mine, their, reason)
        conflict.resolution = choices.get(conflict.key, "ours")
        conflicts.append(conflict)
        if conflict.resolution == "ours":
            merged[old.id] = mine
        elif their is None:
            merged.pop(old.id, None)
        else:
            merged[old.id] = their


def guard_levels(ours: Project, merged: Project, choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Tasks and participants the merge would show more widely than ours does go back to ours' level."""
    before, after = effective_levels(ours), effective_levels(merged)
    for task_id, level in after.items():
        if task_id in before and level.rank < before[task_id].rank:
            task = merged.tasks[task_id]
            _lowered("task", task_id, f"{task.key} {task.name}", before[task_id], task, choices, conflicts)
    for pid, person in merged.participants.items():
        mine = ours.participants.get(pid)
        if mine is not None and person.classification.rank < mine.classification.rank:
            _lowered("participant", pid, f"{person.key} {person.name}", mine.classification, person, choices,
                     conflicts)


def effective_levels(plan: Project) -> dict[str, Classification]:
    """Each task's level as a partner copy applies it: its own, or a more restricted summary's above it."""
    levels: dict[str, Classification] = {}
    for task_id in plan.tasks:
        chain: list[str] = []
        seen: set[str] = set()
        node: str | None = task_id
        while node is not None and node in plan.tasks and node not in levels and node not in seen:
            seen.add(node)
            chain.append(node)
            node = plan.tasks[node].parent_id
        inherited = levels.get(node) if node is not None else None
        for member in reversed(chain):  # from the top down
            own = plan.tasks[member].classification
            inherited = own if inherited is None or own.rank > inherited.rank else inherited
            levels[member] = inherited
    return levels


def _lowered(kind: str, obj_id: str, label: str, kept: Classification, obj: Any, choices: dict[str, str],
             conflicts: list[Conflict]) -> None:
    conflict = Conflict(kind, obj_id, label, "classification", kept, kept, obj.classification, LEVEL_REASON)
    if any(c.key == conflict.key for c in conflicts):
        return  # both sides changed the level: already a conflict, resolved as chosen
    conflict.resolution = choices.get(conflict.key, "ours")
    conflicts.append(conflict)
    if conflict.resolution == "ours":
        obj.classification = kept


def guard_unsent(base: Project, ours: Project, theirs: Project, merged: Project, choices: dict[str, str],
                 conflicts: list[Conflict]) -> None:
    """Their links to, and tasks placed under, tasks only ours has go back to ours' version (module doc)."""
    unsent = set(ours.tasks) - set(base.tasks)
    for link_id, link in theirs.links.items():
        if base.links.get(link_id) != link and {link.pred_id, link.succ_id} & unsent:
            label = f"{_key(ours, link.pred_id)} → {_key(ours, link.succ_id)}"
            if _unsent_conflict("link", link_id, label, None, ours.links.get(link_id), link, choices, conflicts):
                _restore(merged.links, link_id, ours.links.get(link_id))
    unsent_people = set(ours.participants) - set(base.participants)
    # A calendar only withheld work uses is left out of a copy: a task of theirs set on it (its id guessed)
    # would put it, with its closures' names and days, in every later copy.
    unsent_calendars = set(ours.calendars) - set(base.calendars)
    ties = (("parent_id", unsent, ours.tasks), ("owner_id", unsent_people, ours.participants),
            ("calendar_id", unsent_calendars, ours.calendars))
    for task_id, task in theirs.tasks.items():
        for field, hidden, named in ties:
            _guard_reference(task_id, task, field, hidden, named, base, ours, merged, choices, conflicts)
    if theirs.default_calendar_id in unsent_calendars and base.default_calendar_id != theirs.default_calendar_id:
        shown = (_name(ours.calendars, ours.default_calendar_id), _name(ours.calendars, theirs.default_calendar_id))
        if _unsent_conflict("plan", ours.id, ours.name, "default_calendar_id", *shown, choices, conflicts):
            merged.default_calendar_id = ours.default_calendar_id


def name_unsent_changes(base: Project, ours: Project, conflicts: list[Conflict]) -> None:
    """A conflict over a task, link or participant of ours that the base lacks and theirs holds by its id
    (guessed: the reference roadmap's ids follow from its keys) says so, not "both sides changed it"."""
    for conflict in conflicts:
        kind = conflict.kind
        if kind in ("task", "link", "participant") and conflict.base is MISSING \
                and conflict.id in getattr(ours, kind + "s") and conflict.id not in getattr(base, kind + "s"):
            conflict.reason = UNSENT_CHANGE_REASON.format(kind=kind)


def _guard_reference(task_id: str, task: Any, field: str, hidden: set[str], objects: dict[str, Any], base: Project,
                     ours: Project, merged: Project, choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Their task's parent (or owner) set to one only ours has: a conflict keeping ours' value."""
    theirs_value, old = getattr(task, field), base.tasks.get(task_id)
    if theirs_value not in hidden or (old is not None and getattr(old, field) == theirs_value):
        return
    mine = ours.tasks.get(task_id)
    kept = getattr(mine, field) if mine else None
    shown = (_name(objects, kept), _name(objects, theirs_value))
    if _unsent_conflict("task", task_id, f"{task.key} {task.name}", field, *shown, choices, conflicts) \
            and task_id in merged.tasks:
        # A copy: the merged plan may hold their task object itself, which must stay as they sent it.
        copy = dataclasses.replace(merged.tasks[task_id])
        setattr(copy, field, kept)
        merged.tasks[task_id] = copy


def _key(plan: Project, task_id: str) -> str:
    return plan.tasks[task_id].key if task_id in plan.tasks else task_id


def _unsent_conflict(kind: str, obj_id: str, label: str, field: str | None, kept: Any, their: Any,
                     choices: dict[str, str], conflicts: list[Conflict]) -> bool:
    """Record the conflict; True when ours is to be kept."""
    conflict = Conflict(kind, obj_id, label, field, None, kept, their, UNSENT_REASON)
    conflicts[:] = [c for c in conflicts if c.key != conflict.key]
    conflict.resolution = choices.get(conflict.key, "ours")
    conflicts.append(conflict)
    return conflict.resolution == "ours"


def _name(objects: dict[str, Any], obj_id: str | None) -> str | None:
    """A task or participant by its key, a calendar by its name; an id of none of them as it is."""
    found = objects.get(obj_id) if obj_id is not None else None
    return obj_id if found is None else getattr(found, "key", None) or found.name


def _restore(objects: dict[str, Any], obj_id: str, kept: Any) -> None:
    if kept is None:
        objects.pop(obj_id, None)
    else:
        objects[obj_id] = kept
