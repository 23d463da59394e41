"""The record of texts partners wrote (format version 15): kept by a save, empty in a file of format 14,
refused by name when it is not one the program writes."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from file_surgery import DROP_V15, query_one, tamper

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import CURRENT_VERSION, open_project, save_project

DIGEST = hashlib.sha256(b"a text").hexdigest()


def _plan() -> Project:
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("a", "Survey", 5, id="a", notes="Is Nightjar on time?"))
    plan.partner_texts = frozenset({DIGEST})
    return plan


def test_the_record_survives_a_save_and_is_not_content(tmp_path):
    save_project(_plan(), tmp_path / "plan.db")
    assert query_one(tmp_path / "plan.db", "SELECT partner_texts FROM plan") == (DIGEST,)
    opened = open_project(tmp_path / "plan.db")
    assert opened.partner_texts == {DIGEST}
    unrecorded = _plan()
    unrecorded.partner_texts, unrecorded.id = frozenset(), opened.id
    assert unrecorded == opened


def test_a_file_of_format_14_opens_with_every_text_the_owners(tmp_path):
    save_project(_plan(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", *DROP_V15, "PRAGMA user_version = 14")
    opened = open_project(tmp_path / "plan.db")
    assert opened.partner_texts == frozenset() and opened.tasks["a"].notes == "Is Nightjar on time?"
    save_project(opened, tmp_path / "plan.db")
    assert query_one(tmp_path / "plan.db", "PRAGMA user_version")[0] == CURRENT_VERSION == 16


@pytest.mark.parametrize("stored", ["Nightjar", DIGEST.upper(), DIGEST + "  " + DIGEST, DIGEST[:-1], DIGEST + " "])
def test_a_record_the_program_never_writes_is_refused_by_name(tmp_path, stored):
    save_project(_plan(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE plan SET partner_texts = ?", params=(stored,))
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value"
    assert "partner_texts" in caught.value.message and "digests of texts a partner wrote" in caught.value.message


def test_a_plan_with_more_records_than_a_file_value_holds_saves_a_file_that_opens(tmp_path):
    # 20,000 digests (1.3 MB) made a save whose file every open refused (a value over 1 MiB).
    plan = _plan()
    plan.partner_texts = frozenset(hashlib.sha256(str(n).encode()).hexdigest() for n in range(20_000))
    save_project(plan, tmp_path / "plan.db")
    opened = open_project(tmp_path / "plan.db")
    assert len(opened.partner_texts) == 16_131 and opened.partner_texts < plan.partner_texts
    assert opened.tasks["a"].notes == "Is Nightjar on time?"
