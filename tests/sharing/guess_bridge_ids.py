"""What a partner could try to recompute a bridge's id with: its ends, the plan's id and guessed withheld
tasks (their ids and keys), hashed or keyed every way that does not need the owner's secret."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence


def _shaped(digest: bytes, version: int) -> str:
    """The first 16 bytes as a UUID of `version` with the RFC 4122 variant (as bridge ids are shaped)."""
    data = bytearray(digest[:16])
    data[6] = (data[6] & 0x0F) | (version << 4)
    data[8] = (data[8] & 0x3F) | 0x80
    return data.hex()


def _keys(plan_id: str, withheld: Sequence[tuple[str, str]]) -> Iterable[bytes]:
    """Keys a partner could build from the plan's id and each guessed withheld task, or all of them."""
    every = "\n".join([plan_id, *sorted(f"{tid}\t{key}" for tid, key in withheld)])
    yield hashlib.sha256(every.encode()).digest()  # the keying before the plan had a secret
    yield plan_id.encode()
    for tid, key in withheld:
        for text in (tid, key, f"{tid}\t{key}", f"{plan_id}\n{tid}\t{key}"):
            yield text.encode()
            yield hashlib.sha256(text.encode()).digest()


def guessed_ids(plan_id: str, pred: str, succ: str, withheld: Sequence[tuple[str, str]],
                keys: Iterable[bytes] = ()) -> set[str]:
    """Every id the guesses give for the bridge `pred` -> `succ`, as version 4 and 5 UUIDs and raw hex
    (`keys`: further keys to try)."""
    messages = [f"{pred}\n{succ}".encode(), f"{plan_id}\n{pred}\n{succ}".encode()]
    ids = set()
    for key in [*_keys(plan_id, withheld), *keys]:
        for message in messages:
            digest = hmac.new(key, message, hashlib.sha256).digest()
            ids |= {_shaped(digest, 4), _shaped(digest, 5), digest.hex()[:32]}
    return ids
