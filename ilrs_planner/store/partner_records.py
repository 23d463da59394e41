"""The plan's records of what partners wrote in it, each one text column of the plan row.

- `supplied` (format version 12): the ids of tasks and participants whose name, key or source a merge
  took from another plan (domain.model), as a JSON list of strings; '' for none.
- `partner_texts` (format version 15): digests of the texts a merge took from a partner's plan as they
  wrote them (sharing/partner_texts.py), 64 lowercase hex digits each, separated by single spaces.

A record the program did not write is refused by name when the file is opened, as any bad value is:
a copy reads what it may show from them.
"""

from __future__ import annotations

import json
import re

from ..domain import Project
from ..domain.partner_records import kept_partner_texts, kept_supplied

_DIGESTS = re.compile(r"[0-9a-f]{64}(?: [0-9a-f]{64})*")


def supplied_text(project: Project) -> str:
    """The `supplied` column's text for `project`: the ids of the record it keeps."""
    ids = kept_supplied(project)
    return json.dumps(ids) if ids else ""


def read_supplied(text: str) -> frozenset[str] | str:
    """The ids the `supplied` column records, or what is wrong with it (a sentence)."""
    try:
        ids = json.loads(text) if text else []
    except (ValueError, RecursionError):  # RecursionError: '[[[…' nested past the reader's depth
        ids = None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return "it is not a list of task and participant ids"
    return frozenset(ids)


def partner_texts_text(digests: frozenset[str]) -> str:
    """The `partner_texts` column's text for `digests`: those the plan keeps (within the value bound)."""
    return " ".join(kept_partner_texts(digests))


def read_partner_texts(text: str) -> frozenset[str] | str:
    """The digests the `partner_texts` column records, or what is wrong with it (a sentence)."""
    if text and _DIGESTS.fullmatch(text) is None:
        return "it is not a list of digests of texts a partner wrote, 64 hex digits each"
    return frozenset(text.split(" ")) if text else frozenset()
