"""What a ChangeSet means for each view, decided in this one place.

The Document announces every change once, as `changed(changes, initiator)` (Anki's
`operation_did_execute(changes, handler)`): the ChangeSet says what an edit touched, the initiator
is the object that asked for it (None for undo, redo and plan replacement). Views do not read the
ChangeSet's flags themselves; they ask `effects_of` which of their parts are now stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..commands.base import ChangeSet


@dataclass(frozen=True, slots=True)
class Effects:
    """The parts of the views one change leaves stale."""

    reschedule: bool  # the schedule is derived again, so any date, float or critical flag may move
    rows: bool  # rows came, went or moved: row lists (tree, chart) are rebuilt
    baselines: bool  # baseline lists, ghost bars and variances
    participants: bool  # participant lists, owners and their colours
    replaced: bool  # a different plan: choices that named its tasks (milestone lists) start afresh
    plan_wide: bool  # the plan's own fields (start, status date, calendars), which any row may read
    links: bool  # links added, removed or changed
    task_ids: frozenset[str]  # the tasks the edit touched

    @property
    def by_task(self) -> bool:
        """Every stale part belongs to touched tasks, rows or links (no plan-wide setting, baseline or
        participant): a view can redo only what those reach."""
        return not (self.plan_wide or self.baselines or self.participants)


def effects_of(changes: ChangeSet) -> Effects:
    """The stale parts of the views after `changes`."""
    replaced = changes.replaced
    return Effects(
        reschedule=replaced or changes.dates or changes.structure or changes.links or changes.plan,
        rows=replaced or changes.structure,
        baselines=replaced or changes.baselines,
        participants=replaced or changes.participants,
        replaced=replaced,
        plan_wide=replaced or changes.plan,
        links=replaced or changes.links,
        task_ids=changes.task_ids,
    )
