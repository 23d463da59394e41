"""Fresh ids one at a time (`new_id`) and in bulk (`fresh_ids`, the same uuid4 hex); and the fixed ids of
the reference roadmap's objects (`reference_id`).

An import of 100,000 tasks makes some 200,000 link ids; `uuid.uuid4()` per id costs a third of
reading a link, one `os.urandom` call and a byte translation per few thousand ids almost nothing.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

# The reference roadmap's ids are derived from keys (data/roadmap.py), so every copy of it gives a task the
# same id; anyone holding the program can derive them too (sharing/bridge_ids.py counts on that).
_REFERENCE_NAMESPACE = uuid.UUID("9de773a8-fdac-4307-a28d-4a9a2fe1b6f4")
_IDS_PER_DRAW = 4096
# uuid4's version and variant bits (RFC 4122), set byte-wise: byte 6's high nibble is 4, byte 8's top bits 10.
_VERSION_4 = bytes((b & 0x0F) | 0x40 for b in range(256))
_VARIANT_RFC = bytes((b & 0x3F) | 0x80 for b in range(256))


def new_id() -> str:
    """A fresh stable id. UUIDs, never reused, because merging shared plans matches on them."""
    return uuid.uuid4().hex


def fresh_ids() -> Iterator[str]:
    """Endless fresh ids, drawn thousands at a time."""
    while True:
        raw = bytearray(os.urandom(16 * _IDS_PER_DRAW))
        raw[6::16] = raw[6::16].translate(_VERSION_4)
        raw[8::16] = raw[8::16].translate(_VARIANT_RFC)
        text = raw.hex()
        yield from (text[i:i + 32] for i in range(0, len(text), 32))


def reference_id(kind: str, name: str) -> str:
    """The fixed id of a reference-roadmap object (task, link "pred>succ" by keys, participant, baseline)."""
    return uuid.uuid5(_REFERENCE_NAMESPACE, f"{kind}/{name}").hex
