"""The plan's record of the partner copies written from it, as one text column (format version 14).

One record per copy, oldest first, separated by "; " (plan text is one line): the copy's plan id,
the level's stored name, "notes" or "without-notes", and the day it was written
("4c1a… partners without-notes 2026-12-04"). A record
the program did not write, or a second record of one copy, is refused by name when the file is opened,
as any bad value is: a merge reads what a partner was sent from it.

A signature covers the records the plan held when it was signed (format version 16): its row keeps how
many and their digest ("3 <64 hex digits>", sharing/signed_beside.py), so a record among them changed,
removed or reordered since reads as altered, while copies recorded after signing follow them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ..domain import Classification, PlannerError, PlanSignature, SentCopy

# A copy a week for fifty years stays far below this: the bound only keeps a crafted file small.
MAX_SENT_COPIES = 10_000
_SEPARATOR = "; "
_COVER = re.compile(r"([1-9][0-9]{0,4}) ([0-9a-f]{64})")
_LINE = re.compile(r"([0-9a-f]{32}) (public|partners|restricted) (notes|without-notes) (\d{4}-\d{2}-\d{2})")


def sent_copies_text(copies: tuple[SentCopy, ...]) -> str:
    """The column's text for `copies`; more than a file holds refuses the save (its last save kept as it was):
    written, every open would refuse the file."""
    if len(copies) > MAX_SENT_COPIES:
        raise PlannerError("store.too_large", f"cannot save: the plan records {len(copies):,} partner copies sent "
                           f"from it, and a plan file holds the records of at most {MAX_SENT_COPIES:,}; the file "
                           "was left as it was last saved, and no partner copy was written")
    return _SEPARATOR.join(f"{c.copy_id} {c.level.value} {'without-notes' if c.without_notes else 'notes'} "
                     f"{c.written.isoformat()}" for c in copies)


def read_sent_copies(text: str) -> tuple[SentCopy, ...] | str:
    """The copies the column records, or what is wrong with it (a sentence naming the record)."""
    lines = text.split(_SEPARATOR) if text else []
    if len(lines) > MAX_SENT_COPIES:
        return f"records {len(lines):,} partner copies; a plan records at most {MAX_SENT_COPIES:,}"
    copies: list[SentCopy] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        found = _LINE.fullmatch(line)
        written = _day(found.group(4)) if found else None
        if found is None or written is None:
            return f"record {number} ('{line[:60]}') is not one of a partner copy"
        if found.group(1) in seen:  # every copy has a plan id of its own: a second record would override the first
            return f"record {number} names partner copy {found.group(1)} again (record {seen[found.group(1)]})"
        seen[found.group(1)] = number
        copies.append(SentCopy(found.group(1), Classification(found.group(2)), found.group(3) == "without-notes",
                               written))
    return tuple(copies)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def signed_cover_text(signature: PlanSignature) -> str:
    """The signature row's text for the records of partner copies it covers: '' for none."""
    return f"{signature.sent_count} {signature.sent_digest}" if signature.sent_count else ""


def read_signed_cover(text: str) -> tuple[int, str] | str:
    """How many records a signature covers and their digest, or what is wrong with the text."""
    if not text:
        return 0, ""
    found = _COVER.fullmatch(text)
    if found is None or int(found.group(1)) > MAX_SENT_COPIES:
        return f"'{text[:80]}' is not a count of partner copies and their digest"
    return int(found.group(1)), found.group(2)


def signature_of(row: Sequence[Any], fail: Callable[[str], PlannerError]) -> PlanSignature:
    """The signature a row of the signature table holds (signer, key, signature, content hash, time and the
    records it covers); `fail(problem)` is the refusal when the covered records' text is not ours."""
    signer, public_key, signature, content_hash, signed_at, sent = row
    cover = read_signed_cover(sent)
    if isinstance(cover, str):
        raise fail(cover)
    return PlanSignature(signer=signer, public_key=bytes(public_key), signature=bytes(signature),
                         content_hash=content_hash, signed_at=signed_at, sent_count=cover[0], sent_digest=cover[1])
