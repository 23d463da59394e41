"""Keys of the tasks the other side added: a numbered key taken here is given the next free number.

A partner copy numbers its tasks among those it shows: the window gives a task added there the first
"T-n" (or "M-n") free in the copy, and the copy's own numbered keys were renumbered so that no gap
shows where withheld work stood (redact_counters). So the number of a task they added counts their
copy's tasks, not ours: it may be the key of a task withheld from them, or of a kept task whose key
reads differently in their copy. Tasks are matched by id, so neither is ever taken for the other;
but two tasks keyed alike would be confused by whoever reads the merged plan, and a key of theirs
that lands on a withheld task's says nothing about it. Such a task of theirs is given the first key
of the same shape free in the merged plan ("T-3" becomes "T-6"), and the merge says so in a note:
nothing conflicts, since neither side chose that number. A key written with words ("CE7") that both
sides use stays a conflict (merge_repair), for it was chosen by a person.
"""

from __future__ import annotations

from ..domain import Project
from .redact_counters import COUNTER


def rekey_their_new_tasks(merged: Project, base: Project, ours: Project, theirs: Project) -> list[str]:
    """Give each numbered task key theirs added that another task holds the first free key of its shape;
    one note per task re-keyed. A key is held by a task not new here or a new one already settled;
    a free key is one no task of the merged plan has (another new task of theirs keeps its own)."""
    added = [tid for tid in theirs.tasks if tid not in base.tasks and tid not in ours.tasks and tid in merged.tasks]
    new = set(added)
    held = {task.key for tid, task in merged.tasks.items() if tid not in new}
    free = FreeKeys({task.key for task in merged.tasks.values()})
    notes = []
    for tid in added:
        task = merged.tasks[tid]
        if task.key in held and COUNTER.fullmatch(task.key):
            key = free.take(task.key)
            notes.append(f"their new task '{task.name}' is keyed {key} here: {task.key}, its key in their "
                         f"copy, is another task's key in this plan")
            task.key = key
        held.add(task.key)
    return notes


class FreeKeys:
    """The first key of a shape no task has: "T-1", "T-2", … for "T-3"; "1.2.1", … for "1.2.7". Each
    shape's count goes on from where it stopped (keys are only ever taken), so re-keying thousands of
    a hostile copy's tasks costs as many look-ups, not their square."""

    def __init__(self, used: set[str]):
        self.used = used
        self.next: dict[tuple[str, int], int] = {}

    def take(self, key: str) -> str:
        digits = len(key) - len(key.rstrip("0123456789"))
        stem, width = key[:len(key) - digits], digits if key[len(key) - digits] == "0" else 1
        number = self.next.get((stem, width), 1)
        while f"{stem}{number:0{width}d}" in self.used:
            number += 1
        found = f"{stem}{number:0{width}d}"
        self.used.add(found)
        self.next[(stem, width)] = number + 1
        return found
