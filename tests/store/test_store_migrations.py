"""Schema versions: an older file is migrated in memory, never on disk; each version has exactly its schema."""

from __future__ import annotations

import dataclasses

import pytest
from file_surgery import DROP_V8, tamper

from ilrs_planner.domain import Classification, PlannerError
from ilrs_planner.store import header, open_project, reader, schema

NOW = schema.CURRENT_VERSION
NEXT = ("CREATE INDEX tasks_by_parent ON tasks (parent)",)


@pytest.fixture
def program_at_next(monkeypatch):
    """This program as if one more migration had been released."""
    monkeypatch.setitem(schema.MIGRATIONS, NOW + 1, NEXT)
    monkeypatch.setattr(header, "CURRENT_VERSION", NOW + 1)
    monkeypatch.setattr(reader, "CURRENT_VERSION", NOW + 1)

# What migration 5 added, dropped to make a file as an older release wrote it.
DROP_V5 = ("ALTER TABLE baselines DROP COLUMN classification", "ALTER TABLE participants DROP COLUMN classification")
DROP_V6 = ("ALTER TABLE tasks DROP COLUMN alap",)
DROP_V7 = ("ALTER TABLE tasks DROP COLUMN manual",)


def test_an_older_file_is_migrated_in_memory_and_left_untouched(plan_file, rich_project, program_at_next):
    before = plan_file.read_bytes()
    assert open_project(plan_file) == rich_project
    assert plan_file.read_bytes() == before


def test_a_file_of_each_version_must_have_exactly_that_versions_schema(plan_file, rich_project, program_at_next):
    tamper(plan_file, f"PRAGMA user_version = {NOW + 1}")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.untrusted_schema"
    assert "index 'tasks_by_parent' is missing" in caught.value.message
    tamper(plan_file, *NEXT)
    assert open_project(plan_file) == rich_project


def test_a_file_with_an_object_of_the_next_version_is_refused(plan_file, program_at_next):
    tamper(plan_file, *NEXT)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.untrusted_schema" and "tasks_by_parent" in caught.value.message


def test_a_version_after_ours_is_refused(plan_file, program_at_next):
    tamper(plan_file, f"PRAGMA user_version = {NOW + 2}")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.newer_schema" and f"reads up to {NOW + 1}" in caught.value.message


def test_a_version_2_file_opens_with_no_key_milestones_and_stays_version_2(plan_file, rich_project):
    # A file as the calendars release wrote it: no key_milestone column, user_version 2.
    tamper(plan_file, *DROP_V8, *DROP_V7, *DROP_V6, *DROP_V5, "ALTER TABLE tasks DROP COLUMN source_date",
           "ALTER TABLE tasks DROP COLUMN confidence",
           "ALTER TABLE tasks DROP COLUMN key_milestone", "PRAGMA user_version = 2")
    before = plan_file.read_bytes()
    opened = open_project(plan_file)
    assert not any(task.key_milestone for task in opened.tasks.values())
    for task in rich_project.tasks.values():
        task.key_milestone, task.confidence, task.source_date, task.manual = False, None, None, False
    for participant in rich_project.participants.values():
        participant.classification = Classification.PUBLIC  # what a partner copy assumed before version 5
    rich_project.baselines[:] = [dataclasses.replace(b, classification=Classification.PUBLIC)
                                 for b in rich_project.baselines]
    assert opened == rich_project
    assert plan_file.read_bytes() == before


def test_a_version_4_file_opens_with_public_baselines_and_participants(plan_file):
    tamper(plan_file, *DROP_V8, *DROP_V7, *DROP_V6, *DROP_V5, "PRAGMA user_version = 4")
    opened = open_project(plan_file)
    assert {p.classification for p in opened.participants.values()} == {Classification.PUBLIC}
    assert {b.classification for b in opened.baselines} == {Classification.PUBLIC}


def test_baseline_and_participant_classifications_survive_a_save(plan_file, rich_project):
    opened = open_project(plan_file)
    assert [b.classification for b in opened.baselines] == [Classification.PUBLIC, Classification.RESTRICTED]
    assert {p.key: p.classification for p in opened.participants.values()} == {
        p.key: p.classification for p in rich_project.participants.values()}


def test_a_baseline_classification_outside_the_three_levels_is_refused(plan_file):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", "UPDATE baselines SET classification = 'secret'")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code.startswith("store.") and "classification" in caught.value.message


def test_key_milestone_flags_survive_a_save(plan_file, rich_project):
    flagged = {tid for tid, task in open_project(plan_file).tasks.items() if task.key_milestone}
    assert flagged == {tid for tid, task in rich_project.tasks.items() if task.key_milestone} and flagged


def test_a_key_milestone_flag_other_than_0_or_1_is_refused(plan_file):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", "UPDATE tasks SET key_milestone = 7 WHERE rowid = 2")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code.startswith("store.") and "key_milestone" in caught.value.message
