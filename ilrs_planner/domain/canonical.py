"""A canonical serialisation of a plan's content: what a signature covers and a hash chain links.

Every content field of every object is included (enumerated from the dataclasses, so a field
added to the model is covered without touching this module), objects are sorted by id, keys are
sorted, dates are ISO text and enums their stored text. The signature itself is left out: it is
about the content, not part of it. Two plans with equal content give byte-identical output, so a
re-save that changes nothing keeps a signature valid and any change to content breaks it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Any

from .baseline_entry import entry_reading
from .enums import Classification
from .model import Project
from .plan_parts import Baseline, Participant

FORMAT_TAG = "ilrs-planner/canonical-v1"
# The secret is a key of the owner's, not content (domain.model): a plan gains one when first saved,
# which must not make it another plan; a signature binds it beside the content (sharing/signed_beside.py).
# Nor are the plan's records of the partner copies written from it (sharing/sent_record.py) and of what
# partners wrote in it (sharing/merge_supplied.py, sharing/partner_texts.py).
_EXCLUDED_PROJECT_FIELDS = {"signature", "tasks", "links", "participants", "baselines", "calendars", "secret",
                            "supplied", "partner_texts", "sent_copies"}
# Fields added after plans were first signed: left out while they hold their default, so a plan
# that does not use them keeps the canonical bytes (and so the signatures) it had before.
_LATER_DEFAULTS = {"calendar_id": None, "elapsed": False, "default_calendar_id": None, "key_milestone": False,
                   "confidence": None, "source_date": None, "manual": False,
                   "manual_start": None, "manual_start_at_day_end": False, "partner_level": None,
                   "partner_without_notes": False, "must_finish_by": None}
# ... and those of one kind of object only (a task's classification was always there), merged in
# so each object's fields are looked up in one table.
_LATER_DEFAULTS_OF: dict[type, dict[str, Any]] = {
    Baseline: {**_LATER_DEFAULTS, "classification": Classification.PUBLIC},
    Participant: {**_LATER_DEFAULTS, "classification": Classification.PUBLIC},
}


def plain_value(value: Any) -> Any:
    """A JSON-ready copy of a field value, deterministic across runs."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a calendar's exceptions
        return object_fields(value)
    if (reading := entry_reading(value)) is not None:  # a baseline entry that keeps how it was read
        return [plain_value(item) for item in (*value, *reading)]
    if isinstance(value, (list, tuple)):
        return [plain_value(item) for item in value]
    if hasattr(value, "items"):  # dicts and the read-only mapping of baseline entries
        return {str(key): plain_value(item) for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))}
    return value


def object_fields(obj: Any, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Every dataclass field of `obj` as plain JSON values (properties are derived, so left out)."""
    skip = set(exclude)
    later = _LATER_DEFAULTS_OF.get(type(obj), _LATER_DEFAULTS)
    return {f.name: plain_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)
            if f.name not in skip and not (f.name in later and getattr(obj, f.name) == later[f.name])}


def baseline_record(baseline: Baseline) -> dict[str, Any]:
    """One baseline as plain values (its prev_hash included, so the chain is covered too)."""
    return object_fields(baseline)


def canonical_content(project: Project) -> dict[str, Any]:
    """The plan's content as one plain structure: plan fields, then each collection sorted by id."""
    content = _content(project)
    if project.calendars:  # only then: a plan without calendars keeps its earlier bytes
        content["calendars"] = [object_fields(c) for c in sorted(project.calendars.values(), key=lambda c: c.id)]
    return content


def _content(project: Project) -> dict[str, Any]:
    return {
        "format": FORMAT_TAG,
        "plan": object_fields(project, _EXCLUDED_PROJECT_FIELDS),
        "tasks": [object_fields(t) for t in sorted(project.tasks.values(), key=lambda t: t.id)],
        "links": [object_fields(k) for k in sorted(project.links.values(), key=lambda k: k.id)],
        "participants": [object_fields(p) for p in sorted(project.participants.values(), key=lambda p: p.id)],
        # Baselines keep their order: it is the order of history, and the hash chain follows it.
        "baselines": [baseline_record(b) for b in project.baselines],
    }


def to_bytes(structure: Any) -> bytes:
    """Deterministic UTF-8 JSON: sorted keys, no insignificant whitespace."""
    return json.dumps(structure, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def canonical_bytes(project: Project) -> bytes:
    """The bytes a plan signature is computed over."""
    return to_bytes(canonical_content(project))


def content_hash(project: Project) -> str:
    """Hex SHA-256 of the plan's canonical content."""
    return hashlib.sha256(canonical_bytes(project)).hexdigest()
