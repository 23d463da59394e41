"""Manually scheduled tasks in plan files (schema version 7): a flag per task, auto scheduled in older files."""

from __future__ import annotations

import pytest
from file_surgery import DROP_V8, query_one, tamper

from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.canonical import canonical_bytes
from ilrs_planner.store import open_project, save_project


def test_a_manually_scheduled_task_survives_a_save(tmp_path, rich_project):
    task = next(t for t in rich_project.tasks.values() if not t.manual)
    task.manual = True
    path = tmp_path / "manual.db"
    save_project(rich_project, path)
    assert open_project(path).tasks[task.id].manual is True
    assert query_one(path, "SELECT manual FROM tasks WHERE id = ?", (task.id,)) == (1,)
    assert open_project(path) == rich_project


def test_a_version_6_file_opens_with_every_task_auto_scheduled_and_is_left_untouched(plan_file, rich_project):
    tamper(plan_file, *DROP_V8, "ALTER TABLE tasks DROP COLUMN manual", "PRAGMA user_version = 6")
    before = plan_file.read_bytes()
    opened = open_project(plan_file)
    assert not any(task.manual for task in opened.tasks.values())
    for task in rich_project.tasks.values():
        task.manual = False
    assert opened == rich_project
    assert plan_file.read_bytes() == before


@pytest.mark.parametrize("value", ["2", "-1"])  # STRICT already refuses text
def test_a_manual_flag_other_than_0_or_1_is_refused_by_name(plan_file, value):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", f"UPDATE tasks SET manual = {value} WHERE key = 't1'")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code.startswith("store.") and "manual" in caught.value.message


def test_an_auto_scheduled_plan_keeps_the_canonical_bytes_it_was_signed_with(rich_project):
    for task in rich_project.tasks.values():
        task.manual = False
    before = canonical_bytes(rich_project)
    assert b"manual" not in before
    next(iter(rich_project.tasks.values())).manual = True
    assert b"manual" in canonical_bytes(rich_project) != before
