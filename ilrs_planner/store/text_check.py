"""Before saving: no text of the plan holds a control character (the rule of domain/text.py).

Without this a NUL typed or pasted into a name would be saved, and the file then refused on
opening; refusing before the disk is touched keeps every saved file one that opens.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain import PlannerError, Project
from ..domain.partner_records import kept_supplied
from ..domain.text import MULTI_LINE_FIELDS, describe_control, first_with_control, printable
from . import limits
from .packer import field_values
from .partner_records import supplied_text

_FIELDS = {
    "task": ("id", "key", "name", "source_url", "notes"),
    "participant": ("id", "key", "name", "source_url", "notes", "color"),
    "link": ("id",),
    "baseline": ("id", "name", "notes", "prev_hash"),
}


# The texts whose UTF-8 bytes count towards the plan's text volume (a subset of _FIELDS).
_VOLUME_FIELDS = {"task": ("name", "notes", "source_url", "key"), "participant": ("name", "notes", "source_url"),
                  "baseline": ("notes",)}
_CHUNK = 1 << 20  # characters encoded at a time when counting the bytes of non-ASCII text


def check_text_before_save(project: Project) -> None:
    """Refuse with `store.bad_value` naming the object and field of the first text with a control character.

    Runs after `check_before_save`, which makes sure every task, link and participant is filed under its id.
    """
    _check("plan", [project], ("id", "name", "author"))
    volume = 0  # UTF-8 bytes of the texts in _VOLUME_FIELDS
    for kind, filed in (("task", project.tasks), ("participant", project.participants), ("link", project.links)):
        volume += _check(kind, list(filed.values()), _FIELDS[kind], _VOLUME_FIELDS.get(kind, ()), list(filed))
    volume += _check("baseline", list(project.baselines), _FIELDS["baseline"], _VOLUME_FIELDS["baseline"])
    calendars = list(project.calendars.values())  # renamed after they were made: checked here too
    _check("calendar", calendars, ("id", "name"))
    _check("calendar exception", [exception for c in calendars for exception in c.exceptions], ("name",))
    entries = [[task_id for task_id in baseline.entries] for baseline in project.baselines]
    _check_values("baseline entry", "task id", [tid for ids in entries for tid in ids], [], False)
    if project.signature is not None:
        _check("signature", [project.signature], ("signer", "content_hash", "signed_at"))
    _check_volume(project, volume)
    _check_supplied(project)


def _check_supplied(project: Project) -> None:
    # One value of the plan row (store/partner_records.py), which the reader refuses past its bound: the
    # file would never open. Dropping ids would count a partner's words as the owner's, so nothing is.
    size = len(supplied_text(project).encode("utf-8"))
    if size > limits.MAX_VALUE_BYTES:
        count = len(kept_supplied(project))
        raise PlannerError("store.too_large", f"cannot save: the plan records {count:,} tasks and participants "
                           f"a partner named ({size:,} bytes), more than the {limits.MAX_VALUE_BYTES:,} one value "
                           "of a plan file holds; your last save is kept as it was. Deleting tasks a partner added "
                           "or named that the plan no longer needs makes room", [])


def _check_volume(project: Project, text_bytes: int) -> None:
    # The bound open_project applies (limits.MAX_TEXT_BYTES): a plan is never saved that would not open.
    # Ids, dates and kinds are short; limits.ROW_BYTES a row is more than they take, so the file opens.
    rows = len(project.tasks) + len(project.participants) + len(project.links) + sum(
        len(b.entries) + 1 for b in project.baselines)
    size = text_bytes + limits.ROW_BYTES * rows
    if size > limits.MAX_TEXT_BYTES:
        raise PlannerError("store.too_large", f"cannot save: the plan holds {size:,} bytes of text; a plan holds at "
                           f"most {limits.MAX_TEXT_BYTES:,}, so that it can be opened within memory")


def _check(kind: str, objects: list[Any], names: Iterable[str], counted: Iterable[str] = (),
           ids: list[Any] | None = None) -> int:
    """Check each field `names` of `objects`; returns the UTF-8 bytes of the fields `counted`.

    `ids`: the keys the objects are filed under, which `check_before_save` (run first) found equal to
    their ids: the ids are then taken from the dict, not read from 300,000 objects a second time.
    """
    volume = 0
    for name in names:
        values = ids if name == "id" and ids is not None else field_values(name)(objects)
        joined = _check_values(kind, name, values, objects, name in MULTI_LINE_FIELDS)
        if name in counted:
            volume += _utf8_bytes(joined)
    return volume


def _check_values(kind: str, name: str, values: list[Any], objects: list[Any], multiline: bool) -> str:
    """Refuse the first of `values` holding a control character; returns their text joined."""
    joined = _joined(values)
    # Printable text holds no control character; when it is not (a line break in notes, which is
    # allowed, or a fault) the rule's own pattern decides.
    index = None if printable(joined) else first_with_control(values, multiline)
    if index is None:
        return joined
    obj = objects[index] if objects else None
    label = getattr(obj, "key", None) or getattr(obj, "name", None) or values[index][:40]
    raise PlannerError("store.bad_value", f"cannot save: the {name.replace('_', ' ')} of {kind} {label!r} "
                       f"{describe_control(values[index], multiline)}; plan text never holds one",
                       [str(getattr(obj, "id", "") or label)])


def _joined(values: list[Any]) -> str:
    """The texts among `values`, joined (in C); a value of another type is refused elsewhere, naming it."""
    try:
        return "".join(filter(None, values))
    except TypeError:
        return "".join(value for value in values if isinstance(value, str))


def _utf8_bytes(text: str) -> int:
    """len(text.encode('utf-8')) without encoding ASCII (one byte a character), and without holding
    the whole encoded copy of a large non-ASCII text (a surrogate takes 3 bytes, alone as in a pair)."""
    if text.isascii():
        return len(text)
    return sum(len(text[i:i + _CHUNK].encode("utf-8", "surrogatepass")) for i in range(0, len(text), _CHUNK))
