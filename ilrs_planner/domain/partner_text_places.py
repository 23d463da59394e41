"""Where a plan's texts stand, and the record of one a partner wrote (Project.partner_texts).

A record is a digest of the text, the place it stands (what it belongs to, that one's id, which field)
and the level of the copy the partner who wrote it was sent: a partner sent a Restricted copy can
write in a note what only Restricted copies show, so a copy made for a lower level withholds in their
text what it withholds in the owner's (sharing/partner_texts.py). A plan of format 15 recorded digests
of the place and text alone, with no level: such a record stays as it is (a signature binds the records
as they are) and reads as one of a text written at the highest level, the reading that shows no one
more than before (`RECORD_LEVELS`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .calendar import CalendarException
from .enums import Classification

if TYPE_CHECKING:
    from .model import Project

Place = tuple[str, str, str]  # what the text belongs to, that one's id, which of its texts

FIELDS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("task", (("name", "name"), ("notes", "notes"), ("source", "source_url"))),
    ("participant", (("notes", "notes"), ("source", "source_url"))),
    ("calendar", (("name", "name"),)),
    ("baseline", (("name", "name"), ("notes", "notes"))),
)
TOP = max(Classification, key=lambda c: c.rank)
# Each kind of record, with the level it reads as written at: None, format 15's record without a level.
RECORD_LEVELS: tuple[tuple[Classification | None, Classification], ...] = (
    *((level, level) for level in sorted(Classification, key=lambda c: c.rank)), (None, TOP))


def places(project: Project) -> Iterator[tuple[Place, str]]:
    """Every text a copy scrubs, with its place."""
    for kind, fields in FIELDS:
        for oid, item in by_id(project, kind).items():
            for what, attr in fields:
                yield (kind, oid, what), getattr(item, attr)
    yield from unkeyed(project)


def unkeyed(project: Project) -> Iterator[tuple[Place, str]]:
    """The texts that belong to nothing with an id of its own: the plan's, and calendar exceptions'."""
    yield ("plan", "", "name"), project.name
    yield ("plan", "", "author"), project.author
    for calendar in project.calendars.values():
        for e in calendar.exceptions:  # an exception is known by its calendar and days
            yield ("exception", calendar.id, exception_days(e)), e.name


def exception_days(exception: CalendarException) -> str:
    """What tells a calendar's exceptions apart (they have no id): their days."""
    return f"{exception.start.isoformat()}/{exception.finish.isoformat()}"


def by_id(project: Project, kind: str) -> Mapping[str, Any]:
    """The plan's objects of `kind` by id."""
    if kind == "task":
        return project.tasks
    if kind == "participant":
        return project.participants
    if kind == "calendar":
        return project.calendars
    return {b.id: b for b in project.baselines}


def digest(place: Place, text: str, level: Classification | None) -> str:
    """The record of `text` written at `place` by a partner sent a copy for `level` (None: the record of
    format 15, which names no level)."""
    if level is None:
        return hashlib.sha256("\n".join((*place, text)).encode()).hexdigest()
    return hashlib.sha256("\n".join((f"level {level.value}", *place, text)).encode()).hexdigest()
