"""Which characters plan text may hold: no control characters, so lengths count what people see.

SQLite's `length()` stops at the first NUL, so `'x' || char(0) || 900 KB` once passed a
1,000-character bound; terminal escapes (ESC, BEL, CSI) and lone carriage returns make text that
lies about itself. Every text of a plan refuses the C0 controls (U+0000–U+001F), DEL and the C1
controls (U+0080–U+009F), and one-line text the Unicode line and paragraph separators too
(U+2028, U+2029: Qt and many terminals break the line there, so a name could draw a line of its
own); multi-line text (notes) may hold tab and newline. Once these are gone,
a character count is a count of what a person sees.

No text holds a bidirectional embedding, override or isolate either (U+202A–U+202E, U+2066–U+2069).
They are invisible and reorder what is drawn: a task stored as "\u202egnissim" is drawn as
"missing", and an isolate reverses whole words, so a name, a note, a diff or a merge report could
show a partner something other than what the file says ("Trojan Source"). Notes too: they are shown
in the same table, tooltips and reports, and a reordered sentence lies as well. Arabic and Hebrew
text does not need them: each text is drawn as a paragraph of its own (a cell, a label, a line),
letters of every script keep their own order in it, and what plain text needs beyond that — a name
that reads right to left though it starts with a Latin acronym, a parenthesis or a digit placed
where an Arabic reader expects it, or, in a right-to-left window, a Latin name ending in ")" — is
what the marks do: RLM, LRM and the Arabic letter mark (U+200F, U+200E, U+061C). They are kept,
everywhere: the Hebrew and Persian keyboards type them, word processors write them, and a rule on
where they may stand would refuse one of those uses (an LRM closing a Latin name is as sound as an
RLM in an Arabic one). They have no scope: each acts as one invisible strong letter, so it can move
a group of digits or a punctuation mark beside it ("1<RLM> 2<RLM> 3" is drawn "13 2", as an Arabic
letter there would make it), never reverse letters or words. The terminal shows them escaped
(terminal_text), so a `diff` or `merge` report names them. Embeddings in text written by older word
processors are removed on import with a warning; the text still reads in its own direction.

The store refuses such text when reading and saving; importers clean it with a warning (`clean`);
typed text is refused at the edit (`check_typed_text`), so every way in applies one rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from .errors import PlannerError

# The bidirectional embeddings, overrides and isolates; the marks (U+200E, U+200F, U+061C) are allowed.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
BIDI_MARKS = "\u061c\u200e\u200f"
_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
_MULTI_LINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")  # tab (09) and newline (0A) allowed
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# What XML 1.0 can not hold: the controls but tab and line ends, and the noncharacters U+FFFE and
# U+FFFF, which plan text may hold. Written as they are, no XML reader reads the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Text fields that may span lines; every other text field is one line.
MULTI_LINE_FIELDS = frozenset({"notes"})
# Characters a field may hold (the CHECK bounds of the plan file schema, store/first_tables.py).
TEXT_LIMITS = {"name": 1000, "key": 200, "notes": 100_000, "source_url": 2000}


def forbidden(multiline: bool) -> re.Pattern[str]:
    """The pattern of characters a text field may not hold."""
    return _MULTI_LINE if multiline else _ONE_LINE


def printable(text: str) -> bool:
    """`text.isprintable()` (so no control character), told ten times faster for ASCII text.

    A plan's texts are nearly all ASCII (ids, keys, most names): then only the bytes below space
    and DEL are not printable, which numpy checks over millions of characters at once, where
    `isprintable` looks each character up in Unicode's tables.
    """
    if not text.isascii():
        return text.isprintable()
    codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return not codes.size or bool(codes.min() >= 0x20 and codes.max() < 0x7F)


def first_with_control(values: Sequence[str | None], multiline: bool) -> int | None:
    """Index of the first value holding a control character it may not hold, or None.

    One search over all values joined (fast on 100,000 rows); the value is located only on failure.
    """
    pattern = forbidden(multiline)
    try:
        joined = "".join(filter(None, values))  # in C: NULLs (None) and empty texts hold nothing to find
    except TypeError:  # a value that is not text: refused elsewhere, naming its type
        joined = "".join(value for value in values if isinstance(value, str))
    # Printable text holds no control character, and is told much faster than the pattern searches.
    if printable(joined) or not pattern.search(joined):
        return None
    return next(i for i, value in enumerate(values) if isinstance(value, str) and pattern.search(value))


def describe_control(text: str, multiline: bool) -> str:
    """'holds the control character U+0000 at character 2' for the first one in `text`."""
    match = forbidden(multiline).search(text)
    assert match is not None
    what = ("line separator" if match[0] in "\u2028\u2029" else
            "bidirectional control" if _BIDI.match(match[0]) else "control character")
    return f"holds the {what} U+{ord(match[0]):04X} at character {match.start() + 1}"


def check_typed_text(field: str, text: str, subject: str, subject_ids: Sequence[str] = ()) -> None:
    """Refuse text typed into an edit that the store would refuse on save, naming field and character.

    Caught at the edit, the user fixes the one field; caught at save, they would hunt for it.
    """
    multiline = field in MULTI_LINE_FIELDS
    label = field.replace("_", " ")
    if forbidden(multiline).search(text):  # the subject cleaned only to be named: a key being typed may hold it
        raise PlannerError("text.control_character",
                           f"{clean(subject)}: the {label} {describe_control(text, multiline)}", list(subject_ids))
    limit = TEXT_LIMITS.get(field)
    if limit is not None and len(text) > limit:
        raise PlannerError("text.too_long", f"{clean(subject)}: the {label} has {len(text):,} characters; "
                           f"at most {limit:,} fit", list(subject_ids))


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 can not hold: what every XML file we write holds
    (MS Project XML, a workbook's cells, an SVG picture's labels)."""
    return _NOT_XML.sub("", text)


def clean(text: str, multiline: bool = False) -> str:
    """`text` with the characters it may not hold removed (a line break in one-line text becomes a space)."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        text = re.sub("[\r\n\t\u2028\u2029]+", " ", text)
    return forbidden(multiline).sub("", text)


def cleaned_count(values: Iterable[str], multiline: bool = False) -> int:
    """How many of `values` `clean` would change."""
    return sum(1 for value in values if value != clean(value, multiline))
