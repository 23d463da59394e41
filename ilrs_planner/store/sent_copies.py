"""The plan's record of the partner copies written from it, as one text column (format version 14).

One record per copy, oldest first, separated by "; " (plan text is one line): the copy's plan id,
the level's stored name, "notes" or "without-notes", and the day it was written
("4c1a… partners without-notes 2026-12-04"). A record
the program did not write is refused by name when the file is opened, as any bad value is: a merge
reads what a partner was sent from it.
"""

from __future__ import annotations

import re
from datetime import date

from ..domain import Classification, SentCopy

# A copy a week for fifty years stays far below this: the bound only keeps a crafted file small.
MAX_SENT_COPIES = 10_000
_SEPARATOR = "; "
_LINE = re.compile(r"([0-9a-f]{32}) (public|partners|restricted) (notes|without-notes) (\d{4}-\d{2}-\d{2})")


def sent_copies_text(copies: tuple[SentCopy, ...]) -> str:
    """The column's text for `copies`."""
    return _SEPARATOR.join(f"{c.copy_id} {c.level.value} {'without-notes' if c.without_notes else 'notes'} "
                     f"{c.written.isoformat()}" for c in copies)


def read_sent_copies(text: str) -> tuple[SentCopy, ...] | str:
    """The copies the column records, or what is wrong with it (a sentence naming the record)."""
    lines = text.split(_SEPARATOR) if text else []
    if len(lines) > MAX_SENT_COPIES:
        return f"records {len(lines):,} partner copies; a plan records at most {MAX_SENT_COPIES:,}"
    copies = []
    for number, line in enumerate(lines, 1):
        found = _LINE.fullmatch(line)
        written = _day(found.group(4)) if found else None
        if found is None or written is None:
            return f"record {number} ('{line[:60]}') is not one of a partner copy"
        copies.append(SentCopy(found.group(1), Classification(found.group(2)), found.group(3) == "without-notes",
                               written))
    return tuple(copies)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
