"""Every way a tamperer can present a signature of the earlier scheme (message version 1, which does not
cover the order of links or the plan's secret) ends in its weaker verdict or in a failure, never in the
plan verified:

- the earlier signature of the same content put back after the plan was signed again, with the links'
  order or the secret changed, or with nothing changed (the file cannot tell), by a trusted or unknown key;
- parts of the current signature swapped for the earlier one's (the file has no version field to
  relabel: which message a signature holds for is what it is);
- a current signature that no longer holds, which is not read again as an earlier one;
- an earlier signature over changed content, or over a rewritten baseline history.
(Two signatures in one file are refused by the store: tests/cli/test_signature_downgrade_cli.py.)"""

from __future__ import annotations

import dataclasses
import itertools
import os
from datetime import date

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from signed_before import sign_as_version_1

from ilrs_planner.domain import Link, LinkType
from ilrs_planner.sharing.signature_schemes import Scheme, scheme_held
from ilrs_planner.sharing.signed_beside import beside_content
from ilrs_planner.sharing.signing import EARLIER_SCHEME, SignatureState, sign_project, verify_project

KEY = Ed25519PrivateKey.generate()
TRUSTED = [KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)]
VERIFIED = (SignatureState.TRUSTED, SignatureState.UNKNOWN_KEY)


def _signed_twice(plan):
    """The plan signed with the earlier scheme, then again: the two signatures."""
    plan.add_link(Link("t-a", "t-m", LinkType.SS, 0, id="l-am"))  # M's predecessors read "3, 2SS"
    sign_as_version_1(plan, KEY, "CNSA planning")
    earlier = plan.signature
    sign_project(plan, KEY, "CNSA planning")
    return earlier, plan.signature


def test_the_earlier_signature_put_back_with_the_links_reordered_is_the_weaker_verdict(small_plan):
    earlier, _ = _signed_twice(small_plan)
    small_plan.signature = earlier
    small_plan.links = dict(reversed(list(small_plan.links.items())))  # M's predecessors now "2SS, 3"
    result = verify_project(small_plan, TRUSTED)
    assert result.state is SignatureState.TRUSTED_EARLIER_SCHEME
    assert result.describe().startswith("Signed by a trusted key, earlier scheme — CNSA planning")
    assert result.describe().endswith("2026-06-01T09:00:00+00:00: signed with the earlier signature scheme, which "
                                      "does not cover the order of links or the plan's secret: ask CNSA planning "
                                      "to sign it again")


def test_the_earlier_signature_put_back_with_another_secret_by_an_unknown_key_is_weaker_still(small_plan):
    earlier, _ = _signed_twice(small_plan)
    small_plan.signature = earlier
    small_plan.secret = os.urandom(32)
    result = verify_project(small_plan)  # the recipient trusts no key
    assert result.state is SignatureState.UNKNOWN_KEY_EARLIER_SCHEME
    assert result.describe().startswith("Signed by an unknown key, earlier scheme — CNSA planning")


def test_the_earlier_signature_put_back_over_nothing_changed_is_still_only_the_weaker_verdict(small_plan):
    earlier, _ = _signed_twice(small_plan)
    small_plan.signature = earlier
    assert verify_project(small_plan, TRUSTED).state is SignatureState.TRUSTED_EARLIER_SCHEME


def test_no_mix_of_the_two_signatures_parts_reads_as_verified(small_plan):
    earlier, current = _signed_twice(small_plan)
    small_plan.links = dict(reversed(list(small_plan.links.items())))  # what only the current one covers
    fields = [field.name for field in dataclasses.fields(current)]
    for count in range(1, len(fields) + 1):
        for taken in itertools.combinations(fields, count):
            small_plan.signature = dataclasses.replace(current, **{name: getattr(earlier, name) for name in taken})
            state = verify_project(small_plan, TRUSTED).state
            assert state not in VERIFIED, taken
            assert state is SignatureState.ALTERED or small_plan.signature == earlier, (taken, state)


def test_a_current_signature_that_no_longer_holds_is_not_read_again_as_an_earlier_one(small_plan):
    _, current = _signed_twice(small_plan)
    small_plan.links = dict(reversed(list(small_plan.links.items())))
    assert scheme_held(current, beside_content(small_plan)) is None
    assert verify_project(small_plan, TRUSTED).state is SignatureState.ALTERED


def test_an_earlier_signature_over_changed_content_is_altered(small_plan):
    earlier, _ = _signed_twice(small_plan)
    small_plan.signature = earlier
    small_plan.tasks["t-a"] = dataclasses.replace(small_plan.tasks["t-a"], duration=11)
    assert verify_project(small_plan, TRUSTED).state is SignatureState.ALTERED


def test_an_earlier_signature_over_a_rewritten_history_says_both(small_plan):
    sign_as_version_1(small_plan, KEY, "CNSA planning")
    first = dataclasses.replace(small_plan.baselines[0], entries={"t-a": (date(2033, 1, 1), date(2038, 1, 1))})
    small_plan.baselines[0] = first  # the older baseline rewritten: the next one's link no longer matches it
    sign_as_version_1(small_plan, KEY, "CNSA planning", chain=False)  # signed as it is, as the earlier release could
    result = verify_project(small_plan, TRUSTED)
    assert result.state is SignatureState.HISTORY_REWRITTEN
    assert ("signed with the earlier signature scheme, which does not cover the order of links or the plan's secret"
            in result.reasons)


def test_signing_a_plan_signed_with_the_earlier_scheme_again_gives_a_current_signature(small_plan):
    sign_as_version_1(small_plan, KEY, "CNSA planning")
    assert verify_project(small_plan, TRUSTED).state in EARLIER_SCHEME
    sign_project(small_plan, KEY, "CNSA planning")
    assert scheme_held(small_plan.signature, beside_content(small_plan)) is Scheme.CURRENT
    assert verify_project(small_plan, TRUSTED).state is SignatureState.TRUSTED
