"""Keys made unique as a paste or a duplicate gives them: the key wanted, else numbered on ("A-2")."""

from __future__ import annotations

from .text import TEXT_LIMITS


class NumberedKeys:
    """Hands out keys no task has: the key wanted when it is free, else the key with the first free
    number from 2 after it ("A", "A-2", "A-3", ... as copies of "A" number on).

    Each wanted key's count goes on from where it stopped (keys are only ever taken here, so the
    numbers before it stay taken): 100,000 pasted rows keyed alike cost as many look-ups, where
    counting from 2 for each row cost their square, minutes of a frozen window.
    """

    def __init__(self, taken: set[str], limit: int = TEXT_LIMITS["key"]):
        self.taken, self.limit = taken, limit
        self.next: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        """A free key for `wanted`, now taken."""
        key = self._fitted(wanted, "")
        if key in self.taken:
            number = self.next.get(wanted, 2)
            while (key := self._fitted(wanted, f"-{number}")) in self.taken:
                number += 1
            self.next[wanted] = number + 1
        self.taken.add(key)
        return key

    def _fitted(self, wanted: str, number: str) -> str:
        """`wanted` and its number, cut to what a key may hold: a 200-character key pasted twice
        would otherwise get a key the plan refuses, which the planner never typed."""
        return wanted[:self.limit - len(number)] + number
