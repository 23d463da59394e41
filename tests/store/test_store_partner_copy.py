"""What makes a plan a partner copy, in plan files (schema version 9): kept by a save, none in an older
file, and a stored level that is not one of the three refused."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import DROP_V9, query_one, tamper

from ilrs_planner.domain import Classification, PlannerError, Project, Task
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import open_project, save_project


def _plan() -> Project:
    plan = Project("Copy", date(2030, 1, 1))
    plan.add_task(Task("A", "Kept", 10, id="a"))
    plan.add_task(Task("H", "Hidden", 5, id="h", position=1, classification=Classification.RESTRICTED))
    return plan


def test_a_partner_copy_says_what_it_was_made_for_and_keeps_saying_it(tmp_path):
    path = tmp_path / "copy.db"
    save_project(redact_project(_plan(), Classification.PARTNERS, without_notes=True), path)
    assert query_one(path, "SELECT partner_level, partner_without_notes FROM plan") == ("partners", 1)
    opened = open_project(path)
    assert (opened.partner_level, opened.partner_without_notes) == (Classification.PARTNERS, True)
    again = redact_project(opened, Classification.RESTRICTED)  # a copy of a copy shows no more than it
    assert (again.partner_level, again.partner_without_notes) == (Classification.PARTNERS, True)


def test_a_plan_of_ones_own_stores_none(tmp_path):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    assert query_one(path, "SELECT partner_level, partner_without_notes FROM plan") == (None, 0)
    assert open_project(path).partner_level is None


def test_a_version_8_file_opens_as_a_plan_of_ones_own_and_is_left_untouched(tmp_path):
    path = tmp_path / "old.db"
    save_project(redact_project(_plan(), Classification.PUBLIC), path)
    tamper(path, *DROP_V9, "PRAGMA user_version = 8")
    written = path.read_bytes()
    opened = open_project(path)
    assert opened.partner_level is None and not opened.partner_without_notes
    assert list(opened.tasks) == ["a"]
    assert path.read_bytes() == written


def test_a_level_that_is_none_of_the_three_is_refused(tmp_path):
    path = tmp_path / "copy.db"
    save_project(redact_project(_plan(), Classification.PUBLIC), path)
    tamper(path, "PRAGMA ignore_check_constraints = 1", "UPDATE plan SET partner_level = 'anyone'")
    with pytest.raises(PlannerError) as refused:
        open_project(path)
    assert refused.value.code == "store.bad_value" and "column partner_level: the value is 'anyone'" in str(
        refused.value.message)
