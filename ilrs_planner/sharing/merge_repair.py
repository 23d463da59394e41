"""After combining two sides: no dangling references, no duplicate keys, one link per pair of tasks, no
dependency loops."""

from __future__ import annotations

import copy

from ..domain import Project
from .merge_link_pairs import keep_one_link_per_pair
from .merge_loops import break_loops
from .merge_parts import Conflict


def _surviving_ancestor(task_id: str | None, merged: Project, plans: tuple[Project, ...]) -> str | None:
    """The nearest ancestor of a deleted parent that is still in the merged plan (None = top level)."""
    seen = set()
    while task_id is not None and task_id not in merged.tasks and task_id not in seen:
        seen.add(task_id)
        task_id = next((p.tasks[task_id].parent_id for p in plans if task_id in p.tasks), None)
    return task_id if task_id in merged.tasks else None


def _drop_dangling(merged: Project, plans: tuple[Project, ...]) -> None:
    for task in merged.tasks.values():
        if task.parent_id is not None and task.parent_id not in merged.tasks:
            task.parent_id = _surviving_ancestor(task.parent_id, merged, plans)
    merged.links = {lid: k for lid, k in merged.links.items()
                    if k.pred_id in merged.tasks and k.succ_id in merged.tasks}
    for task in merged.tasks.values():
        if task.owner_id is not None and task.owner_id not in merged.participants:
            task.owner_id = None
    _keep_used_calendars(merged, plans)
    # Baselines are left whole: a snapshot keeps the history of work deleted since (its entries
    # may name deleted tasks on purpose), so a deletion on either side must not rewrite history.


def _keep_used_calendars(merged: Project, plans: tuple[Project, ...]) -> None:
    """A calendar a merged task (or the plan's default) still names stays, whichever side deleted it:
    a partner copy lacks the calendars only withheld work uses, so the partner cannot have meant
    to take them from tasks they never saw. One no side has any more leaves the task on the default."""
    for task in merged.tasks.values():
        if task.calendar_id is not None and not _restore_calendar(merged, task.calendar_id, plans):
            task.calendar_id = None
    if merged.default_calendar_id is not None and not _restore_calendar(merged, merged.default_calendar_id, plans):
        merged.default_calendar_id = None


def _restore_calendar(merged: Project, calendar_id: str, plans: tuple[Project, ...]) -> bool:
    if calendar_id not in merged.calendars:
        found = next((plan.calendars[calendar_id] for plan in plans if calendar_id in plan.calendars), None)
        if found is None:
            return False
        merged.calendars[calendar_id] = copy.deepcopy(found)
    return True


def _report_duplicate_keys(merged: Project, conflicts: list[Conflict]) -> None:
    by_key: dict[str, list[str]] = {}
    for task in merged.tasks.values():
        by_key.setdefault(task.key, []).append(task.id)
    for key, ids in by_key.items():
        for extra in ids[1:]:  # keep both tasks (nothing is lost); give the later one a distinct key
            task = merged.tasks[extra]
            new_key = f"{key}-{extra[:6]}"
            conflicts.append(Conflict("task", extra, f"{key} {task.name}", "key", None, key, key,
                                      f"both sides use the key '{key}' for different tasks; renamed to "
                                      f"'{new_key}'", "both"))
            task.key = new_key


def _parent_loop(merged: Project, start: str, safe: set[str]) -> list[str] | None:
    """The loop `start`'s chain of parents runs into, or None; `safe` holds tasks known to reach the
    top, and gains this chain when it does (so a WBS thousands of levels deep is walked once, not once
    per task: a partner's 50,000-level outline made the merge run for hours)."""
    seen: dict[str, int] = {}  # insertion-ordered, with constant-time lookups
    task_id: str | None = start
    while task_id is not None and task_id in merged.tasks and task_id not in safe:
        if task_id in seen:
            return list(seen)[seen[task_id]:]
        seen[task_id] = len(seen)
        task_id = merged.tasks[task_id].parent_id
    safe.update(seen)
    return None


def _break_parent_loops(merged: Project, base: Project, ours: Project, theirs: Project,
                        choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Each side moved a task under the other's (A under B, B under A): put back the losing side's move."""
    safe: set[str] = set()  # stays true as loops are undone: a task reaching the top passes through none
    for task_id in list(merged.tasks):
        loop = _parent_loop(merged, task_id, safe)
        if not loop:
            continue
        keys = " ⊂ ".join(merged.tasks[t].key for t in loop)
        conflict = Conflict("outline", "-".join(sorted(loop)), keys, "parent_id", None, None, None,
                            "the two sides' moves place these tasks inside each other")
        conflict.resolution = choices.get(conflict.key, "ours")
        loser, winner = (theirs, ours) if conflict.resolution == "ours" else (ours, theirs)
        moved = [t for t in loop if t in loser.tasks and t in base.tasks
                 and loser.tasks[t].parent_id != base.tasks[t].parent_id] or loop[:1]
        undo = moved[0]
        restored = winner.tasks[undo].parent_id if undo in winner.tasks else None
        merged.tasks[undo].parent_id = restored if _parent_loop_free(merged, undo, restored, safe) else None
        conflict.base, conflict.ours, conflict.theirs = (_parent_key(plan, undo) for plan in (base, ours, theirs))
        conflict.reason += f"; {merged.tasks[undo].key} stays where the {conflict.resolution} side has it"
        conflicts.append(conflict)


def _parent_key(plan: Project, task_id: str) -> str:
    parent = plan.tasks[task_id].parent_id if task_id in plan.tasks else None
    return plan.tasks[parent].key if parent in plan.tasks else "(top level)"


def _parent_loop_free(merged: Project, task_id: str, parent_id: str | None, safe: set[str]) -> bool:
    old = merged.tasks[task_id].parent_id
    merged.tasks[task_id].parent_id = parent_id
    free = _parent_loop(merged, task_id, set(safe)) is None  # a trial: what it learns is not kept
    merged.tasks[task_id].parent_id = old
    return free


def repair(merged: Project, base: Project, ours: Project, theirs: Project,
           choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Make the merged plan consistent, reporting what had to give."""
    _drop_dangling(merged, (ours, theirs, base))
    _break_parent_loops(merged, base, ours, theirs, choices, conflicts)
    _report_duplicate_keys(merged, conflicts)
    keep_one_link_per_pair(merged, base, ours, theirs, choices, conflicts)
    break_loops(merged, base, ours, theirs, choices, conflicts)
