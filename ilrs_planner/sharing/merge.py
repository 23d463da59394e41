"""Three-way merge of plans by stable ids: combine both sides' changes, report every conflict.

Changes of theirs never taken silently: a rewritten or removed baseline (history), a task or
participant made visible to more people than in ours (need-to-know), a tie to a task they were
never sent (merge_guard.py), and a baseline only they have (merge_history.py).

Per object and per field: a value changed on one side only is taken; the same change on both
sides is taken once; different changes to the same field are a conflict. An object edited on one
side and deleted on the other is a conflict too, where "edited" includes gaining a dependency or
a sub-task. Each conflict carries both values and a resolution ("ours" by default, or "theirs");
`merge_projects(..., choices={conflict.key: "theirs"})` re-runs the merge with those choices,
which is how the GUI resolves conflicts one by one. After combining, a dependency loop created by
the two sides together is broken by dropping the loop's link added by the losing side, and
reported; references left dangling by a deletion are dropped (children move up to the nearest
surviving ancestor) and reported with the deletion's conflict.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ..domain import Link, PlannerError, Project
from .clone import clone_project
from .merge_guard import guard_history, guard_levels, guard_unsent, name_unsent_changes
from .merge_history import chain_taken, guard_new_baselines
from .merge_keys import rekey_their_new_tasks
from .merge_parts import MISSING, Conflict, baselines_by_id, merge_collection, merge_fields
from .merge_plan_dates import guard_plan_dates
from .merge_repair import repair
from .merge_sent import sent_base
from .merge_supplied import supplied_by_merge
from .merge_unseen import guard_unseen
from .partner_texts import texts_by_merge
from .sent_record import seen_level

OURS, THEIRS = "ours", "theirs"
# Plan fields not merged as values: the collections (merged one by one), the signature (a merged plan
# is new content), and the plan's id, what makes a plan a partner copy, the plan's secret, the record of
# names and texts other plans gave it and its record of the copies it sent (the merged plan is ours,
# whatever theirs is: a copy has an id of its own; merge_supplied and partner_texts add to the records).
_OWN_PLAN_FIELDS = ("id", "tasks", "links", "participants", "baselines", "signature", "calendars", "partner_level",
                    "partner_without_notes", "secret", "supplied", "partner_texts", "sent_copies")


@dataclass(slots=True)
class MergeResult:
    """The merged plan (with the current resolutions applied), every conflict found, and notes on what
    was adjusted or refused without a conflict (a numbered key of theirs given a free number, a
    baseline of theirs dated before our history's end left out)."""

    project: Project
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _touching(project: Project, base: Project) -> dict[str, str]:
    """Task id -> what this side did that needs the task: a new/changed link on it or a new sub-task."""
    needs: dict[str, str] = {}
    for link in project.links.values():
        if base.links.get(link.id) != link:
            needs.setdefault(link.pred_id, "adds or changes a dependency on it")
            needs.setdefault(link.succ_id, "adds or changes a dependency on it")
    for task in project.tasks.values():
        old = base.tasks.get(task.id)
        if task.parent_id and (old is None or old.parent_id != task.parent_id):
            needs.setdefault(task.parent_id, "places a task under it")
    return needs


def _owning(project: Project, base: Project) -> dict[str, str]:
    """Participant id -> what this side did that needs it: made it a task's owner."""
    needs: dict[str, str] = {}
    for task in project.tasks.values():
        old = base.tasks.get(task.id)
        if task.owner_id and (old is None or old.owner_id != task.owner_id):
            needs.setdefault(task.owner_id, f"makes it the owner of {task.key}")
    return needs


def merge_projects(base: Project, ours: Project, theirs: Project,
                   choices: dict[str, str] | None = None) -> MergeResult:
    """Merge `ours` and `theirs`, both derived from `base`; `choices` maps conflict keys to ours/theirs."""
    choices = choices or {}
    seen = seen_level(base, ours, theirs)
    base, sent_note = sent_base(base, ours, theirs)
    conflicts: list[Conflict] = []
    merged = clone_project(ours)
    merged.signature = None  # a merged plan is new content: nobody has signed it
    plan_fields = [f.name for f in dataclasses.fields(Project)
                   if f.name not in _OWN_PLAN_FIELDS]
    for name, value in merge_fields("plan", ours.id, ours.name, plan_fields, base, ours, theirs,
                                    choices, conflicts).items():
        setattr(merged, name, value)
    merged.tasks = merge_collection("task", base.tasks, ours.tasks, theirs.tasks, choices, conflicts,
                                    label=lambda t: f"{t.key} {t.name}",
                                    needs=(_touching(ours, base), _touching(theirs, base)))
    merged.links = merge_collection("link", base.links, ours.links, theirs.links, choices, conflicts,
                                    label=lambda k: _link_label(k, base, ours, theirs))
    merged.participants = merge_collection("participant", base.participants, ours.participants,
                                           theirs.participants, choices, conflicts,
                                           label=lambda p: f"{p.key} {p.name}",
                                           needs=(_owning(ours, base), _owning(theirs, base)))
    # Calendar by calendar, not as one field: taking their calendars whole would drop every calendar
    # they never saw (one only withheld work uses is left out of a partner copy). One a task still
    # uses stays whoever deleted it (merge_repair).
    calendars = merge_collection("calendar", base.calendars, ours.calendars, theirs.calendars, choices, conflicts,
                                 label=lambda c: c.name, whole=True)
    merged.calendars = copy.deepcopy(calendars)  # the merged plan's own: an edit to it leaves both sides alone
    baselines = merge_collection("baseline", baselines_by_id(base.baselines), baselines_by_id(ours.baselines),
                                 baselines_by_id(theirs.baselines), choices, conflicts, label=lambda b: b.name,
                                 whole=True)
    guard_history(base, ours, theirs, baselines, choices, conflicts)
    notes = guard_new_baselines(base, ours, theirs, baselines, choices, conflicts)
    merged.baselines = chain_taken(_ordered_baselines(baselines, ours, theirs), ours)
    guard_unsent(base, ours, theirs, merged, choices, conflicts)
    name_unsent_changes(base, ours, conflicts)
    guard_unseen(base, ours, theirs, merged, choices, conflicts)
    guard_plan_dates(base, ours, theirs, merged, choices, conflicts)
    notes += rekey_their_new_tasks(merged, base, ours, theirs)
    notes[:0] = [sent_note] if sent_note else []
    repair(merged, base, ours, theirs, choices, conflicts)
    guard_levels(ours, merged, choices, conflicts)
    merged.supplied = supplied_by_merge(ours, merged)
    merged.partner_texts = texts_by_merge(base, ours, theirs, merged, seen)
    return MergeResult(merged, conflicts, notes)


def merge_named(sides: dict[str, tuple[Project, str]], choices: dict[str, str] | None = None) -> MergeResult:
    """merge_projects over sides "BASE", "OURS", "THEIRS", each a plan and where it came from. A
    refusal that one side causes by itself (a task of theirs linked to itself) names that side: the
    merge, and the planner, would otherwise not know whose plan holds the fault."""
    plans = {role: plan for role, (plan, _where) in sides.items()}
    try:
        return merge_projects(plans["BASE"], plans["OURS"], plans["THEIRS"], choices)
    except PlannerError as error:
        raise _named_by_side(error, sides) from error


def _named_by_side(error: PlannerError, sides: dict[str, tuple[Project, str]]) -> PlannerError:
    from ..engine.cpm import schedule

    for role, (plan, where) in sides.items():
        try:
            schedule(plan)
        except PlannerError as own:
            return PlannerError(own.code, f"{role} ({where}) cannot be merged: {own.message}", own.subject_ids)
    return error


def _link_label(link: Link, *plans: Project) -> str:
    def key(task_id: str) -> str:
        for plan in plans:
            if task_id in plan.tasks:
                return plan.tasks[task_id].key
        return task_id
    return f"{key(link.pred_id)} → {key(link.succ_id)} ({link.type.value})"


def _ordered_baselines(merged: dict[Any, Any], ours: Project, theirs: Project) -> list[Any]:
    """Ours' order of history first, then baselines only theirs has, in their order."""
    order = [b.id for b in ours.baselines] + [b.id for b in theirs.baselines]
    seen, result = set(), []
    for bid in order:
        if bid in merged and bid not in seen:
            seen.add(bid)
            result.append(merged[bid])
    return result


__all__ = ["Conflict", "MISSING", "MergeResult", "OURS", "THEIRS", "merge_named", "merge_projects"]
