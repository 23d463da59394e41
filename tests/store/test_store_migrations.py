"""Schema versions: an older file is migrated in memory, never on disk; each version has exactly its schema."""

from __future__ import annotations

import pytest

from conftest import tamper
from ilrs_planner.domain import PlannerError
from ilrs_planner.store import header, open_project, reader, schema

V2 = ("CREATE INDEX tasks_by_parent ON tasks (parent)",)
NEXT = schema.CURRENT_VERSION + 1  # a version this program does not know yet


@pytest.fixture
def program_at_v2(monkeypatch):
    """This program as if one more migration (an index) had been released."""
    monkeypatch.setitem(schema.MIGRATIONS, NEXT, V2)
    monkeypatch.setattr(header, "CURRENT_VERSION", NEXT)
    monkeypatch.setattr(reader, "CURRENT_VERSION", NEXT)


def test_an_older_file_is_migrated_in_memory_and_left_untouched(plan_file, rich_project, program_at_v2):
    before = plan_file.read_bytes()
    assert open_project(plan_file) == rich_project
    assert plan_file.read_bytes() == before


def test_a_file_of_each_version_must_have_exactly_that_versions_schema(plan_file, rich_project, program_at_v2):
    tamper(plan_file, f"PRAGMA user_version = {NEXT}")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.untrusted_schema"
    assert "index 'tasks_by_parent' is missing" in caught.value.message
    tamper(plan_file, *V2)
    assert open_project(plan_file) == rich_project


def test_a_version_1_file_with_a_version_2_object_is_refused(plan_file, program_at_v2):
    tamper(plan_file, *V2)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.untrusted_schema" and "tasks_by_parent" in caught.value.message


def test_a_version_after_ours_is_refused(plan_file, program_at_v2):
    tamper(plan_file, f"PRAGMA user_version = {NEXT + 1}")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.newer_schema" and f"reads up to {NEXT}" in caught.value.message


def test_a_version_1_file_opens_with_no_key_milestones_and_stays_version_1(plan_file, rich_project):
    # A file as the first release wrote it: no key_milestone column, user_version 1.
    tamper(plan_file, "ALTER TABLE tasks DROP COLUMN key_milestone", "PRAGMA user_version = 1")
    before = plan_file.read_bytes()
    opened = open_project(plan_file)
    assert not any(task.key_milestone for task in opened.tasks.values())
    for task in rich_project.tasks.values():
        task.key_milestone = False
    assert opened == rich_project
    assert plan_file.read_bytes() == before


def test_key_milestone_flags_survive_a_save(plan_file, rich_project):
    flagged = {tid for tid, task in open_project(plan_file).tasks.items() if task.key_milestone}
    assert flagged == {tid for tid, task in rich_project.tasks.items() if task.key_milestone} and flagged


def test_a_key_milestone_flag_other_than_0_or_1_is_refused(plan_file):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", "UPDATE tasks SET key_milestone = 7 WHERE rowid = 2")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code.startswith("store.") and "key_milestone" in caught.value.message
