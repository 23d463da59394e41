"""Signed plans: Ed25519 signatures over the canonical content, and what a recipient can conclude.

The signed message binds the signer's name and time to the content hash, so neither can be
swapped onto another plan. Verification yields one of four states (SignatureState); baselines
must also form an intact hash chain, otherwise the history was rewritten and the plan counts as
altered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from ..domain import PlanSignature, Project
from ..domain.canonical import content_hash
from ..domain.chain import broken_links, chain_baselines

_DOMAIN_TAG = b"ILRS-Planner plan signature v1\n"


class SignatureState(StrEnum):
    """What a recipient can conclude about a plan's origin and integrity."""

    TRUSTED = "trusted"  # valid signature by a key the recipient trusts
    UNKNOWN_KEY = "unknown_key"  # valid signature, but by a key the recipient does not know
    ALTERED = "altered"  # signed, but the content (or the baseline history) changed since
    UNSIGNED = "unsigned"


STATE_TEXT = {
    SignatureState.TRUSTED: "Signed by a trusted key",
    SignatureState.UNKNOWN_KEY: "Signed by an unknown key",
    SignatureState.ALTERED: "Altered after signing",
    SignatureState.UNSIGNED: "Unsigned",
}


@dataclass(frozen=True, slots=True)
class Verification:
    """The outcome of checking a plan: its state, who signed, and why it is not trusted if not."""

    state: SignatureState
    signer: str = ""
    signed_at: str = ""
    fingerprint: str = ""
    reasons: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line for a status bar or the CLI."""
        text = STATE_TEXT[self.state]
        if self.signer:
            text += f" — {self.signer} ({self.fingerprint}), {self.signed_at}"
        return text + (": " + "; ".join(self.reasons) if self.reasons else "")


def fingerprint(public_key: bytes) -> str:
    """A short, readable identifier of a raw public key (first 16 hex digits of its SHA-256)."""
    import hashlib

    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return ":".join(digest[i:i + 4] for i in range(0, 16, 4))


def _message(signer: str, signed_at: str, digest: str) -> bytes:
    return _DOMAIN_TAG + f"{signer}\n{signed_at}\n{digest}".encode()


def _raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign_project(project: Project, private_key: Ed25519PrivateKey, signer: str) -> PlanSignature:
    """Sign `project` in place (baselines are chained first) and return the signature stored on it."""
    project.baselines[:] = chain_baselines(list(project.baselines))
    project.signature = None
    digest = content_hash(project)
    signed_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    signature = private_key.sign(_message(signer, signed_at, digest))
    project.signature = PlanSignature(signer=signer, public_key=_raw_public(private_key.public_key()),
                                      signature=signature, content_hash=digest, signed_at=signed_at)
    return project.signature


def verify_project(project: Project, trusted_keys: Iterable[bytes] = ()) -> Verification:
    """Check a plan's signature against its content and the recipient's trusted raw public keys."""
    sig = project.signature
    if sig is None:
        return Verification(SignatureState.UNSIGNED)
    signer, signed_at, print_ = sig.signer, sig.signed_at, fingerprint(sig.public_key)
    reasons = _integrity_problems(project, sig)
    if reasons:
        return Verification(SignatureState.ALTERED, signer, signed_at, print_, tuple(reasons))
    state = SignatureState.TRUSTED if sig.public_key in set(trusted_keys) else SignatureState.UNKNOWN_KEY
    return Verification(state, signer, signed_at, print_)


def _integrity_problems(project: Project, sig: PlanSignature) -> list[str]:
    reasons = []
    if content_hash(project) != sig.content_hash:  # the signature is not part of the content
        reasons.append("the plan's content differs from what was signed")
    try:
        Ed25519PublicKey.from_public_bytes(sig.public_key).verify(
            sig.signature, _message(sig.signer, sig.signed_at, sig.content_hash))
    except (InvalidSignature, ValueError):
        reasons.append("the signature does not match the signed content")
    broken = broken_links(list(project.baselines))
    if broken:
        reasons.append("baseline history was rewritten at " + ", ".join(f"'{name}'" for name in broken))
    return reasons
