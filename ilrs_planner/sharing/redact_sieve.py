"""Which secrets a text can hold at all, so that the scrub pattern runs over those texts, with those secrets only.

The scrub pattern is one alternation of every secret (thousands in a large plan) tried at every
place of every text, and nearly every text names no secret. A secret matches only where each of
its words stands as a whole word of the text, letter for letter in one of the case spellings the
pattern accepts; so a text holding none of the secrets' telling words (of each secret's words, one
that is a secret by itself, else its longest) can not match and is left as written. The case
spellings are the pattern's own (the regex engine decides, character by character, which letters
pair up: "K" with the Kelvin sign, "s" with "ſ", "i" with the dotless "ı").
Texts the word test can not judge are always tried: any text in a script written without spaces
(such a secret matches inside words), a text with a character the engine pairs with one of other
word-ness (the combining iota with "ι"), and every text when a secret has no word in it at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def _cased(character: str) -> bool:
    # Only a character with another case form can be paired with a character other than itself.
    return character.lower() != character or character.upper() != character or character.casefold() != character


def _telling(words: list[str], spelling: dict[int, str], alone: set[str]) -> str:
    # A word that is a secret by itself is looked for anyway ("t502" of "Task T502", not "task"),
    # else the longest: the rarer the word, the fewer texts the pattern runs over.
    read = [word.translate(spelling) for word in words]
    return next((word for word in read if word in alone), max(read, key=len))


class Sieve:
    """Tells which of `secrets` (the scrub pattern's alternatives, in order) can match in a text."""

    def __init__(self, secrets: Iterable[str], unspaced: bool, unspaced_script: re.Pattern[str]) -> None:
        secrets = self._secrets = tuple(secrets)
        self._letters = {c: re.compile(re.escape(c), re.IGNORECASE) for t in secrets for c in t if _cased(c)}
        self._spelling: dict[int, str] = {}  # a cased character -> the one all its pairs are read as
        self._odd: set[str] = set()
        self._seen: set[str] = set()
        self._unspaced = unspaced_script if unspaced else None
        runs = [_WORD.findall(t) for t in secrets]
        self._try_all = any(not words for words in runs) or not self._learn("".join(secrets))
        alone = {words[0].translate(self._spelling) for words, t in zip(runs, secrets) if words == [t]}
        self._words: dict[str, list[int]] = {}  # a telling word -> the places in `secrets` of those it tells
        for place, words in enumerate(runs):
            if words:
                self._words.setdefault(_telling(words, self._spelling, alone), []).append(place)

    def _learn(self, text: str) -> bool:
        """Learns how the pattern reads each new character of `text`; False if one is odd (see module doc)."""
        fresh = set(text) - self._seen
        self._seen |= fresh
        for character in fresh:
            if not _cased(character):
                continue
            pairs = [letter for letter, alone in self._letters.items() if alone.fullmatch(character)]
            if any(bool(_WORD.fullmatch(p)) != bool(_WORD.fullmatch(character)) for p in pairs):
                self._odd.add(character)
            elif pairs:
                self._spelling[ord(character)] = min(pairs)
        return not self._odd or self._odd.isdisjoint(text)

    def secrets_in(self, shown: str) -> tuple[str, ...] | None:
        """The secrets that may match in `shown` (a text as a person reads it), in their order; None
        when the text can not be judged (any secret may match)."""
        if self._try_all or not self._learn(shown):
            return None
        if self._unspaced is not None and self._unspaced.search(shown):
            return None
        found = self._words.keys() & _WORD.findall(shown.translate(self._spelling))
        return tuple(self._secrets[place] for place in sorted(p for word in found for p in self._words[word]))
