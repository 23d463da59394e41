"""The owner's record of each partner copy written, and what a merge reads from it.

A partner copy carries its level and whether it left notes out, but that is the partner's file: a
hostile partner rewrites it ("restricted" on an Everyone copy, "notes sent" on a copy without them)
and a merge that believed it would take their edits to work they were never sent, or read our notes
as ones they emptied. So the plan the copy was written from records it (`record_sent`, when the copy
is saved), keyed by the copy's own plan id, which redaction draws fresh for every copy; a merge looks
the partner's plan up there (`sent_as`). A plan whose id no record names reads as a copy made for the
lowest level, without notes: the reading that takes nothing of theirs on trust.
"""

from __future__ import annotations

from datetime import date

from ..domain import Classification, Project, SentCopy
from .merge_guard import effective_levels

# What a partner's plan no record names is read as having been sent.
SAFE_READING = SentCopy("", min(Classification, key=lambda c: c.rank), True, date.min)
_TOP = max(Classification, key=lambda c: c.rank)


def record_sent(project: Project, copy: Project, written: date | None = None) -> SentCopy:
    """Record in `project` that `copy` (redact_project's, about to be saved) was written from it."""
    assert copy.partner_level is not None, "only a partner copy is recorded"
    record = SentCopy(copy.id, copy.partner_level, copy.partner_without_notes, written or date.today())
    project.sent_copies = (*project.sent_copies, record)
    return record


def sent_as(theirs: Project, *owners: Project) -> SentCopy | None:
    """The record, in any of the owner's plans, of the copy `theirs` was made from; None when none names it."""
    return next((c for owner in owners for c in reversed(owner.sent_copies) if c.copy_id == theirs.id), None)


def is_our_own(theirs: Project, base: Project, ours: Project) -> bool:
    """Whether `theirs` is a version of our own plan, not a partner's copy: it holds our plan's secret,
    which only our own files carry (a partner copy never does). Where neither of our plans holds one
    (plans made in memory, or read from files of format 10 or older) the secret tells nothing: `theirs`
    then counts as our own where it claims no copy and holds every task of the base a copy for the
    lowest level would withhold."""
    secrets = {plan.secret for plan in (base, ours) if plan.secret is not None}
    if secrets:
        return theirs.secret in secrets
    levels = effective_levels(base)
    return theirs.partner_level is None and all(
        tid in theirs.tasks for tid, level in levels.items() if level.rank > SAFE_READING.level.rank)


def seen_level(base: Project, ours: Project, theirs: Project) -> Classification:
    """The level of the copy the writer of `theirs` was sent, as our side knows it: the base's when the
    base is the copy sent, our record's of their copy; the highest for a version of our own plan, or a
    copy we hold no record of (what they saw is then unknown, and their texts may name anything in it:
    partner_texts.py)."""
    if base.partner_level is not None:
        return base.partner_level
    if is_our_own(theirs, base, ours):
        return _TOP
    record = sent_as(theirs, base, ours)
    return record.level if record is not None else _TOP
