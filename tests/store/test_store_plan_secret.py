"""The plan's secret in plan files (format version 11): kept by a save and never in a partner copy; a
plan of format 10 opens without one, is shared and merged as before, and gains one when next saved."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from file_surgery import DROP_V11, query_one, tamper

from ilrs_planner.domain import Classification, Link, PlannerError, Project, Task
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import open_project, save_project


def _plan() -> Project:
    """Survey -> [restricted "Nightjar" reserve] -> Landing: the copy bridges Survey -> Landing."""
    plan = Project("Secret plan", date(2030, 1, 1))
    for key, name, level in (("survey", "Survey", Classification.PUBLIC),
                             ("nightjar", "Nightjar reserve", Classification.RESTRICTED),
                             ("landing", "Landing", Classification.PUBLIC)):
        plan.add_task(Task(key, name, 10, id=key, position=len(plan.tasks), classification=level))
    plan.add_link(Link("survey", "nightjar", id="l1"))
    plan.add_link(Link("nightjar", "landing", id="l2"))
    return plan


def _as_version_10(path) -> None:
    tamper(path, *DROP_V11, "PRAGMA user_version = 10")


def test_the_secret_survives_a_save_and_is_not_content(tmp_path):
    plan = _plan()
    save_project(plan, tmp_path / "plan.db")
    (stored,) = query_one(tmp_path / "plan.db", "SELECT secret FROM plan")
    assert stored == plan.secret and len(stored) == 32
    opened = open_project(tmp_path / "plan.db")
    assert opened.secret == plan.secret
    other = _plan()
    other.id = plan.id
    assert other == opened  # two plans alike but for their secrets are the same plan


def test_a_version_10_plan_opens_shares_and_merges_and_gains_a_secret_when_saved(tmp_path):
    path = tmp_path / "old.db"
    save_project(_plan(), path)
    _as_version_10(path)
    written = path.read_bytes()
    ours = open_project(path)
    assert ours.secret is None and path.read_bytes() == written  # migrated in memory only
    copy = redact_project(ours, "public")
    [bridge] = [k for k in copy.links.values() if (k.pred_id, k.succ_id) == ("survey", "landing")]
    assert "nightjar" not in copy.tasks
    # Sharing drew the secret; saving keeps it, so copies made before and after the save agree.
    save_project(ours, path)
    assert query_one(path, "SELECT secret FROM plan") == (ours.secret,)
    reopened = open_project(path)
    assert bridge.id in redact_project(reopened, "public").links
    theirs = redact_project(reopened, "public")
    theirs.tasks["landing"].duration = 12
    merged = merge_projects(reopened, reopened, theirs)
    assert merged.clean and merged.project.links == reopened.links
    assert merged.project.tasks["landing"].duration == 12 and "nightjar" in merged.project.tasks


def test_a_copy_written_before_the_secret_still_merges_its_bridges(tmp_path):
    # A copy made by format 10 keyed its bridge on other bytes: the merge knows it by the tasks it joins.
    ours = _plan()
    save_project(ours, tmp_path / "plan.db")
    old_copy = redact_project(ours, "public")
    [bridge] = [k for k in old_copy.links.values() if k.id not in ours.links]
    del old_copy.links[bridge.id]
    drawn = "0f1e2d3c4b5a49687766554433221100"  # a bridge id as a copy of format 10 drew it
    old_copy.links[drawn] = dataclasses.replace(bridge, id=drawn)
    save_project(old_copy, tmp_path / "copy.db")
    _as_version_10(tmp_path / "copy.db")
    theirs = open_project(tmp_path / "copy.db")
    theirs.tasks["survey"].name = "Survey of the south pole"
    merged = merge_projects(open_project(tmp_path / "plan.db"), ours, theirs)
    assert merged.clean and merged.project.links == ours.links
    assert merged.project.tasks["survey"].name == "Survey of the south pole"


@pytest.mark.parametrize("stored", ["x''", "x'00'", "zeroblob(31)", "zeroblob(33)"])
def test_a_secret_of_another_length_is_refused_by_name(tmp_path, stored):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    tamper(path, "PRAGMA ignore_check_constraints = ON", f"UPDATE plan SET secret = {stored}")
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value" and "secret" in caught.value.message
