"""Which texts of a plan a partner wrote: what a copy shows them as written, not withheld.

A copy withholds every word of withheld work wherever it stands (redact_scrub). Standing in a text
the partner wrote, the withheld word is a verdict on their guess: a note of theirs asking "Is Nightjar
on time? Is Kestrel on time?", merged back, came back in the next copy as "Is [withheld] on time? Is
Kestrel on time?", telling them that Nightjar is hidden work and Kestrel is not; so did a calendar, an
exception, a baseline or the plan renamed by them. So a merge records each text it took from their
plan as they wrote it (changed from the base, or on something they added), and a copy shows such a
text as written while it still reads so: it holds only what they wrote. Once the owner edits it, it is
the owner's text and withheld as any.

A record is a digest of the text together with the place it stands (what it belongs to, that one's
id, which field): the same words elsewhere are not theirs (a partner copying the words they guess an
owner's note holds onto a task of theirs must not make the owner's note show unwithheld). The digests
are the owner's, kept in their plan's file (format version 15) and never in a copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..domain import Project, Task
from ..domain.calendar import CalendarException

Place = tuple[str, str, str]  # what the text belongs to, that one's id, which of its texts


_FIELDS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("task", (("name", "name"), ("notes", "notes"), ("source", "source_url"))),
    ("participant", (("notes", "notes"), ("source", "source_url"))),
    ("calendar", (("name", "name"),)),
    ("baseline", (("name", "name"), ("notes", "notes"))),
)


def places(project: Project) -> Iterator[tuple[Place, str]]:
    """Every text a copy scrubs, with its place."""
    for kind, fields in _FIELDS:
        for oid, item in _by_id(project, kind).items():
            for what, attr in fields:
                yield (kind, oid, what), getattr(item, attr)
    yield from _unkeyed(project)


def _unkeyed(project: Project) -> Iterator[tuple[Place, str]]:
    """The texts that belong to nothing with an id of its own: the plan's, and calendar exceptions'."""
    yield ("plan", "", "name"), project.name
    yield ("plan", "", "author"), project.author
    for calendar in project.calendars.values():
        for e in calendar.exceptions:  # an exception is known by its calendar and days
            yield ("exception", calendar.id, exception_days(e)), e.name


def exception_days(exception: CalendarException) -> str:
    """What tells a calendar's exceptions apart (they have no id): their days."""
    return f"{exception.start.isoformat()}/{exception.finish.isoformat()}"


def digest(place: Place, text: str) -> str:
    """The record of `text` written at `place`."""
    return hashlib.sha256("\n".join((*place, text)).encode()).hexdigest()


def written_by_partner(project: Project, place: Place, text: str) -> bool:
    """Whether `text`, at `place`, reads as a partner wrote it (as a merge took it)."""
    return bool(project.partner_texts) and digest(place, text) in project.partner_texts


def texts_by_merge(base: Project, ours: Project, theirs: Project, merged: Project) -> frozenset[str]:
    """The record of `merged`: ours still reading as recorded, and each text the merge took from
    `theirs` that they had changed from `base` (or wrote on something `base` lacks)."""
    found = {digest(place, text) for place, text in _taken(base, theirs, merged)}
    if ours.partner_texts:
        kept = ours.partner_texts
        found |= {mark for place, text in places(merged) if text and (mark := digest(place, text)) in kept}
    return frozenset(found)


def _taken(base: Project, theirs: Project, merged: Project) -> Iterator[tuple[Place, str]]:
    """Each text of `merged` as `theirs` has it, changed from `base`: looked up object by object, not
    laid out as every text of three plans (a second of a 100,000-task merge)."""
    for kind, fields in _FIELDS:
        in_base, in_theirs = _by_id(base, kind), _by_id(theirs, kind)
        for oid, item in _by_id(merged, kind).items():
            their, old = in_theirs.get(oid), in_base.get(oid)
            for what, attr in fields if their is not None else ():
                text = getattr(item, attr)
                if text and getattr(their, attr) == text and (old is None or getattr(old, attr) != text):
                    yield (kind, oid, what), text
    base_texts, their_texts = set(_unkeyed(base)), set(_unkeyed(theirs))
    yield from (pair for pair in _unkeyed(merged) if pair[1] and pair in their_texts and pair not in base_texts)


def _by_id(project: Project, kind: str) -> Mapping[str, Any]:
    if kind == "task":
        return project.tasks
    if kind == "participant":
        return project.participants
    if kind == "calendar":
        return project.calendars
    return {b.id: b for b in project.baselines}


def carried_to_copies(project: Project, tasks: Iterable[Task], new_ids: Mapping[str, str]) -> frozenset[str]:
    """The records of copies of `tasks` (given ids `new_ids[task.id]`, as a Duplicate or paste makes them)
    for each text of theirs `project` records a partner wrote: a copy's text is theirs as much."""
    found = set()
    for task in tasks:
        for what, text in (("name", task.name), ("notes", task.notes), ("source", task.source_url)):
            if written_by_partner(project, ("task", task.id, what), text):
                found.add(digest(("task", new_ids[task.id], what), text))
    return frozenset(found)
