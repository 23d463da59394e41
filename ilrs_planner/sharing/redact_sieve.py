"""Which secrets a text can hold at all, so that the scrub pattern runs over those texts, with those secrets only.

The scrub pattern is one alternation of every secret (thousands in a large plan) tried at every
place of every text, and nearly every text names no secret. Secrets and texts are folded alike
(redact_fold), and a secret matches only where each of its words stands as a whole word of the
folded text, or as that word's plural; so a text holding none of the secrets' telling words (of
each secret's words, one that is a secret by itself, else its longest) can not match and is left
as written. The words the sieve reads are where a secret's edge may stand, as the scrub
pattern's edges are (`edge_class`): runs of one script's letters with the digits among them
(`SEGMENT`: "t1234", an id), also without the digits at their ends, and runs of digits and of one
script's letters (`PIECE`): "Nightjar2", "Nightjar计划" each hold "nightjar"; "_" and "-" part them too,
and the parts of a compound are also read joined across what parts them, but for white space
("night-jar", "night·jar", "night_jar": the scrub pattern takes any JOINER between two letters of a
secret).
Texts the word test can not judge are always tried: any text in a script written without spaces
(such a secret matches inside words), and every text when a secret has no word in it at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W_]+")  # a word of a name or note: letters and digits ("ce7" is one)
# What a person reads a word across, as across a hyphen: a run of anything but letters, digits and
# white space (punctuation, symbols, "_"; invisible characters are folded away before), "Night·jar",
# "Night+jar", "Night**jar". White space parts words ("Night jar" is two).
JOIN_CHARACTER = r"(?:[^\w\s]|_)"
JOINER = JOIN_CHARACTER + "+"
_JOINER = re.compile(JOINER)
# "night-jar", "lunar-night·jar-2". A compound starts where a word does (the look-behind): tried at every
# letter of a word, each try running to the word's end, a 100,000-letter word before a hyphen took minutes.
_HYPHENATED = re.compile(rf"(?<![^\W_])[^\W_]+(?:{JOINER}[^\W_]+)+")

# Letters of a script written with spaces between words, as ranges for a character class; a letter
# of any other script is read as continuing a word of any script but these.
SCRIPTS = (
    "a-z\u00aa\u00b5\u00ba\u00df-\u00f6\u00f8-\u024f",  # Latin, folded (the rarer letters: any letter)
    "\u0370-\u03ff\u1f00-\u1fff",  # Greek
    "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f",  # Cyrillic
    "\u0530-\u058f", "\u0590-\u05ff", "\u0600-\u06ff\u0750-\u077f", "\u10a0-\u10ff",  # Armenian ... Georgian
)
_KNOWN = "".join(SCRIPTS)
_SCRIPT_RANGES = [re.compile(f"[{ranges}]") for ranges in SCRIPTS]
PIECE = re.compile("|".join([r"\d+", *(f"[{ranges}]+" for ranges in SCRIPTS), rf"(?:(?![\d{_KNOWN}])[^\W_])+"]))
# A run of one script's letters with the digits among them ("t1234", an id): a secret that is one is
# looked for as a whole, the digits a text glues on either side left off.
SEGMENT = re.compile("|".join([*(rf"[\d{ranges}]+" for ranges in SCRIPTS), rf"(?:(?![{_KNOWN}])[^\W_])+"]))


def edge_class(character: str) -> str:
    """The characters that continue a word at `character` (a secret's first or last): letters of its
    script after a letter (a digit or another script's letter parts it), letters and digits after
    anything else ("9b" goes on from "kestrel-9": a number with a letter is read as one)."""
    if character.isalpha():
        ranges = next((r.pattern for r in _SCRIPT_RANGES if r.match(character)), None)
        return ranges or rf"(?![\d{_KNOWN}])[^\W_]"
    return r"[^\W_]"


def _telling(words: list[str], alone: set[str]) -> str:
    # A word that is a secret by itself is looked for anyway ("t502" of "Task T502", not "task"),
    # else the longest: the rarer the word, the fewer texts the pattern runs over.
    return next((word for word in words if word in alone), max(words, key=len))


def _words_in(shown: str) -> set[str]:
    """The words of `shown` a secret's telling word may be (see the module doc)."""
    segments = SEGMENT.findall(shown)
    return _singulars({*PIECE.findall(shown), *segments, *(s.strip("0123456789") for s in segments)})


def has_joiner(shown: str) -> bool:
    """Does `shown` hold anything a person reads a word across (JOINER)?"""
    return _JOINER.search(shown) is not None


def hyphens_left_out(shown: str, longest: int) -> set[str]:
    """Each run of two or more parts of a hyphenated compound of `shown` (parted by any JOINER) joined
    without what parts them ("lunar-night·jar": "lunarnight", "nightjar", "lunarnightjar"), up to
    `longest` characters: what a person reads a word across a hyphen as (the scrub pattern takes a
    JOINER between two letters of a secret)."""
    joined = set()
    for compound in _HYPHENATED.findall(shown):
        parts = _JOINER.split(compound)
        for first, part in enumerate(parts):
            # By index, not over a slice of the rest: a slice copied every later part for each part
            # (a 100,000-character note of "K-E-S-T-R-..." took seconds), though a run ends at `longest`.
            for following in range(first + 1, len(parts)):
                part += parts[following]
                if len(part) > longest:
                    break
                joined.add(part)
    return joined


def _singulars(words: set[str]) -> set[str]:
    """`words` and what each would be without a plural ending."""
    return words | {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")}


class Sieve:
    """Tells which of `secrets` (the scrub pattern's alternatives, folded, in order) can match in a text."""

    def __init__(self, secrets: Iterable[str], unspaced: bool, unspaced_script: re.Pattern[str]) -> None:
        secrets = self._secrets = tuple(secrets)
        self._unspaced = unspaced_script if unspaced else None
        runs = [SEGMENT.findall(t) for t in secrets]
        self._try_all = any(not words for words in runs)
        alone = {words[0] for words, t in zip(runs, secrets) if words == [t]}
        # A telling word -> the places in `secrets` of those it tells, with the words each needs besides:
        # the words inside a secret of three or more ("static" of "nightjar static fire"), which stand
        # in a text as written wherever it matches (its first and last may run on into the text's).
        self._words: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for place, words in enumerate(runs):
            inner = words[1:-1] if len(words) >= 3 else []
            if words:
                telling = max(inner, key=len) if inner else _telling(words, alone)
                self._words.setdefault(telling, []).append((place, frozenset(inner)))
        self._longest = max(map(len, self._words), default=0) + 2  # with a plural's "es"

    def secrets_in(self, shown: str) -> tuple[str, ...] | None:
        """The secrets that may match in `shown` (a folded text), in their order; None when the text
        can not be judged (any secret may match)."""
        if self._try_all:
            return None
        if self._unspaced is not None and self._unspaced.search(shown):
            return None
        shown_words = _words_in(shown)
        if has_joiner(shown):  # "night-jar", "night·jar" read "nightjar" too
            shown_words |= {word for joined in hyphens_left_out(shown, self._longest) for word in _words_in(joined)}
        found = [place for word in self._words.keys() & shown_words
                 for place, inner in self._words[word] if inner <= shown_words]
        return tuple(self._secrets[place] for place in sorted(found))
