"""Several edits as one undo step that either all happen or none do."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Project
from .base import ChangeSet, Command, CompositeCommand


@dataclass
class AllOrNothing(CompositeCommand):
    """Like CompositeCommand, but a part refused half-way undoes the parts already applied."""

    def apply(self, project: Project) -> ChangeSet:
        done: list[Command] = []
        changes = ChangeSet()
        try:
            for part in self.parts:
                changes = changes | part.apply(project)
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.revert(project)
            raise
        return changes
