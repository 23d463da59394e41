"""A signature covers the plan's record of the partner copies sent from it (format version 16): a merge
reads from it what each partner was sent, so a record rewritten in a signed file ("restricted" on an
Everyone copy: our restricted work would read as work they deleted) reads as altered, naming the record.
Copies recorded after signing, as `redact` records them in the signed file, leave the signature holding,
and `verify` says they are not covered."""

from __future__ import annotations

from datetime import date

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from file_surgery import DROP_V16, query_one, tamper

from ilrs_planner.cli import main
from ilrs_planner.domain import Classification, PlannerError, Project, Task
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.sharing.sent_record import record_sent
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project
from ilrs_planner.store import open_project, save_project

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _plan() -> Project:
    plan = Project("Shared plan", date(2030, 1, 1))
    plan.add_task(Task("pub", "Survey", 10, id="pub", position=0))
    plan.add_task(Task("sec", "Reserve", 10, id="sec", position=1, classification=Classification.RESTRICTED))
    return plan


def _signed_with_copies(path) -> list[str]:
    """A plan that sent two copies, then was signed and saved to `path`; the copies' ids."""
    plan = _plan()
    copies = [redact_project(plan, Classification.PUBLIC),
              redact_project(plan, Classification.PARTNERS, without_notes=True)]
    for day, copy in zip((4, 11), copies, strict=True):
        record_sent(plan, copy, date(2026, 11, day))
    sign_project(plan, KEY, "CNSA planning")
    save_project(plan, path)
    return [copy.id for copy in copies]


def _verdict(path):
    return verify_project(open_project(path), [PUBLIC])


def test_a_plan_signed_with_its_records_of_copies_sent_verifies(tmp_path):
    _signed_with_copies(tmp_path / "plan.db")
    assert _verdict(tmp_path / "plan.db").state is SignatureState.TRUSTED
    assert query_one(tmp_path / "plan.db", "SELECT sent_copies FROM signature")[0].startswith("2 ")


@pytest.mark.parametrize("rewrite", [
    lambda text, ids: text.replace(f"{ids[0]} public", f"{ids[0]} restricted"),  # our restricted work as deleted
    lambda text, ids: text.replace("without-notes", "notes"),  # our notes as ones they emptied
    lambda text, ids: text.split("; ")[1],  # the first copy's record gone: read as the lowest level
    lambda text, ids: "; ".join(reversed(text.split("; "))),
])
def test_a_signed_record_of_a_copy_rewritten_reads_as_altered_naming_the_record(tmp_path, rewrite):
    ids = _signed_with_copies(tmp_path / "plan.db")
    text = query_one(tmp_path / "plan.db", "SELECT sent_copies FROM plan")[0]
    tamper(tmp_path / "plan.db", "UPDATE plan SET sent_copies = ?", params=(rewrite(text, ids),))
    verdict = _verdict(tmp_path / "plan.db")
    assert verdict.state is SignatureState.ALTERED
    assert "record of the partner copies sent from it changed since signing" in verdict.describe()


def test_the_signatures_count_of_records_taken_away_reads_as_altered(tmp_path):
    _signed_with_copies(tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE signature SET sent_copies = ''")
    verdict = _verdict(tmp_path / "plan.db")
    assert verdict.state is SignatureState.ALTERED
    assert "partner copies sent" in verdict.describe()


def test_a_copy_recorded_after_signing_leaves_the_signature_holding_and_verify_names_it(tmp_path, capsys):
    path = tmp_path / "plan.db"
    _signed_with_copies(path)
    assert main(["redact", str(path), "--level", "partners", "-o", str(tmp_path / "week3.db")]) == 0
    assert len(open_project(path).sent_copies) == 3
    capsys.readouterr()
    assert main(["verify", str(path), "--trusted", str(tmp_path / "nobody")]) == 1  # valid, by a key not trusted here
    out = capsys.readouterr().out
    assert "Signed by an unknown key" in out
    assert f"note: 1 partner copy recorded since it was signed (the last on {date.today().isoformat()})" in out


def test_a_record_added_after_signing_cannot_override_a_signed_one(tmp_path):
    ids = _signed_with_copies(tmp_path / "plan.db")
    text = query_one(tmp_path / "plan.db", "SELECT sent_copies FROM plan")[0]
    forged = f"{text}; {ids[0]} restricted notes 2026-11-30"  # the first copy again, at the highest level
    tamper(tmp_path / "plan.db", "UPDATE plan SET sent_copies = ?", params=(forged,))
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value"
    assert f"record 3 names partner copy {ids[0]} again (record 1)" in caught.value.message


@pytest.mark.parametrize("text", ["2 abc", "0 " + "a" * 64, "99999 " + "a" * 64, "2 " + "A" * 64])
def test_a_count_of_covered_records_the_program_never_wrote_is_refused_by_name(tmp_path, text):
    _signed_with_copies(tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE signature SET sent_copies = ?", params=(text,))
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value"
    assert "signature" in caught.value.message and "sent_copies" in caught.value.message


def test_a_version_15_plan_signed_before_records_were_covered_still_verifies(tmp_path):
    # Then `redact` recorded copies after signing with no count beside the signature: they read as
    # recorded since, the signature as it was.
    plan = _plan()
    sign_project(plan, KEY, "CNSA planning")
    record_sent(plan, redact_project(plan, Classification.PUBLIC), date(2026, 11, 4))
    save_project(plan, tmp_path / "old.db")
    tamper(tmp_path / "old.db", *DROP_V16, "PRAGMA user_version = 15")
    opened = open_project(tmp_path / "old.db")
    assert opened.signature is not None and opened.signature.sent_count == 0 and len(opened.sent_copies) == 1
    assert verify_project(opened, [PUBLIC]).state is SignatureState.TRUSTED


def test_a_merge_reading_a_record_made_after_signing_says_the_signature_does_not_cover_it(tmp_path):
    from ilrs_planner.sharing.clone import clone_project
    from ilrs_planner.sharing.merge import merge_projects
    plan = _plan()
    signed_week = redact_project(plan, Classification.PUBLIC)
    record_sent(plan, signed_week, date(2026, 11, 27))
    sign_project(plan, KEY, "CNSA planning")
    later_week = redact_project(plan, Classification.PUBLIC)
    record_sent(plan, later_week, date(2026, 12, 4))  # as redact records it in the signed file
    said = {copy.id: merge_projects(plan, plan, clone_project(copy)).notes[0] for copy in (signed_week, later_week)}
    assert "does not vouch for it" not in said[signed_week.id]
    assert said[later_week.id].endswith("our record of that copy was written after this plan was signed, so its "
                                        "signature does not vouch for it (signing the plan again covers it)")
