"""A signature as ILRS Planner made them before signatures bound the plan's secret and the order of
its links (message version 1: the signer, the time and the content hash), for the tests of files of
an older format, which were signed so."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ilrs_planner.domain import Project
from ilrs_planner.domain.canonical import content_hash
from ilrs_planner.domain.chain import chain_baselines
from ilrs_planner.domain.model import PlanSignature


def sign_as_version_1(plan: Project, key: Ed25519PrivateKey, signer: str,
                      signed_at: str = "2026-06-01T09:00:00+00:00", *, chain: bool = True) -> None:
    """Put on `plan` the signature the program of that time made (its baselines chained, as then; not
    `chain`: its baselines as they are, as it signed a rewritten history when told to)."""
    plan.signature = None
    if chain:
        plan.baselines[:] = chain_baselines(list(plan.baselines))
    digest = content_hash(plan)
    message = b"ILRS-Planner plan signature v1\n" + f"{signer}\n{signed_at}\n{digest}".encode()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    plan.signature = PlanSignature(signer=signer, public_key=public, signature=key.sign(message),
                                   content_hash=digest, signed_at=signed_at)
