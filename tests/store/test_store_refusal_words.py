"""A partner's file with a value no plan can hold is refused in a planner's words: the task named by its
key and name, what the value must be — not the schema's SQL, not only a database row number."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import tamper

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import open_project, save_project


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "partner.db"
    plan = Project("Partner plan", date(2027, 1, 4))
    plan.add_task(Task("DRILL", "Cryo drill qualification", 20, id="t-drill"))
    plan.add_task(Task("SHIP", "Ship flight model", 5, id="t-ship", position=1))
    save_project(plan, path)
    return path


@pytest.mark.parametrize(("spoil", "words"), [
    ("UPDATE tasks SET deadline = '2027-02-31' WHERE id = 't-ship'",
     "the deadline of task SHIP 'Ship flight model' is '2027-02-31', which must be a calendar date written "
     "YYYY-MM-DD, from 1900-01-01 to 2200-12-31"),
    ("UPDATE tasks SET kind = 'rocket' WHERE id = 't-drill'",
     "the kind of task DRILL 'Cryo drill qualification' is 'rocket', which must be one of phase, mission, "
     "milestone, infrastructure, agreement, task"),
    ("UPDATE tasks SET percent_complete = 140 WHERE id = 't-ship'",
     "the percent_complete of task SHIP 'Ship flight model' is '140', which must be a whole number from 0 to 100"),
])
def test_a_value_breaking_a_rule_names_the_task_and_what_the_value_must_be(plan_path, spoil, words):
    tamper(plan_path, "PRAGMA ignore_check_constraints = 1", spoil)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_path)
    assert caught.value.code == "store.bad_value"
    assert words in caught.value.message
    assert "+0 days" not in caught.value.message and " OR " not in caught.value.message
