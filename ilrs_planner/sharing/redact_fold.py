"""Text as a person reads it, for matching what a partner copy withholds: one spelling per look.

Folding a text, character by character:
- leaves out what is not drawn: format characters (a soft hyphen, a zero-width space, a
  right-to-left mark) and every other default-ignorable character (variation selectors, the
  combining grapheme joiner, tag characters), which once split a word past its match;
- takes compatibility forms as their plain letters (NFKC: full-width "ＮＩＧＨＴＪＡＲ", the ligature
  in "ﬁre", mathematical bold letters) and leaves out combining marks ("Kėstrel", "Müller"), but
  keeps a symbol of several letters as the symbol it is drawn as ("ORBITEX™" is "orbitex" and "™",
  not the word "orbitextm");
- folds case ("Großmann" is also written "GROSSMANN");
- reads a letter drawn like an ASCII one as that letter (the Cyrillic "е" in "Kеstrel"), by the
  table generated from Unicode's confusables (redact_lookalikes);
- reads "l" as "i": a capital I and a small l are drawn alike in the window's sans-serif font
  ("NlGHTJAR"), and case folding has made every I an i;
- reads HTML character references and percent escapes as what they spell ("&#x53;ECRET",
  "%53ECRET": redact_decode), first of all, so the letters they spell are folded like any other.
A capital and its small letter may be drawn like two ASCII letters (the Greek "Ν" like N, "ν" like
v; "Η" like H, "η" like n): folded, "ΝΗΣΟΣ" reads as the Greek "νησος", but a person who reads no
Greek reads "Νightjar" as Nightjar. So a text holding such a capital has a second reading,
`fold_as_drawn`: each letter as drawn, in its own case, before its case is folded.
A secret and a text are folded alike and matched letter for letter; each folded character
remembers the span of the text it was written as, so a kept text loses only the match, as written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from .redact_decode import Span, decoded, may_be_encoded
from .redact_lookalikes import LOOKALIKES

# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt) beyond the format characters.
_IGNORABLE_RANGES = ((0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2060, 0x206F),
                     (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
                     (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF))
_FOLDED: dict[str, str] = {}
_L_AS_I = str.maketrans("l", "i")


def _ignorable(character: str) -> bool:
    code = ord(character)
    return unicodedata.category(character) == "Cf" or any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def _unmarked(character: str) -> str:
    compatible = unicodedata.normalize("NFKC", character)
    if unicodedata.category(character) == "So" and len(compatible) > 1 and compatible.isascii() \
            and compatible.isalnum():
        return character  # "™", "№", "🆗", "㎏": a symbol beside a word, not letters the word goes on in
    plain = unicodedata.normalize("NFD", compatible)
    kept = "".join(c for c in plain if unicodedata.category(c) not in ("Mn", "Me") and not _ignorable(c))
    return unicodedata.normalize("NFC", kept)  # Hangul syllables come back together


def _as_drawn() -> dict[str, str]:
    """The letters whose look as written differs from their folded one's (the Greek capital "Ν")."""
    looks = {c: look.translate(_L_AS_I) for c, look in LOOKALIKES.items()}
    return {c: look for c, look in looks.items() if look != _fold_character(c)}


def _fold_character(character: str) -> str:
    folded = _FOLDED.get(character)
    if folded is None:
        plain = "" if _ignorable(character) else _unmarked(character)
        folded = _FOLDED[character] = "".join(LOOKALIKES.get(c, c) for c in plain.casefold()).translate(_L_AS_I)
    return folded


def _drawn_character(character: str) -> str:
    """The character as drawn: a letter of _AS_DRAWN (also under marks: "Ή") by its look, else folded."""
    if character in _AS_DRAWN:
        return _AS_DRAWN[character]
    plain = _unmarked(character)
    if _AS_DRAWN.keys().isdisjoint(plain):
        return _fold_character(character)
    return "".join(_AS_DRAWN.get(c) or _fold_character(c) for c in plain)


def fold(text: str) -> tuple[str, list[Span] | None]:
    """`text` folded (see the module doc), and the span of `text` each folded character was written
    as; None when each stands where it is (ASCII text without escapes, folded by its case alone:
    nearly all)."""
    if not may_be_encoded(text):
        if text.isascii():
            return text.lower().translate(_L_AS_I), None
        return _fold_characters(text, [(place, place + 1) for place in range(len(text))])
    return _fold_characters(*decoded(text))


def fold_as_drawn(text: str) -> tuple[str, list[Span]] | None:
    """`text` folded with each letter read as drawn before its case is folded (see the module doc),
    and the span of `text` each character was written as; None when that reads as `fold` does."""
    if text.isascii() and not may_be_encoded(text):
        return None
    plain, spans = decoded(text) if may_be_encoded(text) else (text, None)
    if _AS_DRAWN.keys().isdisjoint(unicodedata.normalize("NFD", plain)):
        return None
    return _fold_characters(plain, spans or [(place, place + 1) for place in range(len(plain))], _drawn_character)


def folded_forms(text: str) -> list[str]:
    """`text` folded, and folded as drawn where that differs: the forms a secret is looked for in."""
    drawn = fold_as_drawn(text)
    return [fold(text)[0]] + ([drawn[0]] if drawn else [])


def _fold_characters(text: str, spans: list[Span],
                     fold_character: Callable[[str], str] = _fold_character) -> tuple[str, list[Span]]:
    characters: list[str] = []
    places: list[Span] = []
    for character, span in zip(text, spans, strict=True):
        folded = fold_character(character)
        characters.append(folded)
        places.extend([span] * len(folded))
    return "".join(characters), places


_AS_DRAWN = _as_drawn()
