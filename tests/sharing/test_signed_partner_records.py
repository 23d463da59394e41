"""A signature binds the owner's records of what partners wrote in the plan (the names a merge took from
their plan, and the texts it took as they wrote them): a copy made from the plan shows those words, so a
record stripped or added after signing, the plan's file written again with its signature, made next
week's copy show a partner's guessed codename, or the owner's own, where it said "[withheld]"."""

from __future__ import annotations

import hashlib
from datetime import date

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ilrs_planner.domain import Project, Task
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project
from ilrs_planner.store import open_project, save_project

KEY = Ed25519PrivateKey.generate()
TRUSTED = [KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)]


def _signed(tmp_path, supplied: frozenset[str] = frozenset(), texts: frozenset[str] = frozenset()) -> Project:
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("a", "Survey", 5, id="a"))
    plan.add_task(Task("T-2", "Bird survey: Nightjar", 1, id="t-theirs", position=1))
    plan.supplied, plan.partner_texts = supplied, texts
    sign_project(plan, KEY, "CNSA planning")
    save_project(plan, tmp_path / "plan.db")
    return open_project(tmp_path / "plan.db")


def _rewritten(tmp_path, plan: Project) -> SignatureState:
    """The plan's file written again as the program writes it, the signature kept: what a tamperer does."""
    save_project(plan, tmp_path / "tampered.db")
    return verify_project(open_project(tmp_path / "tampered.db"), TRUSTED).state


def test_a_plan_signed_with_its_records_verifies(tmp_path):
    plan = _signed(tmp_path, frozenset({"t-theirs"}), frozenset({hashlib.sha256(b"x").hexdigest()}))
    assert verify_project(plan, TRUSTED).state is SignatureState.TRUSTED


def test_a_record_of_a_partners_names_stripped_after_signing_reads_as_altered(tmp_path):
    plan = _signed(tmp_path, frozenset({"t-theirs"}))
    plan.supplied = frozenset()  # "Nightjar" would then read as the owner's word, shown in the next copy
    assert _rewritten(tmp_path, plan) is SignatureState.ALTERED
    verdict = verify_project(open_project(tmp_path / "tampered.db"), TRUSTED)
    assert "what partners wrote" in verdict.describe()


def test_a_record_of_a_partners_text_added_after_signing_reads_as_altered(tmp_path):
    plan = _signed(tmp_path)
    plan.partner_texts = frozenset({hashlib.sha256(b"an owner's note").hexdigest()})  # shown unwithheld
    assert _rewritten(tmp_path, plan) is SignatureState.ALTERED


def test_a_plan_signed_without_records_keeps_its_signature(tmp_path):
    # The signed message of a plan without records is as it was, so its earlier signatures hold.
    plan = _signed(tmp_path)
    assert _rewritten(tmp_path, plan) is SignatureState.TRUSTED
