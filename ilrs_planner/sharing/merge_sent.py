"""The partner copy we sent, made again from our plan, when THEIRS is a partner's copy and BASE is not.

A partner copy lacks the withheld tasks, their links and the calendars only they use, and carries
what the redaction made in their place: links bridging withheld work, pins and late-finish bounds
that keep the floats, keys and positions renumbered, withheld words blanked. Merged against our own
plan as base, every one of those would read as the partner's edit: the withheld tasks deleted, the
bridges and stand-in bounds added as theirs. So when BASE is our own plan and THEIRS is not a
version of it (it lacks our plan's secret, sent_record.is_our_own), the base is the copy made again
from BASE: what the partner could not see is then ours alone (a change of theirs to it a conflict,
merge_guard), and what the redaction made is nobody's edit. A bridge is matched to theirs by the two
tasks it joins, since a copy written before bridges had stable ids gave each a fresh one.

How the copy is made again is read from our side only: the record our plan keeps of the copy when it
was written (sent_record.py), never the level or the "without notes" their file states, which they
can rewrite. A copy no record names is made again for the lowest level and without notes, and a note
says so: then nothing withheld from any copy, and no note of ours, can read as theirs to change.
"""

from __future__ import annotations

import dataclasses

from ..domain import Baseline, Link, Project, SentCopy
from .redact import redact_project
from .sent_record import SAFE_READING, is_our_own, sent_as
from .signed_sent import covered


def sent_base(base: Project, ours: Project, theirs: Project) -> tuple[Project, str | None]:
    """The base to merge THEIRS against, and a note saying so when it is the copy made again."""
    if base.partner_level is not None:
        return base, None  # the base is the copy that was sent
    if is_our_own(theirs, base, ours):
        return base, None  # a version of our own plan, not a partner's copy
    record = sent_as(theirs, base, ours)
    made = record or SAFE_READING
    sent = redact_project(base, made.level, without_notes=made.without_notes)
    if record is None:
        sent.baselines = _baselines_as_sent(sent, base, theirs, made)
    sent.id = base.id  # the plan's conflicts are keyed on it: the same at each run of the merge
    sent.links = _bridges_as_theirs(sent, base, theirs)
    note = _note(made, record is not None, theirs, len(base.tasks) - len(sent.tasks))
    if record is not None and not covered(record, ours):
        note += ("; our record of that copy was written after this plan was signed, so its signature does not "
                 "vouch for it (signing the plan again covers it)")
    return sent, note


def _baselines_as_sent(sent: Project, base: Project, theirs: Project, made: SentCopy) -> list[Baseline]:
    """The remade base's baselines, with their notes where theirs has more of them as sent with notes:
    read without notes for want of a record, a copy sent with them would read as rewriting every
    baseline. Taking their word here is safe: a baseline is history, which a change of theirs never
    rewrites quietly however it was sent (merge_guard.guard_history)."""
    with_notes = redact_project(base, made.level).baselines
    return with_notes if _alike(with_notes, theirs) > _alike(sent.baselines, theirs) else sent.baselines


def _alike(baselines: list[Baseline], theirs: Project) -> int:
    """How many of `baselines` theirs holds exactly so."""
    theirs_by_id = {b.id: b for b in theirs.baselines}
    return sum(theirs_by_id.get(b.id) == b for b in baselines)


def _note(made: SentCopy, recorded: bool, theirs: Project, withheld: int) -> str:
    kept = ("it withheld no task, and" if withheld == 0 else "the task withheld from it stays as ours," if withheld == 1
            else f"the {withheld:,} tasks withheld from it stay as ours,")
    notes = ", without notes" if made.without_notes else ""
    if recorded:
        what = f"the partner copy made for level {made.level.label}{notes} on {made.written.isoformat()}"
    else:
        claim = (f" (their file says level {theirs.partner_level.label})" if theirs.partner_level is not None
                 else "")
        what = (f"a partner copy this plan holds no record of sending{claim}, so it is read as one made for "
                f"level {made.level.label}{notes}")
    return (f"their plan is {what}: merged against that copy of the base, so {kept} a change of "
            "theirs to what it lacked is a conflict kept ours, and what the copy made in their place (links "
            "over withheld work, held dates) is not taken as their edit")


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
