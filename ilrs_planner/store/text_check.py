"""Before saving: no text of the plan holds a control character (the rule of domain/text.py).

Without this a NUL typed or pasted into a name would be saved, and the file then refused on
opening; refusing before the disk is touched keeps every saved file one that opens.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import Any

from ..domain import PlannerError, Project
from ..domain.text import MULTI_LINE_FIELDS, describe_control, first_with_control
from . import limits

_FIELDS = {
    "task": ("id", "key", "name", "source_url", "notes"),
    "participant": ("id", "key", "name", "source_url", "notes", "color"),
    "link": ("id",),
    "baseline": ("id", "name", "notes", "prev_hash"),
}


def check_text_before_save(project: Project) -> None:
    """Refuse with `store.bad_value` naming the object and field of the first text with a control character."""
    _check("plan", [project], ("id", "name", "author"))
    for kind, objects in (("task", project.tasks.values()), ("participant", project.participants.values()),
                          ("link", project.links.values()), ("baseline", project.baselines)):
        _check(kind, list(objects), _FIELDS[kind])
    calendars = list(project.calendars.values())  # renamed after they were made: checked here too
    _check("calendar", calendars, ("id", "name"))
    _check("calendar exception", [exception for c in calendars for exception in c.exceptions], ("name",))
    entries = [[task_id for task_id in baseline.entries] for baseline in project.baselines]
    _check_values("baseline entry", "task id", [tid for ids in entries for tid in ids], [], False)
    if project.signature is not None:
        _check("signature", [project.signature], ("signer", "content_hash", "signed_at"))
    _check_volume(project)


def _check_volume(project: Project) -> None:
    # The bound open_project applies (limits.MAX_TEXT_BYTES): a plan is never saved that would not open.
    tasks, participants = project.tasks.values(), project.participants.values()
    texts = [text for name in ("name", "notes", "source_url", "key") for text in map(attrgetter(name), tasks)]
    texts += [text for name in ("name", "notes", "source_url") for text in map(attrgetter(name), participants)]
    texts += [b.notes for b in project.baselines]
    # Ids, dates and kinds are short; 256 bytes a row is more than they take, so the file opens.
    rows = len(project.tasks) + len(project.participants) + len(project.links) + sum(
        len(b.entries) + 1 for b in project.baselines)
    if not all(map(str.__instancecheck__, texts)):  # isinstance(text, str), from C; a wrong type is refused
        texts = [text for text in texts if isinstance(text, str)]
    chars = sum(map(len, texts)) + 256 * rows
    if chars * 4 <= limits.MAX_TEXT_BYTES:
        return  # even four bytes a character fit; skip encoding every text
    size = sum(len(text.encode("utf-8", "surrogatepass")) for text in texts) + 256 * rows
    if size > limits.MAX_TEXT_BYTES:
        raise PlannerError("store.too_large", f"cannot save: the plan holds {size:,} bytes of text; a plan holds at "
                           f"most {limits.MAX_TEXT_BYTES:,}, so that it can be opened within memory")


def _check(kind: str, objects: list[Any], names: Iterable[str]) -> None:
    for name in names:
        values = list(map(attrgetter(name), objects))
        _check_values(kind, name, values, objects, name in MULTI_LINE_FIELDS)


def _check_values(kind: str, name: str, values: list[Any], objects: list[Any], multiline: bool) -> None:
    index = first_with_control(values, multiline)
    if index is None:
        return
    obj = objects[index] if objects else None
    label = getattr(obj, "key", None) or getattr(obj, "name", None) or values[index][:40]
    raise PlannerError("store.bad_value", f"cannot save: the {name.replace('_', ' ')} of {kind} {label!r} "
                       f"{describe_control(values[index], multiline)}; plan text never holds one",
                       [str(getattr(obj, "id", "") or label)])
