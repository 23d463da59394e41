"""The pieces of a three-way merge: conflicts, per-field merge, per-collection merge."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..domain import Baseline


class _Missing:
    """The value of an object that does not exist on one side (deleted, or never added)."""

    def __repr__(self) -> str:
        return "(deleted)"


MISSING: Any = _Missing()


@dataclass(slots=True)
class Conflict:
    """Two sides disagree: the same field set differently, or an edit against a deletion."""

    kind: str  # task / link / participant / baseline / plan / loop
    id: str
    label: str
    field: str | None  # None: the object as a whole (edit versus delete, or a loop)
    base: Any
    ours: Any
    theirs: Any
    reason: str
    resolution: str = "ours"

    @property
    def key(self) -> str:
        """Stable identity of the conflict, for `choices` when merging again."""
        return f"{self.kind}:{self.id}:{self.field or '*'}"

    def describe(self) -> str:
        """One line naming the object, the field and both sides' values."""
        where = f"{self.kind} {self.label}" + (f", field {self.field}" if self.field else "")
        if self.field:
            values = f"base {_show(self.base)}, ours {_show(self.ours)}, theirs {_show(self.theirs)}"
            return f"{where}: {self.reason} ({values}); kept {self.resolution}"
        return f"{where}: {self.reason}; kept {self.resolution}"


def _show(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if hasattr(value, "value"):
        return str(value.value)
    return repr(value) if isinstance(value, str) else str(value)


def merge_fields(kind: str, obj_id: str, label: str, names: list[str], base: Any, ours: Any, theirs: Any,
                 choices: dict[str, str], conflicts: list[Conflict]) -> dict[str, Any]:
    """Three-way merge of named fields; `base` may be MISSING (both sides added the same id)."""
    merged = {}
    for name in names:
        b = MISSING if base is MISSING else getattr(base, name)
        o, t = getattr(ours, name), getattr(theirs, name)
        if o == t or t == b:
            merged[name] = o
        elif o == b:
            merged[name] = t
        else:
            conflict = Conflict(kind, obj_id, label, name, b, o, t, "both sides changed it differently")
            conflict.resolution = choices.get(conflict.key, "ours")
            conflicts.append(conflict)
            merged[name] = t if conflict.resolution == "theirs" else o
    return merged


def _field_names(obj: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(obj) if f.name != "id"]


def _existence_conflict(kind: str, obj_id: str, label: str, base: Any, ours: Any, theirs: Any, reason: str,
                        choices: dict[str, str], conflicts: list[Conflict]) -> Any:
    conflict = Conflict(kind, obj_id, label, None, base, ours, theirs, reason)
    conflict.resolution = choices.get(conflict.key, "ours")
    conflicts.append(conflict)
    return theirs if conflict.resolution == "theirs" else ours


def _merge_one(kind: str, oid: Any, base: Any, ours: Any, theirs: Any, choices: dict[str, str],
               conflicts: list[Conflict], label: Callable[[Any], str],
               needs: tuple[dict[Any, Any], dict[Any, Any]], whole: bool) -> Any:
    name = label(ours if ours is not MISSING else theirs if theirs is not MISSING else base)
    ours_needs, theirs_needs = needs
    if ours is MISSING or theirs is MISSING:
        present, side = (theirs, "theirs") if ours is MISSING else (ours, "ours")
        if present is MISSING:
            return MISSING  # deleted on both sides (or never there)
        if base is MISSING:
            # Added on one side only: a copy, since the repairs after combining may change it, and the
            # side's plan (the open one, for ours) must stay as it was, for Undo and a merge run again.
            return copy.copy(present)
        need = (theirs_needs if side == "theirs" else ours_needs).get(oid)
        if present == base and not need:
            return MISSING  # the other side deleted it and this side left it alone
        deleter = "us" if side == "theirs" else "them"
        what = "edited" if present != base else need
        reason = (f"{what} by {side}, deleted by {deleter}" if present != base
                  else f"{side} {need}; deleted by {deleter}")
        return _existence_conflict(kind, oid, name, base, ours, theirs, reason, choices, conflicts)
    if whole:
        if ours == theirs or theirs == base:
            return ours
        if ours == base:
            return theirs
        return _existence_conflict(kind, oid, name, base, ours, theirs,
                                   "same id, different content on each side", choices, conflicts)
    values = merge_fields(kind, oid, name, _field_names(ours), base, ours, theirs, choices, conflicts)
    return dataclasses.replace(ours, **values)


def merge_collection(kind: str, base: dict[Any, Any], ours: dict[Any, Any], theirs: dict[Any, Any], choices: dict[str,
                                                                                                                  str],
                     conflicts: list[Conflict], label: Callable[[Any], str],
                     needs: tuple[dict[Any, Any], dict[Any, Any]] = ({}, {}), whole: bool = False) -> dict[Any, Any]:
    """Merge id -> object maps; returns the merged map in ours' order, then theirs' additions."""
    merged = {}
    for oid in list(dict.fromkeys([*ours, *theirs, *base])):
        result = _merge_one(kind, oid, base.get(oid, MISSING), ours.get(oid, MISSING), theirs.get(oid, MISSING),
                            choices, conflicts, label, needs, whole)
        if result is not MISSING:
            merged[oid] = result
    return merged


def baselines_by_id(baselines: list[Baseline]) -> dict[str, Baseline]:
    return {b.id: b for b in baselines}
