"""Need-to-know exports: a new plan holding only what a classification level may see.

Rules (what a partner receives at `level`):
- A task stays when its classification is at or below `level`. A task under a removed summary is
  removed with it: a summary's classification covers what it contains, so the structure of a
  restricted phase is not disclosed by its public-looking parts.
- Dependencies through removed tasks are bridged: each kept task that waited on a removed path
  gets a finish-to-start link from every kept task upstream of that path (its id keyed on the
  plan's secret, which the copy never carries, shaped like the kept links' ids: bridge_ids.py), whose lag is the gap the
  dates show less the float the predecessor shows; every kept task the redacted schedule would
  move is pinned on its original date, and every one it would give more float is held by a
  late-finish bound on its original late finish (bridges.py, held_floats.py). The kept leaf tasks'
  start and finish dates are therefore identical, and so are their total floats and, where a link
  can carry it, their free floats. Where withheld work ends the plan after every kept task, the copy
  must finish by the latest late finish of a kept task, so floats that run to the plan's end run to
  the same day in the copy (copy_finish.py); a plan's own Must finish by goes with the copy. A
  summary spans what it still contains: where a removed sub-task was its earliest or latest, the
  summary's span shrinks to its remaining sub-tasks, since keeping the old
  span would show when the hidden work happens. A summary left with no sub-task at all becomes an
  ordinary task over its original span (its own dates, which its classification lets the partner see).
- Removed tasks vanish from baselines, and a kept summary's baseline spans are recomputed from its
  kept sub-tasks (redact_shape); sibling positions are renumbered so no gap marks a hidden task,
  and so are keys that are a numbering ("1", "1.2.3", "T12") and MS Project's baseline slot names
  (redact_counters).
  Participants who only own removed tasks are dropped, and so is every participant and every
  baseline classified above `level` (a kept task owned by a hidden participant loses its owner).
  Every name, key and id of a removed task or participant, its source address as a whole, and
  each of their distinctive words, is scrubbed from every remaining text however it is spelt
  (redact_scrub, redact_fold), as is the name of a hidden baseline, and so is each address and
  distinctive word of the notes of whatever is left out (redact_notes: a hidden task's codename
  in a kept task's notes). A kept name counts as showing a word only where the owner wrote it, not
  a merge from a partner's plan (merge_supplied). A text a partner wrote is shown as they wrote it
  in a copy for the level of the copy they were sent or a higher one (partner_texts). Notes are
  otherwise prose and travel as written, unless the planner leaves them out (`without_notes`). The
  signature is dropped (the content is new) and baselines are re-chained.
- The copy has a plan id of its own, drawn fresh: the plan it was made from records it (sent_record.py),
  and the copy carries none of that plan's records of copies sent.
Saving uses the store's fresh-file save, so nothing removed survives in free pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from ..domain import Baseline, Calendar, Classification, Link, LinkType, Project, new_id
from ..domain.chain import chain_baselines
from ..engine.cpm import schedule
from ..engine.schedule import TaskDates
from .bridge_ids import bridge_id, link_id_version
from .bridges import bridge_links, emptied_summaries_keep_their_span, pin_drifted
from .clone import clone_project
from .copy_finish import copy_must_finish_by
from .held_floats import hold_late_finishes
from .partner_texts import exception_days as _days
from .partner_texts import written_by_partner
from .redact_counters import renumber_counters
from .redact_notes import note_secrets
from .redact_scrub import WITHHELD as WITHHELD  # noqa: F401 - the marker is part of this module's interface
from .redact_scrub import hidden_names, scrubber, secret_tokens
from .redact_shape import renumber_positions, respan_baselines


def _removed_ids(project: Project, level: Classification) -> set[str]:
    removed = {t.id for t in project.tasks.values() if t.classification.rank > level.rank}
    children = project.children_map()
    stack = list(removed)
    while stack:  # descendants of a removed summary go with it
        for child in children.get(stack.pop(), []):
            if child not in removed:
                removed.add(child)
                stack.append(child)
    return removed


def withheld_summary(original: Project, redacted: Project) -> str:
    """'3 tasks, 1 baseline and 2 participants withheld' (only the kinds that lost any)."""
    counts = [(len(original.tasks) - len(redacted.tasks), "task"),
              (len(original.baselines) - len(redacted.baselines), "baseline"),
              (len(original.participants) - len(redacted.participants), "participant")]
    parts = [f"{n} {noun}{'s' if n != 1 else ''}" for n, noun in counts if n] or ["nothing"]
    return (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + " withheld"


def _dropped_participants(project: Project, plan: Project, level: Classification) -> set[str]:
    """Participants classified above `level`, and those who own only removed tasks."""
    owners = {t.owner_id for t in project.tasks.values()}
    kept_owners = {t.owner_id for t in plan.tasks.values()}
    return {pid for pid, p in plan.participants.items()
            if p.classification.rank > level.rank or (pid in owners and pid not in kept_owners)}


def _scrubber(project: Project, removed: set[str], dropped: set[str],
              hidden_baselines: list[Baseline]) -> Callable[[str], str]:
    """What scrubs every text, a word of withheld work shown only where a name the owner wrote holds it
    (a name a merge took from a partner's plan, merge_supplied, shows none: their words are their choice)."""
    supplied = frozenset(project.supplied - removed - dropped)
    tokens = secret_tokens(project, removed, dropped, supplied) | hidden_names(hidden_baselines)
    tokens |= note_secrets(project, removed, dropped, hidden_baselines, supplied)
    return scrubber(tokens)


def _scrub_texts(plan: Project, scrub: Callable[[str], str], level: Classification) -> None:
    """Every remaining text through `scrub`, but a text a partner wrote, as they wrote it, not at all where
    the copy is for the level of the copy they were sent or a higher one (partner_texts): withheld there,
    a word they wrote would tell them it is a codename. Below that level their text, a partner's own
    name and source included, is withheld as the owner's is: it may name what they were shown and the
    copy's partner was not."""
    def at(kind: str, oid: str, what: str, text: str) -> str:
        return text if written_by_partner(plan, (kind, oid, what), text, level) else scrub(text)

    for task in plan.tasks.values():
        task.notes, task.name = at("task", task.id, "notes", task.notes), at("task", task.id, "name", task.name)
        task.source_url = at("task", task.id, "source", task.source_url)
    for calendar in plan.calendars.values():  # "Nightjar static fire" closes a kept task's site too
        calendar.name = at("calendar", calendar.id, "name", calendar.name)
        calendar.exceptions = [dataclasses.replace(e, name=at("exception", calendar.id, _days(e), e.name))
                               for e in calendar.exceptions]
    for participant in plan.participants.values():
        participant.notes = at("participant", participant.id, "notes", participant.notes)
        participant.source_url = at("participant", participant.id, "source", participant.source_url)
    plan.baselines[:] = [dataclasses.replace(b, notes=at("baseline", b.id, "notes", b.notes),
                                             name=at("baseline", b.id, "name", b.name)) for b in plan.baselines]
    # the author may be a hidden participant
    plan.name, plan.author = at("plan", "", "name", plan.name), at("plan", "", "author", plan.author)


def _calendars_kept(project: Project, plan: Project, removed: set[str]) -> dict[str, Calendar]:
    """Every calendar but those only removed tasks use: a calendar of hidden work names and dates it."""
    hidden = {t.calendar_id for tid, t in project.tasks.items() if tid in removed}
    needed = {t.calendar_id for t in plan.tasks.values()} | {plan.default_calendar_id}
    return {cid: c for cid, c in plan.calendars.items() if cid not in hidden or cid in needed}


def _leave_notes_out(plan: Project) -> None:
    """Notes are prose, which no redaction reads as a person does: the planner may send none."""
    for task in plan.tasks.values():
        task.notes = ""
    for participant in plan.participants.values():
        participant.notes = ""
    plan.baselines[:] = [dataclasses.replace(b, notes="") for b in plan.baselines]


def redact_project(project: Project, level: Classification | str, *, without_notes: bool = False,
                   dates: Mapping[str, TaskDates] | None = None) -> Project:
    """A new plan with only what `level` may see, scheduled on the same dates and floats (see module doc);
    `without_notes`: no task, participant or baseline notes at all. `dates`: the plan's schedule when
    the caller has it (it compares the copy's floats with the same afterwards)."""
    level = Classification(level)
    removed = _removed_ids(project, level)
    plan = clone_project(project)
    plan.signature = None
    plan.secret = None  # ours keys the bridges' ids: a copy never carries it (it draws its own when saved)
    plan.sent_copies = ()  # which copies we sent, to whom and at what level, is ours alone
    plan.id = new_id()  # each copy's own, which the record of it in our plan names (sent_record.py)
    dates = schedule(project).tasks if dates is None else dates
    bridges = bridge_links(project, removed, dates)
    plan.tasks = {tid: t for tid, t in plan.tasks.items() if tid not in removed}
    plan.links = {lid: k for lid, k in plan.links.items() if k.pred_id not in removed and k.succ_id not in removed}
    keys = {tid: task.key for tid, task in project.tasks.items()}
    version = link_id_version(plan.links or project.links, keys)  # the bridges' ids look like the kept links'
    for bridge in bridges:
        link = Link(bridge.pred, bridge.succ, LinkType.FS, bridge.lag,
                    id=bridge_id(project, bridge.pred, bridge.succ, version))
        plan.links[link.id] = link
    # In order of their ids: appended last, the bridges would be told apart by their place.
    plan.links = dict(sorted(plan.links.items()))
    dropped = _dropped_participants(project, plan, level)
    plan.participants = {pid: p for pid, p in plan.participants.items() if pid not in dropped}
    for task in plan.tasks.values():
        if task.owner_id in dropped:
            task.owner_id = None  # the owner's classification hides who does this visible task
    hidden_baselines = [b for b in plan.baselines if b.classification.rank > level.rank]
    # Entries of kept tasks only: how a task deleted since was classified is not known, so its entries
    # (they would date hidden work) are withheld too.
    plan.baselines[:] = [dataclasses.replace(b, entries={t: d for t, d in b.entries.items() if t in plan.tasks})
                         for b in plan.baselines if b.classification.rank <= level.rank]
    plan.calendars = _calendars_kept(project, plan, removed)
    _scrub_texts(plan, _scrubber(project, removed, dropped, hidden_baselines), level)
    if without_notes:
        _leave_notes_out(plan)
    emptied_summaries_keep_their_span(project, plan, dates)
    respan_baselines(project, plan, removed)
    renumber_positions(plan)
    renumber_counters(plan)
    if removed:  # withheld work may end the plan after every kept task (copy_finish)
        plan.must_finish_by = copy_must_finish_by(project, plan, dates)
    now = pin_drifted(project, plan, dates)[1]
    if removed:  # nothing withheld holds any float
        hold_late_finishes(plan, dates, now)  # from the copy's schedule the pins were checked on
    plan.baselines[:] = chain_baselines(plan.baselines)
    _mark_partner_copy(plan, project, level, without_notes)
    return plan


def _mark_partner_copy(plan: Project, project: Project, level: Classification, without_notes: bool) -> None:
    """The copy says what it is, so merging the partner's edits back knows what they could not see; a
    copy of a copy shows the narrower of the two."""
    made = project.partner_level
    plan.partner_level = level if made is None or level.rank < made.rank else made
    plan.partner_without_notes = without_notes or project.partner_without_notes
    # The owner's records of what partners wrote are not the partner's to read.
    plan.supplied, plan.partner_texts = frozenset(), frozenset()


