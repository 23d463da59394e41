"""Row numbers a hostile file may choose: SQLite allows negative ones, and checks must not mistake them."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import tamper

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import open_project, save_project


def test_a_wbs_loop_among_tasks_with_negative_row_numbers_is_refused(tmp_path):
    # The loop check took a negative parent number for "no parent", so this loop opened.
    path = tmp_path / "plan.db"
    plan = Project("Loop", date(2030, 1, 1))
    plan.add_task(Task("a", "Alpha", 5, id="t-a"))
    plan.add_task(Task("b", "Beta", 5, id="t-b"))
    plan.add_task(Task("c", "Gamma", 5, id="t-c"))
    save_project(plan, path)
    tamper(path, "UPDATE tasks SET num = -num WHERE id != 't-c'",
           "UPDATE tasks SET parent = (SELECT num FROM tasks WHERE id = 't-b') WHERE id = 't-a'",
           "UPDATE tasks SET parent = (SELECT num FROM tasks WHERE id = 't-a') WHERE id = 't-b'")
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value" and "under themselves" in caught.value.message


def test_a_wbs_under_a_task_with_a_negative_row_number_opens(tmp_path):
    path = tmp_path / "plan.db"
    plan = Project("Outline", date(2030, 1, 1))
    plan.add_task(Task("p", "Phase", 0, id="t-p"))
    plan.add_task(Task("a", "Alpha", 5, id="t-a", parent_id="t-p"))
    save_project(plan, path)
    tamper(path, "UPDATE tasks SET num = -5 WHERE id = 't-p'", "UPDATE tasks SET parent = -5 WHERE id = 't-a'")
    assert open_project(path).tasks["t-a"].parent_id == "t-p"
