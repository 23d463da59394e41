"""How many of a plan's records of the texts partners wrote (Project.partner_texts) it keeps.

The record is one value of the plan file's plan row, and the reader refuses any value over 1 MiB
(store/limits.py MAX_VALUE_BYTES), so a file holding more would never open again: the plan keeps the
first MAX_PARTNER_TEXTS digests in order. A text whose record is not kept is withheld in a copy as the
owner's texts are, which costs only the partner seeing "[withheld]" in one more text of theirs.
"""

from __future__ import annotations

from collections.abc import Iterable

DIGEST_CHARS = 64  # a SHA-256 in hex (sharing/partner_texts.py)
MAX_PARTNER_TEXTS = (1 << 20) // (DIGEST_CHARS + 1)  # with a space between: 16,131 in 1 MiB


def kept_partner_texts(digests: Iterable[str]) -> list[str]:
    """The digests a plan keeps, in the order its file holds them."""
    return sorted(digests)[:MAX_PARTNER_TEXTS]
