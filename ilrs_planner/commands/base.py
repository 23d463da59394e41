"""Undoable edits as plain objects: apply/revert on a Project, reporting what changed.

qt/undo.py wraps each in one QUndoCommand; tests run them without Qt as round trips.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import Project


@dataclass(frozen=True)
class ChangeSet:
    """What an edit touched, so views refresh only that (Anki's OpChanges)."""

    task_ids: frozenset[str] = frozenset()
    structure: bool = False  # tasks added/removed/moved in the WBS
    dates: bool = False  # anything the schedule depends on
    links: bool = False
    baselines: bool = False
    participants: bool = False
    plan: bool = False  # plan-level fields (name, start, status date)
    replaced: bool = False  # a different plan altogether (new, opened, imported, restored, reloaded)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.task_ids | other.task_ids, self.structure or other.structure, self.dates or other.dates,
            self.links or other.links, self.baselines or other.baselines,
            self.participants or other.participants, self.plan or other.plan,
            self.replaced or other.replaced,
        )


class Command:
    """Base of every edit. Subclasses capture old values in __init__ or on first apply."""

    text: str = "Edit"
    merge_key: object = None  # commands with equal non-None keys merge into one undo step

    def apply(self, project: Project) -> ChangeSet:
        raise NotImplementedError

    def revert(self, project: Project) -> ChangeSet:
        raise NotImplementedError

    def merge(self, other: Command) -> bool:
        """Absorb `other` (same merge_key, pushed right after) into this one; True if merged."""
        return False


@dataclass
class CompositeCommand(Command):
    """Several commands as one undo step (an import, a what-if applied, a merge resolution)."""

    text: str = "Edit"
    parts: list[Command] = field(default_factory=list)

    def apply(self, project: Project) -> ChangeSet:
        changes = ChangeSet()
        for part in self.parts:
            changes = changes | part.apply(project)
        return changes

    def revert(self, project: Project) -> ChangeSet:
        changes = ChangeSet()
        for part in reversed(self.parts):
            changes = changes | part.revert(project)
        return changes
