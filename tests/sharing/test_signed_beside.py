"""What a signature binds beside the content hash: the plan's secret, the key its partner copies' link
ids are made with (set or changed after signing, the plan reads "altered"; a partner copy's secret is
its holder's and is not bound), and the order of its links, which the Predecessors cells list."""

from __future__ import annotations

import dataclasses
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from signed_before import sign_as_version_1

from ilrs_planner.domain import Classification, Link, LinkType
from ilrs_planner.sharing.bridge_ids import bridge_id
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project

KEY = Ed25519PrivateKey.generate()
TRUSTED = [KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)]


def test_signing_a_plan_without_a_secret_draws_the_one_it_keeps(small_plan):
    assert small_plan.secret is None
    sign_project(small_plan, KEY, "CNSA planning")
    drawn = small_plan.secret
    assert drawn is not None and verify_project(small_plan, TRUSTED).state is SignatureState.TRUSTED


def test_a_secret_changed_after_signing_reads_as_altered(small_plan):
    sign_project(small_plan, KEY, "CNSA planning")
    before = bridge_id(small_plan, "t-a", "t-m", "4")
    small_plan.secret = bytes(32)  # a value the tamperer knows: they could work out every bridge id
    assert bridge_id(small_plan, "t-a", "t-m", "4") != before  # next week's copy would not match last week's
    result = verify_project(small_plan, TRUSTED)
    assert result.state is SignatureState.ALTERED
    assert any("secret its partner copies' link ids are made with" in reason for reason in result.reasons)


def test_a_secret_taken_out_after_signing_reads_as_altered(small_plan):
    sign_project(small_plan, KEY, "CNSA planning")
    small_plan.secret = None  # the next copy would draw another: its bridges' ids all new
    assert verify_project(small_plan, TRUSTED).state is SignatureState.ALTERED


def test_the_secret_as_signed_verifies_and_reveals_nothing_in_the_signature(small_plan):
    sign_project(small_plan, KEY, "CNSA planning")
    kept = small_plan.secret
    assert kept is not None
    small_plan.secret = bytes(kept)  # the same bytes, read back from the file
    assert verify_project(small_plan, TRUSTED).state is SignatureState.TRUSTED
    signature = small_plan.signature
    assert signature is not None
    stored = b"".join([signature.signer.encode(), signature.public_key, signature.signature,
                       signature.content_hash.encode(), signature.signed_at.encode()])
    assert kept not in stored and kept.hex().encode() not in stored


def test_a_signed_partner_copy_keeps_its_signature_when_its_holder_draws_a_secret(small_plan):
    copy = redact_project(small_plan, Classification.PUBLIC)
    sign_project(copy, KEY, "CNSA planning")
    assert copy.secret is None  # the signer does not give the partner a key of theirs
    copy.secret = os.urandom(32)  # the partner's first onward copy draws theirs
    assert verify_project(copy, TRUSTED).state is SignatureState.TRUSTED


def test_the_content_changed_is_still_named_as_such(small_plan):
    sign_project(small_plan, KEY, "CNSA planning")
    small_plan.tasks["t-a"] = dataclasses.replace(small_plan.tasks["t-a"], duration=11)
    result = verify_project(small_plan, TRUSTED)
    assert result.state is SignatureState.ALTERED
    assert result.reasons == ("the plan's content differs from what was signed",)


def test_links_put_in_another_order_after_signing_read_as_altered(small_plan):
    small_plan.add_link(Link("t-a", "t-m", LinkType.SS, 0, id="l-am"))  # M's predecessors read "3, 2SS"
    sign_project(small_plan, KEY, "CNSA planning")
    small_plan.links = dict(reversed(list(small_plan.links.items())))  # now "2SS, 3": the content is the same
    result = verify_project(small_plan, TRUSTED)
    assert result.state is SignatureState.ALTERED and "the order of its links" in result.reasons[0]


def test_the_order_of_task_rows_is_not_bound(small_plan):
    # The outline is the tasks' parents and positions (content); the rows' order is shown nowhere, and
    # a task whose deletion is undone goes back last.
    sign_project(small_plan, KEY, "CNSA planning")
    small_plan.tasks = dict(reversed(list(small_plan.tasks.items())))
    assert verify_project(small_plan, TRUSTED).state is SignatureState.TRUSTED


def test_a_plan_signed_before_signatures_bound_the_secret_verifies_only_in_the_earlier_scheme(small_plan):
    sign_as_version_1(small_plan, KEY, "CNSA planning")  # an older program's signature binds neither
    small_plan.secret = os.urandom(32)
    small_plan.links = dict(reversed(list(small_plan.links.items())))
    result = verify_project(small_plan, TRUSTED)
    assert result.state is SignatureState.TRUSTED_EARLIER_SCHEME  # never plain "trusted": sign again to bind them
    assert "does not cover the order of links or the plan's secret" in result.describe()
