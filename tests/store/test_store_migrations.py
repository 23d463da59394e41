"""Schema versions: an older file is migrated in memory, never on disk; each version has exactly its schema."""

from __future__ import annotations

import pytest
from conftest import tamper

from ilrs_planner.domain import PlannerError
from ilrs_planner.store import header, open_project, reader, schema

V2 = ("CREATE INDEX tasks_by_parent ON tasks (parent)",)


@pytest.fixture
def program_at_v2(monkeypatch):
    """This program as if a migration 2 had been released."""
    monkeypatch.setitem(schema.MIGRATIONS, 2, V2)
    monkeypatch.setattr(header, "CURRENT_VERSION", 2)
    monkeypatch.setattr(reader, "CURRENT_VERSION", 2)


def test_an_older_file_is_migrated_in_memory_and_left_untouched(plan_file, rich_project, program_at_v2):
    before = plan_file.read_bytes()
    assert open_project(plan_file) == rich_project
    assert plan_file.read_bytes() == before


def test_a_file_of_each_version_must_have_exactly_that_versions_schema(plan_file, rich_project, program_at_v2):
    tamper(plan_file, "PRAGMA user_version = 2")
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
    tamper(plan_file, "PRAGMA user_version = 3")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.newer_schema" and "reads up to 2" in caught.value.message
