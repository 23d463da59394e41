"""What one partner may see is not what another may: a text a partner wrote goes out as written only in
copies for the level of the copy they were sent, or a higher one. A partner sent a Restricted copy who
writes "Does Nightjar slip?" or names a task of theirs "Nightjar support", merged back, used to have it
shown as written in the Everyone copy, naming the restricted codename to every partner."""

from __future__ import annotations

from datetime import date

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ilrs_planner.domain import Classification, Project, Task
from ilrs_planner.domain.partner_text_places import digest
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import WITHHELD, redact_project
from ilrs_planner.sharing.sent_record import record_sent
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project
from ilrs_planner.store import open_project, save_project

EVERYONE, PARTNERS, RESTRICTED = Classification.PUBLIC, Classification.PARTNERS, Classification.RESTRICTED
ASKING = "Does Nightjar slip?"


def _plan() -> Project:
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("survey", "Survey", 10, id="survey"))
    plan.add_task(Task("kestrel", "Kestrel relay", 10, id="kestrel", position=1, classification=PARTNERS))
    plan.add_task(Task("nightjar", "Nightjar reserve", 10, id="nightjar", position=2, classification=RESTRICTED))
    plan.own_secret()
    return plan


def _merged_from(plan: Project, sent_level: Classification | None, words: str = "Nightjar") -> Project:
    """`plan` with the edits of a partner sent a copy for `sent_level` (None: a copy we hold no record of,
    made for the highest level) merged back against our own plan as base."""
    sent = redact_project(plan, sent_level or RESTRICTED)
    if sent_level is not None:
        record_sent(plan, sent)
    theirs = clone_project(sent)
    theirs.tasks["survey"].notes = f"Does {words} slip?"
    theirs.add_task(Task("T-4", f"{words} support", 5, id="t-theirs", position=3))
    result = merge_projects(plan, plan, theirs)
    assert result.clean
    return result.project


def _shown(plan: Project, level: Classification) -> tuple[str, str]:
    copy = redact_project(plan, level)
    return copy.tasks["survey"].notes, copy.tasks["t-theirs"].name


def test_a_restricted_partners_text_is_withheld_in_the_everyone_copy_and_shown_in_theirs(tmp_path):
    merged = _merged_from(_plan(), RESTRICTED)
    save_project(merged, tmp_path / "plan.db")
    merged = open_project(tmp_path / "plan.db")  # the file keeps each record's level
    assert _shown(merged, EVERYONE) == (f"Does {WITHHELD} slip?", f"{WITHHELD} support")
    assert _shown(merged, PARTNERS) == (f"Does {WITHHELD} slip?", f"{WITHHELD} support")
    assert _shown(merged, RESTRICTED) == (ASKING, "Nightjar support")


def test_a_partner_sent_a_partners_copy_sees_their_guess_as_written_and_everyone_sees_it_withheld():
    merged = _merged_from(_plan(), PARTNERS)  # a guess at the restricted codename: never confirmed to them
    assert _shown(merged, PARTNERS) == (ASKING, "Nightjar support")
    assert _shown(merged, RESTRICTED) == (ASKING, "Nightjar support")
    assert _shown(merged, EVERYONE) == (f"Does {WITHHELD} slip?", f"{WITHHELD} support")


def test_an_everyone_partners_text_goes_out_as_written_in_every_copy():
    merged = _merged_from(_plan(), EVERYONE, words="Kestrel")
    for level in (EVERYONE, PARTNERS, RESTRICTED):
        assert _shown(merged, level) == ("Does Kestrel slip?", "Kestrel support")


def test_a_copy_we_hold_no_record_of_reads_as_written_at_the_highest_level():
    merged = _merged_from(_plan(), None, words="Kestrel")  # what they were sent is not known
    assert _shown(merged, RESTRICTED) == ("Does Kestrel slip?", "Kestrel support")
    assert _shown(merged, PARTNERS) == ("Does Kestrel slip?", "Kestrel support")  # no word withheld from Partners
    assert _shown(merged, EVERYONE) == (f"Does {WITHHELD} slip?", f"{WITHHELD} support")


def test_a_format_15_record_names_no_level_and_reads_as_the_highest_its_signature_holding(tmp_path):
    plan = _plan()
    plan.tasks["survey"].notes = ASKING
    plan.partner_texts = frozenset({digest(("task", "survey", "notes"), ASKING, None)})  # as format 15 kept it
    key = Ed25519PrivateKey.generate()
    sign_project(plan, key, "CNSA planning")
    save_project(plan, tmp_path / "plan.db")
    opened = open_project(tmp_path / "plan.db")
    trusted = [key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)]
    assert verify_project(opened, trusted).state is SignatureState.TRUSTED
    assert redact_project(opened, RESTRICTED).tasks["survey"].notes == ASKING
    assert redact_project(opened, EVERYONE).tasks["survey"].notes == f"Does {WITHHELD} slip?"


@pytest.mark.parametrize("level", [EVERYONE, PARTNERS, RESTRICTED])
def test_the_owners_record_of_a_text_survives_the_next_merge_at_its_level(level):
    plan = _plan()
    merged = _merged_from(plan, level, words="Kestrel")
    later = merge_projects(merged, merged, clone_project(merged)).project  # a merge taking nothing of theirs
    assert later.partner_texts == merged.partner_texts
