"""Compare two plans: what was added, removed and changed (field by field), and where milestones moved.

Objects are matched by stable id, falling back to key (tasks, participants), name (baselines) or
the linked pair (links). References (a task's parent and owner, a link's ends) are compared and
shown by key, so a re-imported plan with new ids does not show every task as moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..domain import Link, PlannerError, Precision, Project, format_fuzzy_date, shown_start
from ..domain.durations import format_days
from ..engine.cpm import schedule
from ..engine.schedule import Schedule
from ..engine.shown_dates import variance_text
from ..engine.shown_precision import ShownPrecision
from .matching import (
    LINK_REFERENCES,
    TASK_REFERENCES,
    References,
    comparable,
    field_differences,
    match_ids,
    participant_key,
    task_key,
)


@dataclass(slots=True)
class FieldChange:
    """One field of one object: old value -> new value (plain JSON values)."""

    field: str
    old: Any
    new: Any


@dataclass(slots=True)
class ItemDiff:
    """An object added, removed or changed; `label` is how a planner recognises it (key and name)."""

    id: str
    label: str
    changes: list[FieldChange] = field(default_factory=list)
    old_id: str = ""  # the id in plan A when it differs (matched by key)
    # Whether its days (a duration, an estimate, a lag) are elapsed in A and in B: how they read ('5 ed').
    elapsed: tuple[bool, bool] = (False, False)
    # A baseline's entries are keyed as the JSON gives them; a person reads each task by its name (key).
    entry_names: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class SectionDiff:
    """Added, removed and changed objects of one kind."""

    added: list[ItemDiff] = field(default_factory=list)
    removed: list[ItemDiff] = field(default_factory=list)
    changed: list[ItemDiff] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(slots=True)
class MilestoneMove:
    """A milestone whose scheduled date differs between the two plans (days > 0 = later)."""

    id: str
    label: str
    old: str  # ISO points (a milestone at the end of a day: the day after the day shown)
    new: str
    days: int  # between the points
    old_precision: str = "day"  # how precisely each plan knows the date ('year' when driven by "2030")
    new_precision: str = "day"
    old_at_day_end: bool = False  # the point is the end of the day before it (engine.schedule.TaskDates)
    new_at_day_end: bool = False

    def shown_days(self) -> tuple[date, date]:
        """The old and new days a person reads (a milestone at Friday 17:00: Friday)."""
        was, now = date.fromisoformat(self.old), date.fromisoformat(self.new)
        return shown_start(was, was, self.old_at_day_end), shown_start(now, now, self.new_at_day_end)

    def shown(self) -> tuple[str, str]:
        """The old and new dates as a person reads them, each as precisely as it is known."""
        was, now = self.shown_days()
        return (format_fuzzy_date(was, Precision(self.old_precision)),
                format_fuzzy_date(now, Precision(self.new_precision)))

    def variance(self) -> str:
        """The move at the precision of the dates compared, as the slip report reads it: '+2 mo'
        between months, '+3 y' between years, '+12 d' between days (engine.shown_dates.variance_text)."""
        was, now = self.shown_days()
        return variance_text(self.days, was, now, Precision(self.old_precision), Precision(self.new_precision))


@dataclass(slots=True)
class PlanDiff:
    """Everything that differs between plan A (old) and plan B (new)."""

    plan: list[FieldChange] = field(default_factory=list)
    tasks: SectionDiff = field(default_factory=SectionDiff)
    links: SectionDiff = field(default_factory=SectionDiff)
    participants: SectionDiff = field(default_factory=SectionDiff)
    baselines: SectionDiff = field(default_factory=SectionDiff)
    milestone_moves: list[MilestoneMove] = field(default_factory=list)
    schedule_notes: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when the two plans' content is the same."""
        sections = (self.tasks, self.links, self.participants, self.baselines)
        return not self.plan and all(s.is_empty() for s in sections)

    def to_dict(self) -> dict[Any, Any]:
        """A JSON-ready structure (field values as stored: days as numbers, with `elapsed` a field of its own)."""
        data = asdict(self)
        for kind in ("tasks", "links", "participants", "baselines"):
            for item in (item for items in data[kind].values() for item in items):
                del item["elapsed"], item["entry_names"]
        return data


def _task_label(project: Project, task_id: str) -> str:
    return named(project.tasks[task_id])


def named(item: Any) -> str:
    """A task or participant as the task table and the rest of the product read it: its name first,
    its key beside it ("Chang'e 7 south-pole survey (change-7)"), as a baseline's entries are listed."""
    return f"{item.name} ({item.key})"


def _link_label(project: Project, link: Link, references: References) -> str:
    """'Chang'e 8 ISRU and 3D-printing test → Pakistan rover on Chang'e 8 (FS)': the tasks by name, as
    the Predecessors cell's tooltip names them (References.task_by_name)."""
    lag = f" {format_days(link.lag, link.elapsed, signed=True)}" if link.lag else ""
    ends = (references.task_by_name(project, link.pred_id), references.task_by_name(project, link.succ_id))
    return f"{ends[0]} → {ends[1]} ({link.type.value}{lag})"


def _section(a: Project, b: Project, kind: str, references: References) -> SectionDiff:
    old, new = getattr(a, kind), getattr(b, kind)
    if kind == "baselines":
        old, new = {x.id: x for x in old}, {x.id: x for x in new}
    key_of, label, refs = _KINDS[kind]
    # A link of B is matched by the tasks its ends name in A, not by their keys (which may be shared).
    matched = match_ids(old, new, lambda obj: key_of(obj, lambda _, ref: ref),
                        lambda obj: key_of(obj, references.in_a))
    section = SectionDiff()
    for nid in new:
        if nid not in matched:
            section.added.append(ItemDiff(nid, label(b, new[nid], references)))
    kept = set(matched.values())  # a set: `in matched.values()` scanned them all for each object
    for oid in old:
        if oid not in kept:
            section.removed.append(ItemDiff(oid, label(a, old[oid], references)))
    ranks = (_sibling_ranks(a, kept), _sibling_ranks(b, set(matched))) if kind == "tasks" else None
    for nid, oid in matched.items():
        if _unchanged(a, b, old[oid], new[nid], refs, references):
            continue
        diffs = _differences(a, b, old[oid], new[nid], refs, references)
        if ranks is not None and ranks[0].get(oid) == ranks[1].get(nid):
            diffs = [d for d in diffs if d[0] != "position"]  # only shifted by siblings added or removed
        names: dict[str, str] = {}
        if kind == "baselines":  # the chain's hash is not content: a partner copy's chain is made
            # again over the baselines it keeps (and the signed history is checked on its own)
            diffs = [_entry_summary(a, b, d, references, names) if d[0] == "entries" else d
                     for d in diffs if d[0] != "prev_hash"]
        if diffs:
            elapsed = (getattr(old[oid], "elapsed", False), getattr(new[nid], "elapsed", False))
            section.changed.append(ItemDiff(nid, label(b, new[nid], references), [FieldChange(*d) for d in diffs],
                                            oid if oid != nid else "", elapsed, names))
    return section


def _unchanged(a: Project, b: Project, old: Any, new: Any, refs: dict[str, str], references: References) -> bool:
    """Equal fields naming the same objects by the same keys: nothing to compare field by field (most
    objects of a plan)."""
    if old != new:
        return False
    for name, kind in refs.items():
        ref = getattr(new, name)  # old's is equal
        if ref is not None and (references.in_a(kind, ref) != ref or _KEY_OF[kind](a, ref) != _KEY_OF[kind](b, ref)):
            return False
    return True


_KEY_OF = {"task": task_key, "participant": participant_key}


def _differences(a: Project, b: Project, old: Any, new: Any, refs: dict[str, str],
                 references: References) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for each field that differs; a reference differs when the key it is shown by
    changed, or when it names another object (which may share the key: it is then shown with its name)."""
    keyed_old, keyed_new = comparable(a, old, refs), comparable(b, new, refs)
    differing = {name: (keyed_old[name], value) for name, value in keyed_new.items() if keyed_old[name] != value}
    for name, kind in refs.items():
        old_ref, new_ref = getattr(old, name), getattr(new, name)
        if name in differing or references.in_a(kind, new_ref) == old_ref:
            continue
        shown = (references.shown(a, kind, old_ref), references.shown(b, kind, new_ref))
        differing[name] = shown if shown[0] != shown[1] else (f"{shown[0]} [{old_ref}]", f"{shown[1]} [{new_ref}]")
    return [(name, *differing[name]) for name in keyed_new if name in differing]


def _sibling_ranks(project: Project, kept: set[str]) -> dict[str, int]:
    """Each kept task's place among its kept siblings: what a person sees as its order."""
    by_parent: dict[str | None, list[tuple[int, str]]] = {}
    for tid in kept:
        task = project.tasks[tid]
        by_parent.setdefault(task.parent_id, []).append((task.position, tid))
    return {tid: rank for siblings in by_parent.values() for rank, (_, tid) in enumerate(sorted(siblings))}


def _entry_summary(a: Project, b: Project, diff: tuple[str, Any, Any], references: References,
                   names: dict[str, str]) -> tuple[str, Any, Any]:
    """Only the baseline entries that differ, keyed by task key, instead of two whole tables (with the
    task's name, and its id, where tasks share a key: one entry must not hide another). `names` is
    filled with how a person reads each: the task's name, its key beside it."""
    _, old, new = diff
    differing = sorted(tid for tid in set(old) | set(new) if old.get(tid) != new.get(tid))
    label = {tid: references.shown(b if tid in b.tasks else a, "task", tid) or tid for tid in differing}
    if len(set(label.values())) < len(label):
        label = {tid: f"{shown} [{tid}]" for tid, shown in label.items()}
    for tid, shown in label.items():
        task = b.tasks.get(tid) or a.tasks.get(tid)
        names[shown] = f"{task.name} ({shown})" if task is not None and task.name and task.name != shown else shown
    return ("entries", {label[t]: old.get(t) for t in differing}, {label[t]: new.get(t) for t in differing})


# kind -> (matching key, given how a task reference reads in plan A; label; reference fields)
_KINDS: dict[str, tuple[Callable[[Any, Any], Any], Callable[[Project, Any, References], str], Any]] = {
    "tasks": (lambda t, _: t.key, lambda p, t, _: named(t), TASK_REFERENCES),
    "links": (lambda k, in_a: (in_a("task", k.pred_id), in_a("task", k.succ_id)), _link_label, LINK_REFERENCES),
    "participants": (lambda x, _: x.key, lambda p, x, _: named(x), {}),
    "baselines": (lambda x, _: x.name, lambda p, x, _: x.name, {}),
}


def _schedule_or_note(project: Project, which: str, notes: list[str]) -> Schedule | None:
    try:
        return schedule(project)
    except PlannerError as err:
        notes.append(f"plan {which} cannot be scheduled: {err.message}")
        return None


def milestone_moves(a: Project, b: Project, notes: list[str]) -> list[MilestoneMove]:
    """Milestones (in both plans) whose scheduled date moved, latest slip first."""
    sched_a = _schedule_or_note(a, "A", notes)
    sched_b = _schedule_or_note(b, "B", notes) if sched_a else None
    if not (sched_a and sched_b):
        return []
    matched = match_ids(a.tasks, b.tasks, lambda t: t.key)
    summaries = b.summary_ids() | a.summary_ids()  # a phase is not a milestone, whatever its own duration
    shown_a, shown_b = ShownPrecision(a, sched_a), ShownPrecision(b, sched_b)
    moves = []
    for nid, oid in matched.items():
        if nid in summaries or oid in summaries:
            continue
        if not b.tasks[nid].is_milestone or nid not in sched_b.tasks or oid not in sched_a.tasks:
            continue
        was, now = sched_a.tasks[oid], sched_b.tasks[nid]
        if (was.early_start, was.shown_start) != (now.early_start, now.shown_start):  # the point or the day shown
            moves.append(MilestoneMove(nid, _task_label(b, nid), was.early_start.isoformat(),
                                       now.early_start.isoformat(), (now.early_start - was.early_start).days,
                                       shown_a.of(oid).value, shown_b.of(nid).value, was.early_at_day_end,
                                       now.early_at_day_end))
    return sorted(moves, key=lambda m: (-abs(m.days), m.label))


def diff_projects(a: Project, b: Project, *, with_schedule: bool = True) -> PlanDiff:
    """Compare plan `a` (old) with plan `b` (new)."""
    result = PlanDiff()
    skip = ("id", "tasks", "links", "participants", "baselines", "signature", "secret", "supplied", "partner_texts",
            "sent_copies")
    result.plan = [FieldChange(*d) for d in field_differences(comparable(a, a, {}, skip), comparable(b, b, {}, skip))]
    references = References(a, b)
    for kind in ("tasks", "links", "participants", "baselines"):
        setattr(result, kind, _section(a, b, kind, references))
    if with_schedule:
        result.milestone_moves = milestone_moves(a, b, result.schedule_notes)
    return result
