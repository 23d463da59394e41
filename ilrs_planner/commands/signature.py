"""Signing as one undoable step: the plan's signature put on (and the baseline chain signing makes,
the first time), nothing else. The tasks, links and dates are untouched, so nothing is scheduled
again: signing a plan of 100,000 tasks costs what renaming it costs."""

from __future__ import annotations

from ..domain import Project
from ..domain.plan_parts import Baseline, PlanSignature
from .base import ChangeSet, Command


class SetSignature(Command):
    """Give the open plan the signature and baselines of `signed`, a copy of it that was just
    signed (sharing.signing.sign_project); undo puts back the signature and baselines it had."""

    def __init__(self, signed: Project, text: str = "Sign plan"):
        self.signature: PlanSignature | None = signed.signature
        self.baselines: list[Baseline] = list(signed.baselines)
        self.secret = signed.secret  # the signature binds it; a copy signed draws one the plan lacks
        self.text = text
        self._old: tuple[PlanSignature | None, list[Baseline]] = (None, [])

    def apply(self, project: Project) -> ChangeSet:
        self._old = (project.signature, list(project.baselines))
        if project.secret is None:
            # Kept on undo too: the plan would draw one at its next save anyway, and one drawn again
            # would give next week's partner copy other link ids than a copy made in between.
            project.secret = self.secret
        return self._set(project, self.signature, self.baselines)

    def revert(self, project: Project) -> ChangeSet:
        return self._set(project, *self._old)

    @staticmethod
    def _set(project: Project, signature: PlanSignature | None, baselines: list[Baseline]) -> ChangeSet:
        # Compared by identity: a baseline holds a date pair per task, and signing either chains
        # every baseline afresh (new objects) or leaves each one as it was.
        chained = len(baselines) != len(project.baselines) or any(
            new is not old for new, old in zip(baselines, project.baselines, strict=False))
        project.signature = signature
        project.baselines[:] = baselines
        return ChangeSet(baselines=chained)


class RemoveSignature(Command):
    """Take the signature off the plan (it no longer matches edits about to be saved); undo puts it back."""

    def __init__(self, text: str = "Remove signature"):
        self.text = text
        self._old: PlanSignature | None = None

    def apply(self, project: Project) -> ChangeSet:
        self._old, project.signature = project.signature, None
        return ChangeSet()

    def revert(self, project: Project) -> ChangeSet:
        project.signature = self._old
        return ChangeSet()
