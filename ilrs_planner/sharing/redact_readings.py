"""The ways a person reads a text, for matching what a partner copy withholds: each a folded text
(redact_fold) and the span of the text as written each of its characters stands for.

- the text folded, and folded as drawn where a capital is drawn like another letter than its
  small letter (the Greek "Ν" in "Νightjar");
- its CamelCase words parted ("NightjarProgramme" holds "Nightjar"): a "_" at each hump, so a
  secret there stands as a word of a compound, and the whole CamelCase word is withheld with it;
- a 0, 1 or | among letters read as the letter it is drawn like ("N1GHTJAR", "0RBITEX");
- letters spelt out one by one joined into the word (redact_spelt);
- letters drawn as symbols (a flag's regional indicators) as letters, and a word broken by a
  hyphen at a line's end, or with emoji between its letters, joined (redact_joins), its CamelCase
  words parted as they read joined ("Or🚀bitex🚀Corp" as "OrbitexCorp").
`words_read` gives the words a person reads in a text the same way, so that a word a kept name
shows ("P0Nightjar") is known as shown, and a hidden name's words are known however glued;
`words_shown` adds a kept name's words written across a hyphen ("Night-jar").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from .redact_decode import Span
from .redact_fold import fold, fold_as_drawn, folded_forms
from .redact_joins import gaps, has_symbol_letters, symbols_as_letters, without_gaps
from .redact_sieve import PIECE, WORD, has_joiner, hyphens_left_out
from .redact_spelt import spelled_out, spelt_runs, spelt_secrets

# Where a CamelCase word's next part begins: a capital after a small letter ("Nightjar|Programme"),
# or the last capital of a word in capitals that a small letter follows ("NIGHTJAR|Corp"), which a
# plural's lone "s" does not ("NIGHTJARs").
_ASCII_HUMP = re.compile(r"(?<=[a-z])[A-Z]|(?<=[A-Z])[A-Z](?=[a-z])(?!s(?![a-z]))")
# A 0, 1 or | drawn among letters ("N1GHTJAR", "0RBITEX", "N|GHTJAR"), read as the letter.
_DIGIT_LETTER = re.compile(r"(?<=[^\W\d_])[01|]|[01|](?=[^\W\d_])")
_DRAWN_AS = {"0": "o", "1": "i", "|": "i"}
# The longest word a kept name is read to write across hyphens: no name's word is longer.
_LONGEST = 64


@dataclass(frozen=True)
class Spelt:
    """A text's runs of letters spelt out one by one (redact_spelt), in each folded form that has any:
    the form, the places in it of each run's letters, and the span of the text as written each of
    its characters stands for."""

    forms: list[tuple[str, list[list[int]], list[Span]]]

    def spans(self, secrets: Collection[str], longest: int) -> list[Span]:
        """Where in the text as written `secrets` (single words) are spelt out with words of one letter
        around them ("I a N I G H T J A R")."""
        return [(places[start][0], places[end - 1][1]) for shown, letters, places in self.forms
                for start, end in spelt_secrets(shown, letters, secrets, longest)]


def readings(text: str) -> tuple[list[tuple[str, list[Span] | None]], Spelt | None]:
    """`text` folded, and as a person also reads it: with letters spelt out one by one joined, with
    its CamelCase words parted ("NightjarProgramme"), with a 0, 1 or | among letters read as the
    letter it is drawn like ("N1GHTJAR"), with a flag's letters read as letters, with a word broken by
    a hyphen at a line's end or by emoji joined ("Night-\njar", "Night🚀jar"); each with the span of
    `text` each character was written as. And its runs of letters spelt out one by one, if any."""
    shown, places = fold(text)
    drawn = fold_as_drawn(text)  # "Νightjar" with a Greek capital Nu, as a reader of Latin reads it
    found: list[tuple[str, list[Span] | None]] = [(shown, places)] + ([drawn] if drawn else [])
    for folded, at in list(found):
        humps = _camel_humps(text, folded, at)
        if humps:
            found.append(_parted(folded, at or _identity(len(text)), humps))
    found += [(lettered, at) for reading, at in found if (lettered := _as_letters(reading)) is not None]
    # Nearly every text is ASCII on one line: nothing below can join it (tested inline, as it is for every text).
    if not text.isascii() or "\n" in text or "\r" in text or "\v" in text or "\f" in text:
        found += _joined(text, found)
    spelt = _spelt(text, [(shown, places)] + ([drawn] if drawn else []))
    for form, letters, outer in spelt:
        found += [(joined, [outer[place] for place in at]) for joined, at in spelled_out(form, letters)]
    return found, Spelt(spelt) if spelt else None


def _spelt(text: str, forms: list[tuple[str, list[Span] | None]]) -> list[tuple[str, list[list[int]], list[Span]]]:
    """Each of `forms` (the text folded, and as drawn) that has letters spelt out one by one, with the
    places of each run's letters and the span of `text` each character stands for: "N I G H T", and
    "Ν Ι G H T" (Greek capitals) as drawn; flags' letters as letters ("🇳 🇮 🇬 🇭 🇹")."""
    symbols = has_symbol_letters(text)
    spelt = []
    for form, places in forms:
        form = symbols_as_letters(form) if symbols else form
        letters = spelt_runs(form)
        if letters:
            spelt.append((form, letters, places or _identity(len(text))))
    return spelt


def _joined(text: str, found: list[tuple[str, list[Span] | None]]) -> list[tuple[str, list[Span] | None]]:
    """Each reading of `text` so far with a flag's letters read as letters ("🇳🇮🇬🇭🇹🇯🇦🇷"), then each
    with what breaks a word left out ("Night-\\njar", "Night🚀jar"): the readings redact_joins adds."""
    more: list[tuple[str, list[Span] | None]] = []
    if has_symbol_letters(text):
        more += [(symbols_as_letters(reading), at) for reading, at in found]
    across = gaps(text)
    if across:
        joined = [read for reading, at in found + more
                  if (read := without_gaps(reading, at or _identity(len(text)), across)) is not None]
        humps = _humps_across(text, across)  # "Or🚀bitex🚀Corp": a CamelCase word once joined
        more += joined + [_parted(reading, at, places) for reading, at in joined
                          if (places := _places(humps, at))]
    return more


def _humps_across(text: str, across: list[Span]) -> list[int]:
    """Where in `text` a capital follows a small letter with only `across` (what a person reads a
    word across) between them: the CamelCase humps of the text joined."""
    hidden = {place for start, end in across for place in range(start, end)}
    humps, before = [], ""
    for place, character in enumerate(text):
        if place in hidden:
            continue
        if before.islower() and character.isupper():
            humps.append(place)
        before = character
    return humps


def _identity(length: int) -> list[Span]:
    return [(place, place + 1) for place in range(length)]


def _camel_humps(text: str, shown: str, places: list[Span] | None) -> list[int]:
    """The places in `shown` where a CamelCase word of `text` begins a new part ("Nightjar|Programme",
    "NIGHTJAR|Corp")."""
    starts = _humps(text)
    return starts if places is None else _places(starts, places)


def _humps(text: str) -> list[int]:
    """Where in `text` a CamelCase word's next part begins (see _ASCII_HUMP), in any script."""
    if text.isascii():
        return [m.start() for m in _ASCII_HUMP.finditer(text)]
    after = text[1:] + " "
    return [i for i in range(1, len(text)) if text[i].isupper() and (
        text[i - 1].islower() or text[i - 1].isupper() and after[i].islower() and not _plural_s(text, i + 1))]


def _plural_s(text: str, place: int) -> bool:
    """Is the letter at `place` a lone "s" ending a word in capitals ("NIGHTJARs")?"""
    return text[place] == "s" and (place + 1 == len(text) or not text[place + 1].islower())


def _places(starts: list[int], places: list[Span]) -> list[int]:
    """The place in a reading (`places`: the span of the text each of its characters stands for) of
    the first character written at each of `starts`."""
    if not starts:
        return []
    first: dict[int, int] = {}
    for place, (begin, _) in enumerate(places):
        first.setdefault(begin, place)
    return [first[start] for start in starts if start in first]


def _parted(shown: str, places: list[Span], humps: list[int]) -> tuple[str, list[Span]]:
    """`shown` with "_" before each of `humps`: a secret then stands as a word of a compound, and the
    whole CamelCase word is withheld with it, as a hyphenated one is."""
    parts, spans, done = [], [], 0
    for hump in humps:
        parts += [shown[done:hump], "_"]
        spans += [*places[done:hump], places[hump]]
        done = hump
    return "".join(parts) + shown[done:], spans + places[done:]


def _as_letters(shown: str) -> str | None:
    """`shown` with each 0, 1 or | beside a letter read as the o, i (l) it is drawn like; None when it has none."""
    if not _DIGIT_LETTER.search(shown):
        return None
    return _DIGIT_LETTER.sub(lambda m: _DRAWN_AS[m.group()], shown)


def _parted_text(text: str) -> str:
    """`text` with a space before each CamelCase hump."""
    parts, done = [], 0
    for hump in _humps(text):
        parts += [text[done:hump], " "]
        done = hump
    return "".join(parts) + text[done:]


def words_read(text: str) -> set[str]:
    """The words (folded) a person reads in `text`: each run of letters and digits ("p0nightjar"), and
    the parts of it a digit, another script or a CamelCase hump marks ("p", "0", "nightjar")."""
    return _words_read(text, folded_forms(text))


def _words_read(text: str, forms: list[str]) -> set[str]:
    parted = _ASCII_HUMP.sub(r" \g<0>", text) if text.isascii() else _parted_text(text)
    return {word for form in forms for word in WORD.findall(form)} | {
        piece for form in folded_forms(parted) for word in WORD.findall(form) for piece in PIECE.findall(word)}


def words_shown(text: str) -> set[str]:
    """The words a person reads in `text` (`words_read`), and those it writes across a hyphen or other
    joiner (redact_sieve.JOINER): a kept name "Night-jar survey" or "Night·jar survey" shows the word
    "nightjar", which is then no secret of the copy."""
    forms = folded_forms(text)
    joined = {word for form in forms if has_joiner(form) for word in hyphens_left_out(form, _LONGEST)}
    # Folded already: the words of each, and their parts a digit or another script marks.
    return _words_read(text, forms) | {piece for word in joined for piece in [word, *PIECE.findall(word)]}
