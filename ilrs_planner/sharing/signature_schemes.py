"""The two signed messages, which of them a signature holds for, and what the earlier one leaves out.

Version 1 signs the signer, the time and the content hash. Version 2 signs the same and what the content
hash leaves out that a signer vouches for (signed_beside.py): the plan's secret and the order of its
links. Every signature made now is version 2. A version-1 signature still holds for the content it was
made over, so a plan signed before version 2 can be told from an altered one; but whoever handled the
file since could have changed what version 1 leaves out, or put back a version-1 signature the signer
made of the same content before signing it again. So a version-1 signature is never read as the plan
verified: its verdict is a weaker one of its own (signing.SignatureState), which says what it leaves out.

The file records no version: which message a signature holds for is what it is, so no field can be
relabelled to make a signature read as the other version. Each message starts with its own domain tag,
so no signature holds for both.
"""

from __future__ import annotations

from enum import IntEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..domain import PlanSignature

_TAG_V1 = b"ILRS-Planner plan signature v1\n"  # signer, time and content hash
_TAG_V2 = b"ILRS-Planner plan signature v2\n"  # ... and the secret and link order (signed_beside.py)

# What an earlier-scheme signature leaves out, in the words every verdict on one uses.
NOT_COVERED = "signed with the earlier signature scheme, which does not cover the order of links or the plan's secret"


class Scheme(IntEnum):
    """The signed message a signature holds for."""

    EARLIER = 1
    CURRENT = 2


def message(signer: str, signed_at: str, digest: str, beside: str) -> bytes:
    """The bytes every new signature signs (version 2)."""
    return _TAG_V2 + f"{signer}\n{signed_at}\n{digest}\n{beside}".encode()


def _earlier_message(signer: str, signed_at: str, digest: str) -> bytes:
    """The bytes a version-1 signature signed: read only to recognise one, never signed."""
    return _TAG_V1 + f"{signer}\n{signed_at}\n{digest}".encode()


def scheme_held(sig: PlanSignature, beside: str) -> Scheme | None:
    """The message `sig` holds for over its own content hash and `beside` (the plan's as it is now), or
    None when it holds for neither."""
    head = (sig.signer, sig.signed_at, sig.content_hash)
    if _holds(sig, message(*head, beside)):
        return Scheme.CURRENT
    if _holds(sig, _earlier_message(*head)):
        return Scheme.EARLIER
    return None


def _holds(sig: PlanSignature, signed: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sig.public_key).verify(sig.signature, signed)
    except (InvalidSignature, ValueError):
        return False
    return True


def ask_again(signer: str) -> str:
    """What an earlier-scheme verdict asks of its reader."""
    return f"{NOT_COVERED}: ask {signer or 'its signer'} to sign it again"
