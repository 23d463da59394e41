"""Signed plans: Ed25519 signatures over the canonical content, and what a recipient can conclude.

The signed message binds the signer's name and time to the content hash, so neither can be
swapped onto another plan, and (from message version 2) what the content hash leaves out that a
signer vouches for (signed_beside.py): the plan's secret, the key of its partner copies' link ids,
the order of its links and its records of what partners wrote; any changed after signing makes the
plan "altered". A signature
made before version 2 binds neither: it verifies only as the weaker "earlier signature scheme" verdict,
never as the plan verified (signature_schemes.py). Verification yields one of the states of
SignatureState.

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

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..domain import PlannerError, PlanSignature, Project
from ..domain.canonical import content_hash
from ..domain.chain import GENESIS, broken_links, chain_baselines
from ..domain.terminal_text import one_line
from .signature_schemes import NOT_COVERED, Scheme, ask_again, message, scheme_held
from .signed_beside import beside_content
from .signed_sent import sent_changed, sent_cover


class SignatureState(StrEnum):
    """What a recipient can conclude about a plan's origin and integrity."""

    TRUSTED = "trusted"  # valid signature by a key the recipient trusts
    UNKNOWN_KEY = "unknown_key"  # valid signature, but by a key the recipient does not know
    # Valid signatures of the earlier scheme (signature_schemes.py), which leaves the links' order and the
    # secret out: never the plan verified, whatever key made them.
    TRUSTED_EARLIER_SCHEME = "trusted_earlier_scheme"
    UNKNOWN_KEY_EARLIER_SCHEME = "unknown_key_earlier_scheme"
    ALTERED = "altered"  # signed, but the content changed since
    HISTORY_REWRITTEN = "history_rewritten"  # validly signed, over a baseline history rewritten before signing
    UNSIGNED = "unsigned"
    # Signed, but there is no plan as signed to check it on: the window's word for unsaved edits restored
    # after a crash whose signed file is gone or holds another signature now (verify_project never says it).
    UNCHECKED = "unchecked"


STATE_TEXT = {
    SignatureState.TRUSTED: "Signed by a trusted key",
    SignatureState.UNKNOWN_KEY: "Signed by an unknown key",
    SignatureState.TRUSTED_EARLIER_SCHEME: "Signed by a trusted key, earlier scheme",
    SignatureState.UNKNOWN_KEY_EARLIER_SCHEME: "Signed by an unknown key, earlier scheme",
    SignatureState.ALTERED: "Altered after signing",
    SignatureState.HISTORY_REWRITTEN: "Signed, but its baseline history was rewritten before signing",
    SignatureState.UNSIGNED: "Unsigned",
    SignatureState.UNCHECKED: "Signature not checked",
}
EARLIER_SCHEME = frozenset({SignatureState.TRUSTED_EARLIER_SCHEME, SignatureState.UNKNOWN_KEY_EARLIER_SCHEME})


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
        # Said with the signer shown: the CLI and the window name a trusted key as their key file does.
        reasons = (ask_again(self.signer),) * (self.state in EARLIER_SCHEME) + self.reasons
        return text + (": " + "; ".join(reasons) if reasons else "")


def fingerprint(public_key: bytes) -> str:
    """A short, readable identifier of a raw public key (first 16 hex digits of its SHA-256)."""
    import hashlib

    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return ":".join(digest[i:i + 4] for i in range(0, 16, 4))


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
    digest, (sent_count, sent_digest) = content_hash(project), sent_cover(project)
    signed_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    beside = beside_content(project, sent_count, sent_digest)
    signature = private_key.sign(message(signer, signed_at, digest, beside))  # always version 2
    project.signature = PlanSignature(signer=signer, public_key=_raw_public(private_key.public_key()),
                                      signature=signature, content_hash=digest, signed_at=signed_at,
                                      sent_count=sent_count, sent_digest=sent_digest)
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
    scheme = scheme_held(sig, beside_content(project, sig.sent_count, sig.sent_digest))
    reasons = _integrity_problems(project, sig, scheme)
    if reasons:
        return Verification(SignatureState.ALTERED, signer, signed_at, print_, tuple(reasons))
    broken = broken_links(list(project.baselines))
    if broken:
        reasons = ["the chain breaks at " + ", ".join(f"'{name}'" for name in broken)]
        if scheme is Scheme.EARLIER:
            reasons.append(NOT_COVERED)
        return Verification(SignatureState.HISTORY_REWRITTEN, signer, signed_at, print_, tuple(reasons))
    return Verification(_valid_state(scheme, sig.public_key in set(trusted_keys)), signer, signed_at, print_)


def _valid_state(scheme: Scheme | None, trusted: bool) -> SignatureState:
    """The verdict on a signature that holds: only the current scheme's says the plan is as signed."""
    if scheme is Scheme.CURRENT:
        return SignatureState.TRUSTED if trusted else SignatureState.UNKNOWN_KEY
    return SignatureState.TRUSTED_EARLIER_SCHEME if trusted else SignatureState.UNKNOWN_KEY_EARLIER_SCHEME


def _integrity_problems(project: Project, sig: PlanSignature, scheme: Scheme | None) -> list[str]:
    reasons = []
    if content_hash(project) != sig.content_hash:  # the signature is not part of the content
        reasons.append("the plan's content differs from what was signed")
    sent = sent_changed(project, sig) if scheme is Scheme.CURRENT else None
    if scheme is not None:
        return reasons + ([sent] if sent is not None else [])
    if reasons:
        reasons.append("the signature does not match the signed content")
    else:  # the content is as signed: what else the signature binds changed
        reasons.append("the signature does not match the plan as signed: its signer, time or signature, the "
                       "order of its links, the secret its partner copies' link ids are made with, its record "
                       "of what partners wrote in it, or its record of the partner copies sent from it, changed since")
    return reasons
