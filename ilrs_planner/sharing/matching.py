"""Which object in one plan is which in another: by stable id, falling back to key (or name).

Plans that were copied share ids, so ids decide. A plan rebuilt elsewhere (say, re-imported from
MS Project) has new ids but the same keys, so an unmatched object is then matched by its key.
"""

from __future__ import annotations

import dataclasses
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


def comparable(project: Project, obj: Any, references: dict[str, str], skip: Iterable[str] = ("id",)) -> dict[Any, Any]:
    """An object's fields as plain values, with references to other objects shown by key."""
    values = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        kind = references.get(f.name)
        if kind == "task":
            value = task_key(project, value)
        elif kind == "participant":
            value = participant_key(project, value)
        values[f.name] = plain_value(value)
    return values


def field_differences(old: dict[Any, Any], new: dict[Any, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field whose value differs, in field order."""
    return [(name, old.get(name), new.get(name)) for name in new if old.get(name) != new.get(name)]
