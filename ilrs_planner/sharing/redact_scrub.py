"""Scrubbing what a partner copy must not name: removed tasks and participants, in every remaining text.

A removed task leaks through any of its words, not only its exact full name: "NIGHTJAR" in a
note, "Nightjar relay" in a baseline's name. So the secrets are each removed task's and
participant's name, key, id and source as whole phrases, and each of their words (three letters
or more) that the partner can not see anyway in a kept task's or participant's name or key.
Matching ignores case, in both lower-case and case-folded spelling ("Großmann" is also written
"GROSSMANN"). A match takes the whole hyphenated compound it sits in ("X-Nightjar-2"), so
"[withheld]" replaces whole words only and never leaves half a word around it to guess from.
Chinese, Japanese, Korean and South-East Asian scripts write words without spaces between them,
so a name in them ("夜鹰中继") is matched wherever it stands in a sentence, not as a whole word.
Matching reads text as a person sees it: without its invisible format characters (a soft hyphen,
a zero-width space or a right-to-left mark inside "Night-jar" draws "Nightjar" and once split the
word past the match) and with compatibility forms as their plain letters (full-width "ＮＩＧＨＴＪＡＲ",
the ligature in "ﬁre"); the text is replaced where it is written, so a kept text loses only the match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from ..domain import Baseline, Project
from .redact_sieve import Sieve

WITHHELD = "[withheld]"
MIN_WORD = 3
_WORD = re.compile(r"\w+")
# Words too common to be a secret: scrubbing them would garble every note and give nothing away.
_COMMON = frozenset([
    "the", "and", "for", "with", "from", "into", "over", "under", "after", "before", "about", "this", "that",
    "these", "those", "are", "was", "were", "has", "have", "had", "not", "but", "its", "their", "them",
    "they", "will", "would", "can", "could", "should", "may", "might", "must", "new", "old", "all", "any",
    "each", "per", "via", "out", "off", "own", "one", "two", "three", "first", "second", "phase", "task",
    "tasks", "plan", "mission",
])


# Scripts written without spaces between words: a name in them is matched anywhere in a text.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                       "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]")


def seen(text: str) -> tuple[str, list[int] | None]:
    """`text` as a person reads it (see the module doc), and where in `text` each of its characters
    stands; None for `text` itself (ASCII, or normalized text with no invisible character: nearly all)."""
    if text.isascii() or (text.replace("\n", " ").replace("\t", " ").isprintable()
                          and unicodedata.is_normalized("NFKC", text)):
        return text, None
    characters: list[str] = []
    places: list[int] = []
    for place, character in enumerate(text):
        if unicodedata.category(character) == "Cf":  # invisible: soft hyphen, zero-width space, marks
            continue
        form = unicodedata.normalize("NFKC", character)
        characters.append(form)
        places.extend([place] * len(form))
    return "".join(characters), places


def _spellings(text: str) -> set[str]:
    # re.IGNORECASE matches letter by letter, so "ß" never matches "ss": both spellings are tokens.
    return {text.lower(), text.casefold()}


def _phrases(texts: Iterable[str]) -> set[str]:
    shown = (seen(text)[0].strip() for text in texts if text)
    return {form for text in shown if len(text) >= 2 for form in _spellings(text)}


def _words(texts: Iterable[str]) -> set[str]:
    return {form for text in texts if text for word in _WORD.findall(seen(text)[0]) for form in _spellings(word)}


def secret_tokens(project: Project, removed_tasks: set[str], removed_participants: set[str]) -> set[str]:
    """Every phrase and word (case-folded) that names a removed task or participant."""
    gone = [project.tasks[t] for t in removed_tasks]
    gone_people = [project.participants[p] for p in removed_participants]
    texts = [v for t in gone for v in (t.name, t.key, t.id, t.source_url)]
    texts += [v for p in gone_people for v in (p.name, p.key, p.id, p.source_url)]
    visible = [v for t in project.tasks.values() if t.id not in removed_tasks for v in (t.name, t.key)]
    visible += [v for p in project.participants.values() if p.id not in removed_participants for v in (p.name, p.key)]
    words = {w for w in _words(texts) if len(w) >= MIN_WORD and w not in _COMMON and not w.isdigit()}
    return (_phrases(texts) - _phrases(visible)) | (words - _words(visible))


def hidden_names(baselines: Iterable[Baseline]) -> set[str]:
    """The names of baselines left out of a copy, as whole phrases (their words are everyday words)."""
    return _phrases(b.name for b in baselines)


def scrubber(tokens: set[str]) -> Callable[[str], str]:
    """A function replacing each token (whole words, any case, with its hyphenated compound) by WITHHELD."""
    if not tokens:
        return lambda text: text
    ordered = sorted(tokens, key=len, reverse=True)
    sieve = Sieve(ordered, any(_UNSPACED.search(t) for t in ordered), _UNSPACED)
    everything = functools.cache(lambda: _pattern(ordered))  # only for a text the sieve can not judge
    some = functools.lru_cache(maxsize=4096)(_pattern)

    def scrub(text: str) -> str:
        if not text:
            return text
        shown, places = seen(text)
        chosen = sieve.secrets_in(shown)
        if chosen == ():  # nearly every text: the whole pattern would try each secret at each place
            return text
        return _replaced(everything() if chosen is None else some(chosen), text, shown, places)
    return scrub


def _pattern(ordered: Sequence[str]) -> re.Pattern[str]:
    """The pattern matching any of `ordered` (longest first) as the module doc says."""
    alternatives = "|".join(re.escape(t) for t in ordered)
    # Longest first, bounded by non-word characters, so a removed key "CE" does not eat "SCIENCE".
    bounded = rf"(?:[\w-]*-)?(?<!\w)(?:{alternatives})(?!\w)(?:-[\w-]*)?"
    unspaced = "|".join(re.escape(t) for t in ordered if _UNSPACED.search(t))
    return re.compile(bounded + (f"|{unspaced}" if unspaced else ""), re.IGNORECASE)


def _replaced(pattern: re.Pattern[str], text: str, shown: str, places: list[int] | None) -> str:
    """`text` with each match of `pattern` in `shown` (what a person sees of it) replaced by WITHHELD."""
    if places is None:
        return pattern.sub(WITHHELD, text)
    parts, done = [], 0
    for match in pattern.finditer(shown):
        if match.end() > match.start():
            parts += [text[done:places[match.start()]], WITHHELD]
            done = places[match.end() - 1] + 1
    return "".join(parts) + text[done:] if parts else text
