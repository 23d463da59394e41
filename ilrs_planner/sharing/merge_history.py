"""Baselines only their side has: a record of what was announced is never taken on their word alone.

A baseline is what slip, trend and milestone-trend reports read as "announced then"; the earliest is
the default they measure against. So a baseline their plan brings that neither the common base nor
our plan has is weighed before it enters our history:
- **Dated before our latest baseline**, it would insert itself into a history already recorded (as
  "baseline 1", it would become the record every slip is counted from, and it breaks the chain our
  next signature carries). It is refused, with a note saying so; it cannot be chosen.
- **Otherwise** it is a conflict, left out unless chosen. Its entries that name a task they could not
  see (neither in the common base nor in their plan: withheld from their partner copy, or added by
  us since) are dropped even when it is chosen, since they would date work they were never sent;
  the conflict says how many. Taken, it goes after our baselines, chained onto our latest, so our
  history still holds.
"""

from __future__ import annotations

import dataclasses

from ..domain import Baseline, Project
from ..domain.chain import GENESIS, baseline_hash
from .merge_parts import Conflict

NEW_REASON = "only theirs has this baseline (a record of what was announced is taken only when chosen)"


def guard_new_baselines(base: Project, ours: Project, theirs: Project, merged: dict[str, Baseline],
                        choices: dict[str, str], conflicts: list[Conflict]) -> list[str]:
    """Weigh each baseline only theirs has (module doc) in `merged` (by id); the notes to show."""
    known = {b.id for b in base.baselines} | {b.id for b in ours.baselines}
    latest = max(ours.baselines, key=lambda b: b.as_of, default=None)
    seen = set(base.tasks) | set(theirs.tasks)
    notes = []
    for baseline in (b for b in theirs.baselines if b.id not in known and b.id in merged):
        if latest is not None and baseline.as_of < latest.as_of:
            del merged[baseline.id]
            notes.append(f"their baseline '{baseline.name}' (as of {baseline.as_of.isoformat()}) is dated before "
                         f"our latest baseline '{latest.name}' (as of {latest.as_of.isoformat()}): history already "
                         "recorded is not rewritten, so it was left out")
            continue
        kept = _seen_entries(baseline, seen)
        if _new_baseline_conflict(baseline, kept, choices, conflicts):
            merged[baseline.id] = kept
        else:
            del merged[baseline.id]
    return notes


def _seen_entries(baseline: Baseline, seen: set[str]) -> Baseline:
    entries = {task_id: span for task_id, span in baseline.entries.items() if task_id in seen}
    return baseline if len(entries) == len(baseline.entries) else dataclasses.replace(baseline, entries=entries)


def _new_baseline_conflict(theirs: Baseline, kept: Baseline, choices: dict[str, str],
                           conflicts: list[Conflict]) -> bool:
    """Record the conflict; True when their baseline (without the unseen entries) is to be taken."""
    dropped = len(theirs.entries) - len(kept.entries)
    reason = NEW_REASON + (f"; its entries for {dropped} task{'s' if dropped != 1 else ''} they were never sent "
                           "are left out" if dropped else "")
    conflict = Conflict("baseline", theirs.id, theirs.name, None, None, None, kept, reason)
    conflict.resolution = choices.get(conflict.key, "ours")
    conflicts.append(conflict)
    return conflict.resolution == "theirs"


def chain_taken(ordered: list[Baseline], ours: Project) -> list[Baseline]:
    """`ordered` (ours' baselines first, as ours has them) with the ones taken from theirs chained on
    after our latest: ours are left exactly as they are, so their chain and our signature hold."""
    count = len(ours.baselines)
    if ordered[:count] != list(ours.baselines):
        return ordered  # a baseline of ours was resolved "theirs": the chain is the planner's choice
    return [*ordered[:count], *_chained_after(ordered[:count], ordered[count:])]


def _chained_after(history: list[Baseline], added: list[Baseline]) -> list[Baseline]:
    previous = baseline_hash(history[-1]) if history else GENESIS
    chained = []
    for baseline in added:
        linked = dataclasses.replace(baseline, prev_hash=previous)
        chained.append(linked)
        previous = baseline_hash(linked)
    return chained
