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

What one partner may see is not what another may: a partner sent a Restricted copy writes "Does
Nightjar slip?" knowing what Nightjar is, and shown as written in an Everyone copy their note named
the restricted codename to every partner. So a record also binds the level of the copy they were sent
(format version 16, domain/partner_text_places.py; a record of format 15 names none and reads as the
highest), and a copy shows a text as written only where it is made for that level or a higher one;
below it, their text is withheld as the owner's is. The level
is read from our side, as a merge reads what they were sent (merge_sent.py): the copy's record in our
plan, or the copy sent when it is the base; a version of our own plan, or a copy we hold no record of,
counts as written at the highest level.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..domain import Classification, Project, Task
from ..domain.partner_text_places import FIELDS, RECORD_LEVELS, Place, by_id, digest, places, unkeyed
from ..domain.partner_text_places import exception_days as exception_days  # noqa: F401 - used by redaction


def written_by_partner(project: Project, place: Place, text: str, level: Classification) -> bool:
    """Whether `text`, at `place`, reads as a partner wrote it (as a merge took it) who was sent a copy for
    `level` or a lower one: a copy for `level` may show it as they wrote it."""
    return bool(project.partner_texts) and any(
        digest(place, text, kind) in project.partner_texts for kind, seen in RECORD_LEVELS if seen.rank <= level.rank)


def texts_by_merge(base: Project, ours: Project, theirs: Project, merged: Project,
                   seen: Classification) -> frozenset[str]:
    """The record of `merged`: ours still reading as recorded, and each text the merge took from
    `theirs` that they had changed from `base` (or wrote on something `base` lacks), written by a
    partner sent a copy for `seen`."""
    found = {digest(place, text, seen) for place, text in _taken(base, ours, theirs, merged)}
    if ours.partner_texts:
        found |= _still_reading(ours.partner_texts, places(merged))
    return frozenset(found)


def _still_reading(kept: frozenset[str], texts: Iterable[tuple[Place, str]]) -> set[str]:
    """The records in `kept` of `texts` as they read now."""
    return {mark for place, text in texts if text
            for kind, _ in RECORD_LEVELS if (mark := digest(place, text, kind)) in kept}


def _taken(base: Project, ours: Project, theirs: Project, merged: Project) -> Iterator[tuple[Place, str]]:
    """Each text of `merged` as `theirs` has it, changed from `base`, that ours did not already hold there:
    a text both hold is ours (a partner who wrote out an owner's withheld note exactly, guessing its
    codename, would otherwise have it back as written, and a wrong guess withheld: an answer either way).
    Looked up object by object, not laid out as every text of three plans (a second of a 100,000-task merge)."""
    for kind, fields in FIELDS:
        in_base, in_ours, in_theirs = by_id(base, kind), by_id(ours, kind), by_id(theirs, kind)
        for oid, item in by_id(merged, kind).items():
            their, old, mine = in_theirs.get(oid), in_base.get(oid), in_ours.get(oid)
            for what, attr in fields if their is not None else ():
                text = getattr(item, attr)
                if text and getattr(their, attr) == text and (old is None or getattr(old, attr) != text) \
                        and (mine is None or getattr(mine, attr) != text):
                    yield (kind, oid, what), text
    base_texts, our_texts, their_texts = set(unkeyed(base)), set(unkeyed(ours)), set(unkeyed(theirs))
    yield from (pair for pair in unkeyed(merged)
                if pair[1] and pair in their_texts and pair not in base_texts and pair not in our_texts)


def carried_to_copies(project: Project, tasks: Iterable[Task], new_ids: Mapping[str, str]) -> frozenset[str]:
    """The records of copies of `tasks` (given ids `new_ids[task.id]`, as a Duplicate or paste makes them)
    for each text of theirs `project` records a partner wrote, at the level recorded: a copy's text is
    theirs as much."""
    found = set()
    for task in tasks:
        for what, text in (("name", task.name), ("notes", task.notes), ("source", task.source_url)):
            for kind, _ in RECORD_LEVELS if project.partner_texts else ():
                if digest(("task", task.id, what), text, kind) in project.partner_texts:
                    found.add(digest(("task", new_ids[task.id], what), text, kind))
    return frozenset(found)


def partner_written(project: Project, tasks: Iterable[Task]) -> list[Task]:
    """Those of `tasks` whose name a merge took from a partner's plan or that hold a text a partner wrote:
    what a paste into another plan, which starts without those records, would count as the owner's."""
    if not project.supplied and not project.partner_texts:
        return []
    return [task for task in tasks if task.id in project.supplied or any(
        digest(("task", task.id, what), text, kind) in project.partner_texts
        for what, text in (("name", task.name), ("notes", task.notes), ("source", task.source_url)) if text
        for kind, _ in RECORD_LEVELS)]
