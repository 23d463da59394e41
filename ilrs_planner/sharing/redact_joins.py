"""Readings of a text that join what a person reads as one word across what stands between its letters,
for matching what a partner copy withholds (each besides the text as written, never instead of it):

- a word broken at a line's end by a hyphen ("Night-" then "jar" on the next line, also with a soft
  hyphen, a Unicode hyphen or a dash, spaces or a carriage return around the break): the hyphen
  and the break left out, "Nightjar";
- letters with pictures between them: emoji (with their skin tones, joiners and variation
  selectors), flags or other symbols ("Night🚀jar", "N🌙i🌙g🌙h🌙t"): the symbols left out. A
  symbol is not a letter, so the text as written reads them as words apart ("Night", "jar"),
  which no one reading the line does.
Ordinary words gain nothing from these readings: a word that merely shares letters with a secret
still matches only as a whole word ("Night🚀jarring" reads "Nightjarring", which stays).
- letters drawn as symbols: the regional indicators flags are made of ("🇳🇮🇬🇭🇹🇯🇦🇷") and the
  letters in black circles or squares ("🅝🅘🅖", "🅽🅸🅶"), read as the letters they show. As written
  they are symbols, which end a word ("Nightjar🇨🇳" holds "Nightjar"), so this is a reading of its own.
"""

from __future__ import annotations

import re
import unicodedata

from .redact_decode import Span
from .redact_fold import fold

# Regional indicators, negative circled and negative squared capitals: A to Z each, read as the text
# around them is folded (redact_fold: an "l" as the "I" it is drawn like), so the letters a flag shows
# meet the tokens a withheld word folds to ("Kestrel" is "kestrei": flags spelling it read so too).
_SYMBOL_LETTERS = {base + offset: fold(chr(ord("a") + offset))[0]
                   for base in (0x1F1E6, 0x1F150, 0x1F170) for offset in range(26)}
_SYMBOL_LETTER = re.compile("[\U0001F1E6-\U0001F1FF\U0001F150-\U0001F169\U0001F170-\U0001F189]")
# A hyphen (any of those drawn so, the soft hyphen too) ending a line, with the break and the
# spaces around it, between two letters.
_BROKEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010-\u2013\u2043\ufe63\uff0d][ \t]*(?:\r\n|[\n\r\v\f\x85\u2028\u2029])"
                     r"\s*(?=[^\W\d_])")
_LINE_BREAK = re.compile("[\n\r\v\f\x85\u2028\u2029]")
# What stands between two letters and is neither a letter, a digit, white space nor "_"; kept as a
# gap to leave out only when every character of it is a picture (below).
_BETWEEN = re.compile(r"(?<=[^\W\d_])[^\w\s]+(?=[^\W\d_])")
# Symbols (emoji, flags: So), modifiers (skin tones: Sk), joiners and selectors (Cf, Mn) and the
# keycap's enclosing mark (Me).
_PICTURE = frozenset({"So", "Sk", "Cf", "Mn", "Me"})


def gaps(text: str) -> list[Span]:
    """The spans of `text` a person reads a word across: hyphenated line breaks and pictures between
    letters (see the module doc); empty for nearly every text."""
    found = [m.span() for m in _BROKEN.finditer(text)] if _LINE_BREAK.search(text) else []
    if not text.isascii():
        found += [m.span() for m in _BETWEEN.finditer(text)
                  if all(unicodedata.category(c) in _PICTURE for c in m.group())]
    return sorted(found)


def without_gaps(shown: str, places: list[Span], spans: list[Span]) -> tuple[str, list[Span]] | None:
    """`shown` (a reading of the text, `places` the span of the text each character stands for) less
    the characters written inside `spans`; None when that leaves it as it was."""
    dropped: set[int] = set()
    for start, end in spans:
        dropped.update(range(start, end))
    kept = [place for place, span in enumerate(places) if span[0] not in dropped]
    if len(kept) == len(shown):
        return None
    return "".join(shown[place] for place in kept), [places[place] for place in kept]


def has_symbol_letters(text: str) -> bool:
    """Does `text` hold a letter drawn as a symbol (see the module doc)?"""
    return not text.isascii() and _SYMBOL_LETTER.search(text) is not None


def symbols_as_letters(shown: str) -> str:
    """`shown` (a reading) with each letter drawn as a symbol read as that letter, one for one."""
    return shown.translate(_SYMBOL_LETTERS)
