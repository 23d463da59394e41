"""Provenance in plan files (schema version 4): confidence and source date, and files from before them."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from file_surgery import DROP_V8, tamper

from ilrs_planner.domain import Confidence, PlannerError
from ilrs_planner.domain.canonical import content_hash
from ilrs_planner.sharing.signing import SignatureState, verify_project
from ilrs_planner.store import open_project, save_project, schema
from ilrs_planner.store.layout import layout_problems

DATA = Path(__file__).parent / "data"
SIGNED_V3 = DATA / "signed-schema-v3.db"

# What migration 5 added, dropped to make a file as an older release wrote it.
DROP_V5 = ("ALTER TABLE baselines DROP COLUMN classification", "ALTER TABLE participants DROP COLUMN classification")
DROP_V6 = ("ALTER TABLE tasks DROP COLUMN alap",)
DROP_V7 = ("ALTER TABLE tasks DROP COLUMN manual",)


def test_confidence_and_source_date_survive_a_save(plan_file, rich_project):
    opened = open_project(plan_file)
    assert {t.key: (t.confidence, t.source_date) for t in opened.tasks.values()} == {
        t.key: (t.confidence, t.source_date) for t in rich_project.tasks.values()}
    assert {t.confidence for t in opened.tasks.values()} == {*Confidence, None}


def test_a_version_3_file_opens_with_provenance_unstated_and_is_left_untouched(plan_file, rich_project):
    tamper(plan_file, *DROP_V8, *DROP_V7, *DROP_V6, *DROP_V5, "ALTER TABLE tasks DROP COLUMN source_date",
           "ALTER TABLE tasks DROP COLUMN confidence",
           "PRAGMA user_version = 3")
    before = plan_file.read_bytes()
    opened = open_project(plan_file)
    assert all(t.confidence is None and t.source_date is None for t in opened.tasks.values())
    assert plan_file.read_bytes() == before


def test_the_kept_signed_file_is_of_schema_version_3():
    with sqlite3.connect(f"file:{SIGNED_V3}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3 < schema.CURRENT_VERSION


def test_a_plan_signed_before_version_4_still_verifies_after_opening_and_saving_again(tmp_path):
    # Signed then with the earlier signature scheme: it holds, as that scheme's weaker verdict.
    path = tmp_path / "signed.db"
    shutil.copy(SIGNED_V3, path)
    project = open_project(path)
    assert verify_project(project, [project.signature.public_key]).state is SignatureState.TRUSTED_EARLIER_SCHEME
    save_project(project, tmp_path / "again.db")
    again = open_project(tmp_path / "again.db")
    assert verify_project(again, [again.signature.public_key]).state is SignatureState.TRUSTED_EARLIER_SCHEME


def test_stating_a_confidence_after_signing_breaks_the_signature(tmp_path):
    project = open_project(SIGNED_V3)
    before = content_hash(project)
    next(iter(project.tasks.values())).confidence = Confidence.ASSUMPTION
    assert content_hash(project) != before
    assert verify_project(project, [project.signature.public_key]).state is SignatureState.ALTERED


def test_a_source_date_after_signing_breaks_the_signature():
    project = open_project(SIGNED_V3)
    next(iter(project.tasks.values())).source_date = date(2025, 6, 18)
    assert verify_project(project, [project.signature.public_key]).state is SignatureState.ALTERED


@pytest.mark.parametrize("statement, column", [
    ("UPDATE tasks SET confidence = 'rumour' WHERE rowid = 2", "confidence"),
    ("UPDATE tasks SET source_date = '2025-02-30' WHERE rowid = 2", "source_date"),
])
def test_a_provenance_value_outside_the_rules_is_refused_by_name(plan_file, statement, column):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", statement)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code.startswith("store.") and column in caught.value.message


def test_an_unknown_confidence_is_not_saved_and_names_the_task(tmp_path, rich_project):
    task = next(iter(rich_project.tasks.values()))
    task.confidence = "rumour"  # type: ignore[assignment]  # what a careless script could set
    with pytest.raises(PlannerError) as caught:
        save_project(rich_project, tmp_path / "bad.db")
    assert caught.value.code == "task.bad_value" and task.key in caught.value.message
    assert "confidence" in caught.value.message


def test_a_plan_signed_in_an_older_format_is_laid_out_as_that_version_wrote_it():
    # Written and signed at version 3: compared with today's writer at today's version, its layout
    # never matched, and every plan signed before the last format change read "altered".
    project = open_project(SIGNED_V3)
    assert layout_problems(SIGNED_V3, project) == []


def test_data_hidden_inside_a_page_of_an_older_format_file_is_still_found(tmp_path):
    path = tmp_path / "signed.db"
    shutil.copy(SIGNED_V3, path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") * 3  # the fourth page: the gap between its cell pointers and cells
    gap = data.index(bytes(64), page + 100) + 32
    data[gap] = ord("A")
    path.write_bytes(bytes(data))
    project = open_project(path)
    assert verify_project(project, [project.signature.public_key]).state is SignatureState.TRUSTED_EARLIER_SCHEME
    assert layout_problems(path, project)
