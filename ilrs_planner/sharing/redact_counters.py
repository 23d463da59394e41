"""Numbered keys in a partner copy, renumbered so their gaps do not count the hidden work.

A plan imported from a CSV file or MS Project keys its tasks by a numbering: the row's ID ("1",
"2", "3"...), the WBS code ("1.2.3") or, without one, "T" and the task's UID. Left as they were,
the keys of a partner copy would read "1, 2, 5": two tasks hidden after the second, and where.
So every key that is such a counter is renumbered among the kept objects alone: each number of
a key becomes its rank among the numbers in the same place of the keys that share its shape
(its separators, its prefix, and the numbers before it), in the same order, counted from 1 (from
0 when the lowest kept one is 0), as wide as it was ("007" stays three digits). "1.1, 1.3, 3"
becomes "1.1, 1.2, 2". The new keys depend on the kept objects only, so they tell nothing of what
was left out. Baselines named as MS Project's import names them ("Baseline 1", "Baseline 3")
are renumbered the same way.

A key a planner wrote with words ("luna-27", "CE7") is a name and stays as written. Nothing of the
old keys is kept in the copy: merging a partner's edits back matches objects by their ids, and the
owner's plan, where the old keys are, wins each key the partner did not change.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from ..domain import Project

# Digits with single separators between numbers, after the "T" the MS Project import puts before a UID.
_COUNTER = re.compile(r"(T?)(\d{1,18}(?:[.\-_ ]\d{1,18})*)")
_NUMBER = re.compile(r"\d+")
_BASELINE_SLOT = re.compile(r"(Baseline )(\d{1,18})")
_Context = tuple[str, tuple[str, ...], tuple[int, ...]]  # prefix, separators and numbers before a place


def renumbered(texts: Iterable[str], pattern: re.Pattern[str] = _COUNTER) -> dict[str, str]:
    """Each counter among `texts` -> its renumbered form (texts that are no counter are left out)."""
    parsed = {}
    for text in set(texts):
        match = pattern.fullmatch(text)
        if match:
            prefix, body = match.groups()
            parsed[text] = (prefix, _NUMBER.split(body)[1:-1], _NUMBER.findall(body))
    seen: dict[_Context, set[int]] = defaultdict(set)
    for prefix, separators, digits in parsed.values():
        for place in range(len(digits)):
            seen[_context(prefix, separators, digits, place)].add(int(digits[place]))
    ranks = {context: {n: rank for rank, n in enumerate(sorted(found), start=0 if min(found) == 0 else 1)}
             for context, found in seen.items()}
    return {text: _rebuilt(prefix, separators, digits, ranks) for text, (prefix, separators, digits) in parsed.items()}


def _context(prefix: str, separators: list[str], digits: list[str], place: int) -> _Context:
    """What numbers in one place are ranked among: the prefix, separators and numbers before them
    (so "3" and the "3" of "3.2" are one number, and "3.2" stays under it)."""
    return (prefix, tuple(separators[:place]), tuple(int(d) for d in digits[:place]))


def _rebuilt(prefix: str, separators: list[str], digits: list[str], ranks: dict[_Context, dict[int, int]]) -> str:
    parts = [prefix]
    for place, number in enumerate(digits):
        new = str(ranks[_context(prefix, separators, digits, place)][int(number)])
        # A zero-padded number keeps its width; an unpadded one does not (its width would tell its size).
        parts.append(new.zfill(len(number)) if number.startswith("0") else new)
        if place < len(separators):
            parts.append(separators[place])
    return "".join(parts)


def renumber_counters(plan: Project) -> None:
    """Renumber the counter keys of tasks and participants and the slot names of baselines (module doc)."""
    for objects in (list(plan.tasks.values()), list(plan.participants.values())):
        keys = renumbered(obj.key for obj in objects)
        for obj in objects:
            obj.key = keys.get(obj.key, obj.key)
    names = renumbered((b.name for b in plan.baselines), _BASELINE_SLOT)
    plan.baselines[:] = [dataclasses.replace(b, name=names.get(b.name, b.name)) for b in plan.baselines]
