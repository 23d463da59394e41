"""Where a partner copy's scrub pattern matches in a text, found in time proportional to the text.

The pattern (redact_scrub) is a secret, bounded where nothing continues it, with the digits glued
to it and the hyphenated or underscored compound it stands in:

    (?:[\\w-]*[-_])?\\d*(?:SECRETS)\\d*(?:[-_][\\w-]*)?  |  UNSPACED

Run as written, the engine tries it at every place of a text, and at each place inside a run of
letters and hyphens scans to the run's end and back: a note of 100,000 characters "a-a-a-..."
took twenty minutes to scrub. Here the secrets are looked for once at each place (`secrets`: the
SECRETS alternatives, the first that matches at a place being the one the pattern takes), and the
rest of the pattern, which only widens a match to the compound and digits around it, is worked
out from where they stand. The matches are the pattern's own, left to right, none overlapping:

- a match starts at the first place from which the pattern reaches a secret: the first letter of
  the compound the secret ends (through a "-" or "_" and digits) or the digits glued before it;
- from a place inside a compound, the pattern's greedy prefix reaches the compound's last secret
  that follows a "-" or "_" (and the digits after it); elsewhere, the secret after the digits;
- a match ends after the secret, the digits glued to it and, from a "-" or "_" there, the rest of
  the compound;
- where no secret is reached, a secret written without spaces (UNSPACED) matches as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .redact_decode import Span

_COMPOUND = re.compile(r"[\w-]*")
_DIGITS = re.compile(r"\d*")
_JOINERS = "-_"


@dataclass(frozen=True, slots=True)
class _Secret:
    """A secret found at `start` up to `end`; `lead` is where the digits glued before it begin, and
    `compound` where the compound it ends begins when a "-" or "_" stands before those digits."""

    start: int
    end: int
    lead: int
    compound: int | None

    @property
    def first(self) -> int:
        """The first place from which the pattern reaches this secret."""
        return self.lead if self.compound is None else self.compound


class CompoundMatcher:
    """The scrub pattern's matches, from `secrets` and `unspaced`: each a lookahead capturing the
    first of its alternatives that matches at a place."""

    def __init__(self, secrets: re.Pattern[str], unspaced: re.Pattern[str] | None) -> None:
        self._secrets, self._unspaced = secrets, unspaced

    def spans(self, text: str) -> list[Span]:
        """The (start, end) of each match in `text`, as `re.finditer` of the pattern would give them."""
        found = [(m.start(), m.end(1)) for m in self._secrets.finditer(text)]
        unspaced = [(m.start(), m.end(1)) for m in self._unspaced.finditer(text)] if self._unspaced else []
        if not found and not unspaced:
            return []
        return _Sweep(text, _placed(text, found), unspaced).spans()


def _placed(text: str, found: list[Span]) -> list[_Secret]:
    """Each secret found with the digits glued before it and the compound it ends."""
    backwards, placed = text[::-1], []
    compound: tuple[int, int] = (-1, -1)  # the last compound met: its start and end
    for start, end in found:
        lead = start - _run_back(_DIGITS, backwards, start)
        joined = None
        if lead and text[lead - 1] in _JOINERS:
            if not compound[0] <= lead - 1 < compound[1]:
                begins = lead - _run_back(_COMPOUND, backwards, lead)
                compound = (begins, _run(_COMPOUND, text, begins))
            joined = compound[0]
        placed.append(_Secret(start, end, lead, joined))
    return placed


def _run(pattern: re.Pattern[str], text: str, place: int) -> int:
    """Where the run of `pattern` (a starred class) from `place` ends."""
    run = pattern.match(text, place)
    return run.end() if run else place


def _run_back(pattern: re.Pattern[str], backwards: str, place: int) -> int:
    """How long the run of `pattern` ending just before `place` is (`backwards`: the text reversed)."""
    start = len(backwards) - place
    return _run(pattern, backwards, start) - start


class _Sweep:
    """The matches left to right: from where the last ended, the first place reaching a secret."""

    def __init__(self, text: str, secrets: list[_Secret], unspaced: list[Span]) -> None:
        self.text, self.secrets, self.unspaced = text, secrets, unspaced
        self.starts = [s.start for s in secrets]
        self.first_after = [len(text)] * (len(secrets) + 1)  # the least `first` of secrets[i:]
        for i in range(len(secrets) - 1, -1, -1):
            self.first_after[i] = min(secrets[i].first, self.first_after[i + 1])
        # Per compound, the secret its greedy prefix reaches from any place before that secret's lead.
        last: dict[int, _Secret] = {}
        for secret in secrets:
            if secret.compound is not None:
                last[secret.compound] = secret
        self.compounds = sorted(last.items())

    def spans(self) -> list[Span]:
        spans: list[Span] = []
        place, i, u, g = 0, 0, 0, 0
        infinity = len(self.text) + 1
        while True:
            while i < len(self.secrets) and self.secrets[i].start < place:
                i += 1
            while u < len(self.unspaced) and self.unspaced[u][0] < place:
                u += 1
            bounded = max(place, self.first_after[i]) if i < len(self.secrets) else infinity
            start = min(bounded, self.unspaced[u][0] if u < len(self.unspaced) else infinity)
            if start >= infinity:
                return spans
            while g < len(self.compounds) and self.compounds[g][1].lead - 1 < start:
                g += 1
            if start == bounded:
                end = self._widened(self._reached(start, g))
            else:
                end = self.unspaced[u][1]
            spans.append((start, end))
            place = end

    def _reached(self, start: int, g: int) -> _Secret:
        """The secret the pattern takes from `start`: the compound's last through its prefix, else the
        last found among the digits from `start` and just after them."""
        if g < len(self.compounds) and self.compounds[g][0] <= start:
            return self.compounds[g][1]
        digits_end = _run(_DIGITS, self.text, start)
        return self.secrets[bisect_right(self.starts, digits_end) - 1]

    def _widened(self, secret: _Secret) -> int:
        """Where the match of `secret` ends: after the digits glued to it and the rest of its compound."""
        end = _run(_DIGITS, self.text, secret.end)
        if end < len(self.text) and self.text[end] in _JOINERS:
            end = _run(_COMPOUND, self.text, end)
        return end
