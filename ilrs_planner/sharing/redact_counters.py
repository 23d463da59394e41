"""Numbered keys in a partner copy, renumbered so their gaps do not count the hidden work.

A plan imported from a CSV file or MS Project keys its tasks by a numbering: the row's ID ("1",
"2", "3"...), the WBS code ("1.2.3") or, without one, "T" and the task's UID; the window keys a task
it adds "T-1", "T-2"... and a milestone "M-1"... the same way. Left as they were,
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

# Digits with single separators between numbers, after the "T" the MS Project import puts before a UID
# or the "T-" and "M-" the window puts before the number of a task or milestone it adds.
COUNTER = re.compile(r"([TM]-|T|)(\d{1,18}(?:[.\-_ ]\d{1,18})*)")
_NUMBER = re.compile(r"\d+")
_BASELINE_SLOT = re.compile(r"(Baseline )(\d{1,18})")


def renumbered(texts: Iterable[str], pattern: re.Pattern[str] = COUNTER) -> dict[str, str]:
    """Each counter among `texts` -> its renumbered form (texts that are no counter are left out)."""
    parsed = {}
    for text in set(texts):
        match = pattern.fullmatch(text)
        if match:
            prefix, body = match.groups()
            parsed[text] = (prefix, _NUMBER.split(body)[1:-1], [int(d) for d in _NUMBER.findall(body)])
    places = _Places()
    seen: dict[int, set[int]] = defaultdict(set)
    for prefix, separators, numbers in parsed.values():
        for context, number in zip(places.of(prefix, separators, numbers), numbers, strict=True):
            seen[context].add(number)
    ranks = {context: {n: rank for rank, n in enumerate(sorted(found), start=0 if min(found) == 0 else 1)}
             for context, found in seen.items()}
    return {text: _rebuilt(text, prefix, separators, numbers, places, ranks)
            for text, (prefix, separators, numbers) in parsed.items()}


class _Places:
    """What the numbers in one place of a key are ranked among: those with the same prefix, separators and
    numbers before them (so "3" and the "3" of "3.2" are one number, and "3.2" stays under it). Each such
    context gets a small number, built from the one before it, so a key of a hundred parts costs a hundred
    steps, not ten thousand."""

    def __init__(self) -> None:
        self._ids: dict[tuple[object, ...], int] = {}

    def of(self, prefix: str, separators: list[str], numbers: list[int]) -> list[int]:
        """The context of each place of one key, in order."""
        context = self._id(("start", prefix))
        found = [context]
        for separator, number in zip(separators, numbers, strict=False):
            context = self._id((context, separator, number))
            found.append(context)
        return found

    def _id(self, key: tuple[object, ...]) -> int:
        return self._ids.setdefault(key, len(self._ids))


def _rebuilt(text: str, prefix: str, separators: list[str], numbers: list[int], places: _Places,
             ranks: dict[int, dict[int, int]]) -> str:
    digits = _NUMBER.findall(text[len(prefix):])
    parts = [prefix]
    for place, context in enumerate(places.of(prefix, separators, numbers)):
        new = str(ranks[context][numbers[place]])
        # A zero-padded number keeps its width; an unpadded one does not (its width would tell its size).
        parts.append(new.zfill(len(digits[place])) if digits[place].startswith("0") else new)
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
