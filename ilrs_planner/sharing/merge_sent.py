"""The partner copy we sent, made again from our plan, when THEIRS is a partner copy and BASE is not.

A partner copy lacks the withheld tasks, their links and the calendars only they use, and carries
what the redaction made in their place: links bridging withheld work, pins and late-finish bounds
that keep the floats, keys and positions renumbered, withheld words blanked. Merged against our own
plan as base, every one of those would read as the partner's edit: the withheld tasks deleted, the
bridges and stand-in bounds added as theirs. So when THEIRS is a partner copy (the level `redact`
wrote in it, or, that record cleared, a plan lacking every task of ours above the highest it holds)
and BASE is not, the base is the copy made again from BASE at that
level: what the partner could not see is then ours alone (and a tie of theirs to it a conflict,
merge_guard), and what the redaction made is nobody's edit. A bridge is matched to theirs by the two
tasks it joins, since a copy written before bridges had stable ids gave each a fresh one. The level
is the one the copy records, or a lower one where the tasks of ours it holds show no more than that.
"""

from __future__ import annotations

import dataclasses

from ..domain import Classification, Link, Project
from .merge_guard import effective_levels
from .redact import redact_project


def sent_base(base: Project, theirs: Project) -> tuple[Project, str | None]:
    """The base to merge THEIRS against, and a note saying so when it is the copy made again."""
    if base.partner_level is not None:
        return base, None  # the base is the copy that was sent
    claimed = theirs.partner_level or _level_lacked(base, theirs)
    if claimed is None:
        return base, None  # not a partner copy
    level = _level_shown(base, theirs, claimed)
    sent = redact_project(base, level, without_notes=theirs.partner_without_notes or _notes_lacked(base, theirs))
    sent.links = _bridges_as_theirs(sent, base, theirs)
    return sent, _note(level.label, len(base.tasks) - len(sent.tasks))


def _level_shown(base: Project, theirs: Project, claimed: Classification) -> Classification:
    """The level their copy shows: the one it records, unless it holds none of our tasks above a lower
    level where the recorded one would have shown some (then that lower level). A level raised in the
    file ("restricted" on an Everyone copy) would otherwise read every task withheld from them as one
    they deleted."""
    levels = effective_levels(base)
    held = max((levels[tid] for tid in theirs.tasks if tid in levels), key=lambda c: c.rank,
               default=Classification.PUBLIC)
    # Lower only where tasks of ours between the two levels are all missing from their copy.
    lacking = any(held.rank < level.rank <= claimed.rank for level in levels.values())
    return held if lacking else claimed


def _level_lacked(base: Project, theirs: Project) -> Classification | None:
    """The level a plan that records none reads as a copy for: the highest of our tasks it holds, when it
    lacks every task of ours above that. The record is the partner's own file: cleared, a copy merged
    against our plan deleted every withheld task."""
    levels = effective_levels(base)
    held = max((levels[tid] for tid in theirs.tasks if tid in levels), key=lambda c: c.rank, default=None)
    above = [tid for tid, level in levels.items() if held is not None and level.rank > held.rank]
    return held if above and not any(tid in theirs.tasks for tid in above) else None


def _notes_lacked(base: Project, theirs: Project) -> bool:
    """Whether their plan holds no note of any task of ours that has one: a copy made without notes,
    whatever its file says (a cleared record made every note of ours read as one they emptied)."""
    noted = [tid for tid, task in base.tasks.items() if task.notes and tid in theirs.tasks]
    return bool(noted) and not any(theirs.tasks[tid].notes for tid in noted)


def _note(level: str, withheld: int) -> str:
    kept = ("the task withheld from it stays" if withheld == 1 else f"the {withheld} tasks withheld from it stay")
    return (f"their plan is a partner copy made for level {level}: merged against that copy of the base, so "
            f"{kept} as ours and what the copy made in their place (links over withheld work, held dates) is not "
            "taken as their edit")


def _bridges_as_theirs(sent: Project, base: Project, theirs: Project) -> dict[str, Link]:
    """`sent`'s links, each bridge under the id theirs gives the link joining the same two tasks."""
    theirs_new = {(k.pred_id, k.succ_id): lid for lid, k in theirs.links.items()
                  if lid not in base.links and lid not in sent.links}
    links = {}
    for lid, link in sent.links.items():
        match = theirs_new.pop((link.pred_id, link.succ_id), None) if lid not in base.links else None
        if match is not None and lid not in theirs.links:
            link = dataclasses.replace(link, id=match)
        links[link.id] = link
    return links
