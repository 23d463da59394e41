"""What a plan keeps of its records of what partners wrote in it (Project.supplied, Project.partner_texts).

The names record keeps the tasks and participants the plan still has: one deleted since says nothing
of any text a copy shows, and kept it would fill the record's one value of the file for ever.

The record is one value of the plan file's plan row, and the reader refuses any value over 1 MiB
(store/limits.py MAX_VALUE_BYTES), so a file holding more would never open again: the plan keeps the
first MAX_PARTNER_TEXTS digests in order. A text whose record is not kept is withheld in a copy as the
owner's texts are, which costs only the partner seeing "[withheld]" in one more text of theirs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Project

DIGEST_CHARS = 64  # a SHA-256 in hex (sharing/partner_texts.py)
MAX_PARTNER_TEXTS = (1 << 20) // (DIGEST_CHARS + 1)  # with a space between: 16,131 in 1 MiB


def kept_partner_texts(digests: Iterable[str]) -> list[str]:
    """The digests a plan keeps, in the order its file holds them."""
    return sorted(digests)[:MAX_PARTNER_TEXTS]


def kept_supplied(project: Project) -> list[str]:
    """The ids of the names record a plan keeps (those of its tasks and participants), in order."""
    return sorted(i for i in project.supplied if i in project.tasks or i in project.participants)


def records_left_behind(project: Project, file_kind: str) -> str | None:
    """The warning for writing `project` to a file of another format (`file_kind`, "An Excel workbook"),
    which carries nothing of the plan's records of what partners wrote in it, naming some of what they
    cover; None for a plan without any. Read back, such a file is a plan whose words are all the owner's:
    a name of a partner's then counts as the owner's and shows a withheld word it holds in the next copy
    (their "Bird survey: Nightjar" unmasking the owner's Nightjar), and their texts are withheld."""
    supplied = project.supplied
    names = [f"{t.key} '{t.name}'" for t in project.tasks.values() if t.id in supplied]
    names += [f"{p.key} '{p.name}'" for p in project.participants.values() if p.id in supplied]
    texts = len(project.partner_texts)
    if not names and not texts:
        return None
    parts = [f"{len(names):,} task or participant name{'s' * (len(names) != 1)} a partner gave"] * bool(names)
    parts += [f"{texts:,} text{'s' * (texts != 1)} a partner wrote"] * bool(texts)
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
    return (f"{file_kind} does not carry this plan's record of what partners wrote in it ({' and '.join(parts)}"
            f"{': ' + shown if shown else ''}): a plan read back from it counts their words as yours, so a word "
            "of withheld work one of their names holds shows in its partner copies, and their texts are withheld "
            "there; make partner copies from this plan file")
