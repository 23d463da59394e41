"""The plan's Must finish by in plan files (schema version 10): kept by a save, none in an older file
(whose floats read as they did), and a stored value that is not a plan date refused by name."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import DROP_V10, query_one, tamper

from ilrs_planner.domain import Link, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import open_project, save_project


def _plan(must_finish_by: date | None = None) -> Project:
    """A (10 d) -> B (5 d) from 2030-01-01 on calendar days: B's last day is 2030-01-15."""
    plan = Project("Finish by", date(2030, 1, 1), must_finish_by=must_finish_by)
    plan.add_task(Task("A", "Task a", 10, id="a"))
    plan.add_task(Task("B", "Task b", 5, id="b", position=1))
    plan.add_link(Link("a", "b", id="ab"))
    return plan


def test_must_finish_by_survives_a_save_with_the_floats_it_gives(tmp_path):
    path = tmp_path / "plan.db"
    plan = _plan(date(2030, 1, 25))
    save_project(plan, path)
    assert query_one(path, "SELECT must_finish_by FROM plan") == ("2030-01-25",)
    opened = open_project(path)
    assert opened == plan and opened.must_finish_by == date(2030, 1, 25)
    # B's last day Jan 15, the plan must finish by the end of Jan 25: 10 days of float on the chain.
    assert schedule(opened).tasks["b"].total_float == 10


def test_a_plan_without_one_stores_none(tmp_path):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    assert query_one(path, "SELECT must_finish_by FROM plan") == (None,)
    assert open_project(path).must_finish_by is None


def test_a_version_9_file_opens_with_none_and_is_left_untouched(tmp_path):
    path = tmp_path / "old.db"
    save_project(_plan(), path)
    tamper(path, *DROP_V10, "PRAGMA user_version = 9")
    written = path.read_bytes()
    opened = open_project(path)
    assert opened.must_finish_by is None
    assert schedule(opened).tasks["b"].total_float == 0  # late dates from the plan's finish, as before
    assert path.read_bytes() == written  # migrated in memory only


@pytest.mark.parametrize("stored", ["'2030-02-30'", "'2030-1-25'", "'2201-01-01'", "'1899-12-31'", "20300125",
                                    "'next year'"])
def test_a_stored_value_that_is_not_a_plan_date_is_refused_by_name(tmp_path, stored):
    path = tmp_path / "plan.db"
    save_project(_plan(date(2030, 1, 25)), path)
    tamper(path, "PRAGMA ignore_check_constraints = ON", f"UPDATE plan SET must_finish_by = {stored}")
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code.startswith("store.") and "must_finish_by" in caught.value.message


def test_a_must_finish_by_no_file_can_hold_is_refused_at_the_save_by_name(tmp_path):
    plan = _plan(date(2250, 1, 1))
    with pytest.raises(PlannerError) as caught:
        save_project(plan, tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value"
    assert "must_finish_by 2250-01-01" in caught.value.message
    assert not (tmp_path / "plan.db").exists()
