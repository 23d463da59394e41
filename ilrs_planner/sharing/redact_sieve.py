"""Which secrets a text can hold at all, so that the scrub pattern runs over those texts, with those secrets only.

The scrub pattern is one alternation of every secret (thousands in a large plan) tried at every
place of every text, and nearly every text names no secret. Secrets and texts are folded alike
(redact_fold), and a secret matches only where each of its words stands as a whole word of the
folded text, or as that word's plural; so a text holding none of the secrets' telling words (of
each secret's words, one that is a secret by itself, else its longest) can not match and is left
as written. Words are runs of letters and digits: "_" joins them like "-" does.
Texts the word test can not judge are always tried: any text in a script written without spaces
(such a secret matches inside words), and every text when a secret has no word in it at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W_]+")


def _telling(words: list[str], alone: set[str]) -> str:
    # A word that is a secret by itself is looked for anyway ("t502" of "Task T502", not "task"),
    # else the longest: the rarer the word, the fewer texts the pattern runs over.
    return next((word for word in words if word in alone), max(words, key=len))


def _singulars(words: set[str]) -> set[str]:
    """`words` and what each would be without a plural ending."""
    return words | {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")}


class Sieve:
    """Tells which of `secrets` (the scrub pattern's alternatives, folded, in order) can match in a text."""

    def __init__(self, secrets: Iterable[str], unspaced: bool, unspaced_script: re.Pattern[str]) -> None:
        secrets = self._secrets = tuple(secrets)
        self._unspaced = unspaced_script if unspaced else None
        runs = [WORD.findall(t) for t in secrets]
        self._try_all = any(not words for words in runs)
        alone = {words[0] for words, t in zip(runs, secrets) if words == [t]}
        self._words: dict[str, list[int]] = {}  # a telling word -> the places in `secrets` of those it tells
        for place, words in enumerate(runs):
            if words:
                self._words.setdefault(_telling(words, alone), []).append(place)

    def secrets_in(self, shown: str) -> tuple[str, ...] | None:
        """The secrets that may match in `shown` (a folded text), in their order; None when the text
        can not be judged (any secret may match)."""
        if self._try_all:
            return None
        if self._unspaced is not None and self._unspaced.search(shown):
            return None
        found = self._words.keys() & _singulars(set(WORD.findall(shown)))
        return tuple(self._secrets[place] for place in sorted(p for word in found for p in self._words[word]))
