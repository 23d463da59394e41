"""Taking a merged plan as one undoable step: the plan's whole content is replaced, and undo puts it back."""

from __future__ import annotations

import dataclasses

from ..domain import Project
from .base import ChangeSet, Command

# Everything in a Project except its identity; a merge keeps the plan's id (it is the same plan).
_CONTENT = [f.name for f in dataclasses.fields(Project) if f.name != "id"]


class ApplyMergedPlan(Command):
    """Replace the content of the open plan with `merged` (the result of a three-way merge)."""

    def __init__(self, merged: Project, text: str = "Merge plans"):
        self.merged = {name: getattr(merged, name) for name in _CONTENT}
        self.text = text
        self._old: dict[str, object] = {}

    def _set(self, project: Project, values: dict[str, object]) -> ChangeSet:
        touched = set(project.tasks)
        for name, value in values.items():
            setattr(project, name, value)
        touched |= set(project.tasks)
        return ChangeSet(frozenset(touched), structure=True, dates=True, links=True, baselines=True,
                         participants=True, plan=True)

    def apply(self, project: Project) -> ChangeSet:
        self._old = {name: getattr(project, name) for name in _CONTENT}
        return self._set(project, self.merged)

    def revert(self, project: Project) -> ChangeSet:
        return self._set(project, self._old)
