"""Which names a merge brought in from the other plan: the partner's words, not the owner's.

A copy withholds each distinctive word of withheld work unless a kept name the owner wrote holds it
(redact_scrub). A partner who could write kept names would choose which words stop being withheld:
a task of theirs named "Bird survey: Falcon Osprey Nightjar …", merged back, would show next week's
copy "Nightjar" where it said "[withheld]". So the merged plan records, beside the names, which
tasks and participants have a name, key or source address that came from theirs (added by them, or
changed by them and taken), and keeps the record for as long as the task or participant stays.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..domain import Participant, Project, Task

_NAMING = ("name", "key", "source_url")


def supplied_by_merge(ours: Project, merged: Project) -> frozenset[str]:
    """Ids of tasks and participants of `merged` whose name, key or source `ours` did not give them,
    with the ones `ours` already recorded."""
    found = set(ours.supplied)
    found |= _brought_in(ours.tasks, merged.tasks)
    found |= _brought_in(ours.participants, merged.participants)
    return frozenset(found & (merged.tasks.keys() | merged.participants.keys()))


def _brought_in(ours: Mapping[str, Task | Participant], merged: Mapping[str, Task | Participant]) -> set[str]:
    return {oid for oid, item in merged.items()
            if (mine := ours.get(oid)) is None or any(getattr(item, f) != getattr(mine, f) for f in _NAMING)}
