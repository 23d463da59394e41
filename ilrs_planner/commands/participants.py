"""Participant edits: who may know that a participant takes part."""

from __future__ import annotations

from ..domain import Classification, PlannerError, Project
from .base import ChangeSet, Command
from .baselines import classification_named


class ClassifyParticipant(Command):
    """Set a participant's classification: a partner copy below it leaves the participant out,
    and the tasks it owns there show no owner."""

    def __init__(self, participant_id: str, level: Classification | str):
        self.participant_id = participant_id
        self.level = classification_named(level)
        self.old: Classification | None = None
        self.text = f"Classify participant as {self.level.value}"

    def apply(self, project: Project) -> ChangeSet:
        participant = project.participants.get(self.participant_id)
        if participant is None:
            raise PlannerError("participant.unknown", f"no participant has the id {self.participant_id!r}",
                               [self.participant_id])
        self.old, participant.classification = participant.classification, self.level
        return ChangeSet(participants=True)

    def revert(self, project: Project) -> ChangeSet:
        assert self.old is not None, "revert follows apply"
        project.participants[self.participant_id].classification = self.old
        return ChangeSet(participants=True)
