"""Which object in one plan is which in another: by stable id, falling back to key (or name).

Plans that were copied share ids, so ids decide. A plan rebuilt elsewhere (say, re-imported from
MS Project) has new ids but the same keys, so an unmatched object is then matched by its key.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..domain import Project
from ..domain.canonical import plain_value

# Fields holding another object's id: compared and shown as that object's key, not its raw id.
TASK_REFERENCES = {"parent_id": "task", "owner_id": "participant"}
LINK_REFERENCES = {"pred_id": "task", "succ_id": "task"}


def match_ids(old: dict[str, Any], new: dict[str, Any], old_key: Callable[[Any], Any],
              new_key: Callable[[Any], Any] | None = None) -> dict[str, str]:
    """new id -> old id for objects present in both (same id, else same unmatched key)."""
    new_key = new_key or old_key
    matched = {oid: oid for oid in new if oid in old}
    spare_old = {old_key(obj): oid for oid, obj in old.items() if oid not in matched}
    for nid, obj in new.items():
        if nid not in matched and new_key(obj) in spare_old:
            matched[nid] = spare_old.pop(new_key(obj))
    return matched


def task_key(project: Project, task_id: str | None) -> str | None:
    """The key of a task id (None stays None; an unknown id shows as itself)."""
    if task_id is None:
        return None
    task = project.tasks.get(task_id)
    return task.key if task else task_id


def participant_key(project: Project, participant_id: str | None) -> str | None:
    """The key of a participant id (None stays None)."""
    if participant_id is None:
        return None
    participant = project.participants.get(participant_id)
    return participant.key if participant else participant_id


def comparable(project: Project, obj: Any, references: dict[str, str], skip: Iterable[str] = ("id",),
               named: Callable[[str, str | None], Any] | None = None) -> dict[Any, Any]:
    """An object's fields as plain values, with references to other objects shown by key (or as
    `named(kind, id)` gives them)."""
    named = named or (lambda kind, ref: task_key(project, ref) if kind == "task" else participant_key(project, ref))
    values = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        kind = references.get(f.name)
        values[f.name] = named(kind, value) if kind else plain_value(value)
    return values


class References:
    """Which object a reference of plan `b` names in plan `a` (through the matching of the two plans).

    Keys need not be unique: comparing a task's parent or a link's end by key alone once reported a
    task moved to another phase sharing its parent's key as unchanged. A reference is compared as the
    object it names, and shown by key, with the name where several objects share the key.
    """

    def __init__(self, a: Project, b: Project):
        self.a, self.b = a, b
        self.matched = {"task": match_ids(a.tasks, b.tasks, lambda t: t.key),
                        "participant": match_ids(a.participants, b.participants, lambda p: p.key)}
        self._keys: dict[tuple[int, str], Counter[str]] = {}  # how many objects of a plan have each key

    def in_a(self, kind: str, ref: str | None) -> str | None:
        """What plan `a` calls the object `ref` names in plan `b` (its own id when `a` lacks it)."""
        return None if ref is None else self.matched[kind].get(ref, ref)

    def shown(self, project: Project, kind: str, ref: str | None) -> str | None:
        """`ref` as a planner recognises it: the key, and the name too when another object shares the key."""
        objects = project.tasks if kind == "task" else project.participants
        target = objects.get(ref) if ref is not None else None
        if target is None:
            return ref
        if (id(project), kind) not in self._keys:
            self._keys[id(project), kind] = Counter(other.key for other in objects.values())
        shared = self._keys[id(project), kind][target.key] > 1
        return f"{target.key} ({target.name})" if shared else target.key

    def task_by_name(self, project: Project, ref: str) -> str:
        """A task of `project` as the table reads it: its name, with its key where another task shares
        the name ("Review (r-2)"); the id itself when the plan lacks it."""
        target = project.tasks.get(ref)
        if target is None:
            return ref
        if (id(project), "name") not in self._keys:
            self._keys[id(project), "name"] = Counter(other.name for other in project.tasks.values())
        shared = self._keys[id(project), "name"][target.name] > 1
        return f"{target.name} ({target.key})" if shared else target.name


def field_differences(old: dict[Any, Any], new: dict[Any, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field whose value differs, in field order."""
    return [(name, old.get(name), new.get(name)) for name in new if old.get(name) != new.get(name)]
