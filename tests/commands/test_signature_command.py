"""Signing as an edit: the signature (and the baseline chain signing makes) put on and taken off,
the tasks and their dates never touched."""

from __future__ import annotations

import dataclasses
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ilrs_planner.commands.signature import SetSignature
from ilrs_planner.domain import Baseline
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project


def _signed(plan):
    """A copy of `plan` signed as the window signs one: sharing its tasks, its own baseline list."""
    copy = dataclasses.replace(plan, baselines=list(plan.baselines))
    sign_project(copy, Ed25519PrivateKey.generate(), "CNSA planning")
    return copy


def _two_unchained_baselines(plan):
    plan.baselines[:] = [Baseline("2021 plan", date(2021, 1, 1), {"a": (date(2030, 1, 1), date(2030, 1, 15))}),
                         Baseline("2024 update", date(2024, 1, 1), {"a": (date(2030, 2, 1), date(2030, 2, 15))})]


def test_signing_chains_the_baselines_and_the_plan_verifies_then_undo_unsigns(plan):
    _two_unchained_baselines(plan)
    before = list(plan.baselines)
    command = SetSignature(_signed(plan))
    changes = command.apply(plan)
    assert verify_project(plan).state is SignatureState.UNKNOWN_KEY  # signed, content as signed
    assert plan.baselines[1].prev_hash != "" and plan.baselines[1].entries == before[1].entries
    assert changes.baselines and not (changes.dates or changes.structure or changes.links or changes.plan)
    assert command.revert(plan).baselines
    assert plan.signature is None and all(a is b for a, b in zip(plan.baselines, before, strict=True))
    assert verify_project(plan).state is SignatureState.UNSIGNED


def test_signing_again_changes_the_signature_alone(plan):
    _two_unchained_baselines(plan)
    SetSignature(_signed(plan)).apply(plan)  # chained by the first signature
    first = plan.signature
    again = SetSignature(_signed(plan), "Sign plan")
    changes = again.apply(plan)
    assert plan.signature is not first and verify_project(plan).state is SignatureState.UNKNOWN_KEY
    assert changes == type(changes)()  # nothing the views or the schedule read
    again.revert(plan)
    assert plan.signature is first
