"""As late as possible in plan files (schema version 6): a flag beside an 'ASAP' constraint type."""

from __future__ import annotations

import pytest
from file_surgery import DROP_V8, query_one, tamper

from ilrs_planner.domain import ConstraintType, PlannerError
from ilrs_planner.store import open_project, save_project


def test_an_alap_task_survives_a_save(tmp_path, rich_project):
    task = next(t for t in rich_project.tasks.values() if t.constraint is ConstraintType.ASAP)
    task.constraint = ConstraintType.ALAP
    path = tmp_path / "alap.db"
    save_project(rich_project, path)
    assert open_project(path).tasks[task.id].constraint is ConstraintType.ALAP
    assert query_one(path, "SELECT constraint_type, alap FROM tasks WHERE id = ?", (task.id,)) == ("ASAP", 1)
    assert open_project(path) == rich_project


def test_a_version_5_file_opens_with_every_task_as_before(plan_file, rich_project):
    tamper(plan_file, *DROP_V8, "ALTER TABLE tasks DROP COLUMN manual", "ALTER TABLE tasks DROP COLUMN alap",
           "PRAGMA user_version = 5")
    before = plan_file.read_bytes()
    for task in rich_project.tasks.values():
        task.manual = False  # version 7 added manually scheduled tasks
    assert open_project(plan_file) == rich_project
    assert plan_file.read_bytes() == before


def test_the_alap_flag_beside_a_dated_constraint_is_refused(plan_file):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON",
           "UPDATE tasks SET alap = 1 WHERE constraint_type = 'SNET'")
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code.startswith("store.") and "alap" in caught.value.message
