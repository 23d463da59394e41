"""Signatures: valid until the content changes, bound to the signer, and baselines chained."""

import dataclasses
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.canonical import canonical_bytes, content_hash
from ilrs_planner.domain.chain import broken_links, chain_baselines, next_prev_hash
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project


def _raw(key):
    from cryptography.hazmat.primitives import serialization
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def test_unsigned_plan_says_so(small_plan):
    assert verify_project(small_plan).state is SignatureState.UNSIGNED


def test_signed_plan_is_trusted_only_with_the_signers_key(small_plan):
    key = Ed25519PrivateKey.generate()
    sign_project(small_plan, key, "SUPARCO planning")
    assert verify_project(small_plan, [_raw(key)]).state is SignatureState.TRUSTED
    other = Ed25519PrivateKey.generate()
    result = verify_project(small_plan, [_raw(other)])
    assert result.state is SignatureState.UNKNOWN_KEY and result.signer == "SUPARCO planning"


def test_canonical_bytes_ignore_dict_order_and_the_signature(small_plan):
    before = canonical_bytes(small_plan)
    small_plan.tasks = dict(reversed(list(small_plan.tasks.items())))
    sign_project(small_plan, Ed25519PrivateKey.generate(), "X")
    small_plan.baselines[:] = [dataclasses.replace(b, prev_hash="") for b in small_plan.baselines]
    assert canonical_bytes(small_plan) == before


def test_renaming_a_task_after_signing_is_detected(small_plan):
    key = Ed25519PrivateKey.generate()
    sign_project(small_plan, key, "CNSA")
    small_plan.tasks["t-a"].name = "Mission A (renamed)"
    result = verify_project(small_plan, [_raw(key)])
    assert result.state is SignatureState.ALTERED
    assert "content differs" in result.describe()


def test_moving_a_baseline_date_after_signing_is_detected(small_plan):
    key = Ed25519PrivateKey.generate()
    sign_project(small_plan, key, "CNSA")
    old = small_plan.baselines[0]
    small_plan.baselines[0] = dataclasses.replace(old, entries={"t-a": (date(2030, 1, 2), date(2030, 1, 12))})
    assert verify_project(small_plan, [_raw(key)]).state is SignatureState.ALTERED


def test_swapping_the_signer_name_breaks_the_signature(small_plan):
    key = Ed25519PrivateKey.generate()
    sign_project(small_plan, key, "CNSA")
    small_plan.signature = dataclasses.replace(small_plan.signature, signer="Roscosmos")
    result = verify_project(small_plan, [_raw(key)])
    assert result.state is SignatureState.ALTERED and "signature does not match" in result.describe()


def test_baseline_chain_detects_a_rewritten_older_baseline(small_plan):
    chained = chain_baselines(small_plan.baselines)
    assert broken_links(chained) == []
    assert chained[0].prev_hash == "" and chained[1].prev_hash != ""
    rewritten = [dataclasses.replace(chained[0], as_of=date(2028, 1, 1)), chained[1]]
    assert broken_links(rewritten) == ["Revised"]


def test_next_prev_hash_links_a_new_baseline_to_the_last(small_plan):
    small_plan.baselines[:] = chain_baselines(small_plan.baselines)
    new_prev = next_prev_hash(small_plan)
    from ilrs_planner.domain import Baseline
    small_plan.baselines.append(Baseline("Third", date(2030, 1, 1), {}, prev_hash=new_prev))
    assert broken_links(small_plan.baselines) == []


def test_a_plan_that_states_no_provenance_keeps_the_canonical_hash_it_had_before_provenance(small_plan):
    # The hash this plan had before tasks had a confidence and a source date: plans that do not use them
    # keep their bytes, so every signature made before then stays valid.
    small_plan.id = "plan-small"
    assert content_hash(small_plan) == "0bde0bc1f5aa7efbf9833c36716cfc853738611e7c3e9398b6dc782c94baca91"


def test_a_signed_plan_whose_chain_was_emptied_is_not_linked_afresh_over_an_edited_baseline(small_plan):
    # Sign, rewrite the older baseline, clear every link: signing linked the emptied chain anew as if
    # it had never been chained, and the forged history verified as trusted.
    key = Ed25519PrivateKey.generate()
    sign_project(small_plan, key, "CNSA")
    first = dataclasses.replace(small_plan.baselines[0], entries={"t-a": (date(2033, 1, 1), date(2038, 1, 1))})
    small_plan.baselines[:] = [dataclasses.replace(b, prev_hash="") for b in [first, *small_plan.baselines[1:]]]
    with pytest.raises(PlannerError) as refused:
        sign_project(small_plan, key, "CNSA")
    assert refused.value.code == "signature.history_rewritten" and "'Revised'" in refused.value.message
    sign_project(small_plan, key, "CNSA", rewrite_history=True)
    assert verify_project(small_plan, [_raw(key)]).state is SignatureState.HISTORY_REWRITTEN


def test_a_plan_never_signed_has_its_unchained_baselines_linked_when_signed(small_plan):
    key = Ed25519PrivateKey.generate()
    assert all(b.prev_hash == "" for b in small_plan.baselines) and len(small_plan.baselines) == 2
    sign_project(small_plan, key, "CNSA")
    assert verify_project(small_plan, [_raw(key)]).state is SignatureState.TRUSTED
