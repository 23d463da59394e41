"""The record of names a merge brought in from a partner's plan (format version 12): kept by a save,
empty in a file of format 11, refused by name when it is not a list of ids."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import DROP_V12, DROP_V15, query_one, tamper

from ilrs_planner.domain import Participant, PlannerError, Project, Task
from ilrs_planner.store import CURRENT_VERSION, open_project, save_project


def _plan() -> Project:
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("own", "Own survey", 5, id="t-own"))
    plan.add_task(Task("T-2", "Bird survey: Nightjar", 1, id="t-theirs", position=1))
    plan.participants["p-theirs"] = Participant("orbitex", "Orbitex Corp", id="p-theirs")
    plan.supplied = frozenset({"t-theirs", "p-theirs"})
    return plan


def test_the_record_survives_a_save_and_is_not_content(tmp_path):
    save_project(_plan(), tmp_path / "plan.db")
    assert query_one(tmp_path / "plan.db", "SELECT supplied FROM plan") == ('["p-theirs", "t-theirs"]',)
    opened = open_project(tmp_path / "plan.db")
    assert opened.supplied == {"t-theirs", "p-theirs"}
    unrecorded = _plan()
    unrecorded.supplied, unrecorded.id = frozenset(), opened.id
    assert unrecorded == opened  # the same plan: the record is the owner's, not its content


def test_a_file_of_format_11_opens_with_every_name_the_owners(tmp_path):
    save_project(_plan(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", *DROP_V12, "PRAGMA user_version = 11")
    opened = open_project(tmp_path / "plan.db")
    assert opened.supplied == frozenset() and opened.tasks["t-theirs"].name == "Bird survey: Nightjar"
    save_project(opened, tmp_path / "plan.db")
    assert query_one(tmp_path / "plan.db", "PRAGMA user_version")[0] == CURRENT_VERSION  # saved as today's


@pytest.mark.parametrize("stored", ["t-theirs", '{"t-theirs": 1}', "[1, 2]"])
def test_a_record_that_is_not_a_list_of_ids_is_refused_by_name(tmp_path, stored):
    save_project(_plan(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE plan SET supplied = ?", params=(stored,))
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert "supplied" in caught.value.message and "not a list of task and participant ids" in caught.value.message


def test_a_record_nested_past_the_json_readers_depth_is_refused_by_name(tmp_path):
    """'[[[…]]]' 100,000 deep stopped every command on the file with a traceback."""
    save_project(_plan(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE plan SET supplied = ?", params=("[" * 100_000 + "]" * 100_000,))
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert "supplied" in caught.value.message and "not a list of task and participant ids" in caught.value.message


def test_a_record_over_the_value_bound_in_a_file_of_an_older_format_is_refused(tmp_path):
    """Format 14 bounds the column by no CHECK: read through the in-memory migration, 60 MB of it took
    300 MB and 16 s to open (256 MB of it past the 1 GiB the bounds keep opening within)."""
    save_project(_plan(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", *DROP_V15, "PRAGMA user_version = 14")
    tamper(tmp_path / "plan.db", "UPDATE plan SET supplied = ?", params=("[" + ",".join(['""'] * 600_000) + "]",))
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.too_large" and "supplied" in caught.value.message


def test_a_record_more_than_a_file_value_holds_refuses_the_save_and_keeps_the_last_one(tmp_path):
    # 40,000 ids (1.4 MB) made a save whose file every open refused: the plan's last save was lost.
    save_project(_plan(), tmp_path / "plan.db")
    plan = open_project(tmp_path / "plan.db")
    for n in range(40_000):
        plan.add_task(Task(f"T-{n}", "Bird survey", 1, id=f"{n:032x}", position=n + 2))
    plan.supplied |= {f"{n:032x}" for n in range(40_000)}
    with pytest.raises(PlannerError) as caught:
        save_project(plan, tmp_path / "plan.db")
    assert caught.value.code == "store.too_large" and "40,002 tasks and participants" in caught.value.message
    assert open_project(tmp_path / "plan.db").supplied == {"t-theirs", "p-theirs"}  # the last save, as it was


def test_the_record_keeps_only_the_tasks_and_participants_the_plan_has(tmp_path):
    plan = _plan()
    plan.supplied |= {"t-deleted"}  # a partner's task deleted since: it names no text a copy shows
    save_project(plan, tmp_path / "plan.db")
    assert open_project(tmp_path / "plan.db").supplied == {"t-theirs", "p-theirs"}
