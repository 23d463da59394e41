"""Signed plans: Ed25519 signatures over the canonical content, and what a recipient can conclude.

The signed message binds the signer's name and time to the content hash, so neither can be
swapped onto another plan, and (from message version 2) what the content hash leaves out that a
signer vouches for (signed_beside.py): the plan's secret, the key of its partner copies' link ids,
and the order of its links; either changed after signing makes the plan "altered". A signature
made before version 2 binds neither and still verifies. Verification yields one of
five states (SignatureState).

Baselines form a hash chain. Signing a plan whose chain is broken (a baseline rewritten or removed
after the next one was captured) is refused unless the signer says so (`rewrite_history=True`);
the plan is then signed as it is, chain breaks included, so every recipient's verify reports the
rewritten history (HISTORY_REWRITTEN) rather than the signature silently re-linking it. A plan
whose baselines were never chained (every prev_hash empty, and never signed) is linked when signed.
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

from ..domain import PlannerError, PlanSignature, Project
from ..domain.canonical import content_hash
from ..domain.chain import GENESIS, broken_links, chain_baselines
from ..domain.terminal_text import one_line
from .signed_beside import beside_content

_DOMAIN_TAG = b"ILRS-Planner plan signature v1\n"  # signer, time and content hash
_DOMAIN_TAG_V2 = b"ILRS-Planner plan signature v2\n"  # ... and the secret and link order (signed_beside.py)


class SignatureState(StrEnum):
    """What a recipient can conclude about a plan's origin and integrity."""

    TRUSTED = "trusted"  # valid signature by a key the recipient trusts
    UNKNOWN_KEY = "unknown_key"  # valid signature, but by a key the recipient does not know
    ALTERED = "altered"  # signed, but the content changed since
    HISTORY_REWRITTEN = "history_rewritten"  # validly signed, over a baseline history rewritten before signing
    UNSIGNED = "unsigned"
    # Signed, but there is no plan as signed to check it on: the window's word for unsaved edits restored
    # after a crash whose signed file is gone or holds another signature now (verify_project never says it).
    UNCHECKED = "unchecked"


STATE_TEXT = {
    SignatureState.TRUSTED: "Signed by a trusted key",
    SignatureState.UNKNOWN_KEY: "Signed by an unknown key",
    SignatureState.ALTERED: "Altered after signing",
    SignatureState.HISTORY_REWRITTEN: "Signed, but its baseline history was rewritten before signing",
    SignatureState.UNSIGNED: "Unsigned",
    SignatureState.UNCHECKED: "Signature not checked",
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


def _message(signer: str, signed_at: str, digest: str, beside: str | None = None) -> bytes:
    """The bytes signed: version 2 with what is bound beside the content, version 1 (signatures made
    before) without."""
    if beside is None:
        return _DOMAIN_TAG + f"{signer}\n{signed_at}\n{digest}".encode()
    return _DOMAIN_TAG_V2 + f"{signer}\n{signed_at}\n{digest}\n{beside}".encode()


def _raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign_project(project: Project, private_key: Ed25519PrivateKey, signer: str, *,
                 rewrite_history: bool = False) -> PlanSignature:
    """Sign `project` in place and return the signature stored on it (see the module docstring for
    the baseline chain); a broken chain is `signature.history_rewritten` unless `rewrite_history`."""
    baselines = list(project.baselines)
    if _never_chained(project):
        project.baselines[:] = chain_baselines(baselines)  # nothing to break
    elif broken_links(baselines) and not rewrite_history:
        raise PlannerError("signature.history_rewritten", "the baseline history was rewritten at "
                           + ", ".join(f"'{one_line(name)}'" for name in broken_links(baselines))
                           + "; sign with --rewrite-history to sign it as it is (recipients are told)")
    project.signature = None
    if project.partner_level is None:
        project.own_secret()  # drawn now if the plan has none yet, so the signature covers the one it keeps
    digest = content_hash(project)
    signed_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    signature = private_key.sign(_message(signer, signed_at, digest, beside_content(project)))
    project.signature = PlanSignature(signer=signer, public_key=_raw_public(private_key.public_key()),
                                      signature=signature, content_hash=digest, signed_at=signed_at)
    return project.signature


def _never_chained(project: Project) -> bool:
    """Whether the baselines were never linked: every prev_hash empty, in a plan never signed. A signed
    plan's chain was linked when it was signed and each baseline captured since links itself, so one
    emptied there is a rewrite: re-linked, a baseline edited and its chain cleared would sign cleanly."""
    if not all(baseline.prev_hash == GENESIS for baseline in project.baselines):
        return False
    return project.signature is None or len(project.baselines) < 2


def verify_project(project: Project, trusted_keys: Iterable[bytes] = ()) -> Verification:
    """Check a plan's signature against its content and the recipient's trusted raw public keys."""
    sig = project.signature
    if sig is None:
        return Verification(SignatureState.UNSIGNED)
    signer, signed_at, print_ = sig.signer, sig.signed_at, fingerprint(sig.public_key)
    reasons = _integrity_problems(project, sig)
    if reasons:
        return Verification(SignatureState.ALTERED, signer, signed_at, print_, tuple(reasons))
    broken = broken_links(list(project.baselines))
    if broken:
        breaks = "the chain breaks at " + ", ".join(f"'{name}'" for name in broken)
        return Verification(SignatureState.HISTORY_REWRITTEN, signer, signed_at, print_, (breaks,))
    state = SignatureState.TRUSTED if sig.public_key in set(trusted_keys) else SignatureState.UNKNOWN_KEY
    return Verification(state, signer, signed_at, print_)


def _integrity_problems(project: Project, sig: PlanSignature) -> list[str]:
    reasons = []
    if content_hash(project) != sig.content_hash:  # the signature is not part of the content
        reasons.append("the plan's content differs from what was signed")
    if _holds(sig, beside_content(project)) or _holds(sig, None):  # as signed (None: made before version 2)
        return reasons
    if reasons:
        reasons.append("the signature does not match the signed content")
    else:  # the content is as signed: what else the signature binds changed
        reasons.append("the signature does not match the plan as signed: its signer, time or signature, the "
                       "order of its links, or the secret its partner copies' link ids are made with, changed since")
    return reasons


def _holds(sig: PlanSignature, beside: str | None) -> bool:
    """Whether the signature was made over its content hash and `beside` (None: a version-1 signature,
    which binds nothing beside the content)."""
    try:
        Ed25519PublicKey.from_public_bytes(sig.public_key).verify(
            sig.signature, _message(sig.signer, sig.signed_at, sig.content_hash, beside))
    except (InvalidSignature, ValueError):
        return False
    return True
