"""Row numbers a hostile file may choose: SQLite allows negative ones, and checks must not mistake them."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import tamper

from ilrs_planner.domain import Link, PlannerError, Project, Task
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


def _chain(path) -> Project:
    plan = Project("Chain", date(2030, 1, 1))
    for key in "abcd":
        plan.add_task(Task(key, key.upper(), 5, id=f"t-{key}"))
    for pred, succ in ("ab", "bc", "cd"):
        plan.add_link(Link(f"t-{pred}", f"t-{succ}", id=f"l-{pred}{succ}"))
    save_project(plan, path)
    return plan


@pytest.mark.parametrize("number", [0, -1, 5, 2**63 - 1, -(2**63)])
def test_a_link_to_a_row_number_next_to_or_far_from_the_tasks_is_refused_naming_it(tmp_path, number):
    # The four tasks are rows 1-4: the numbers just outside them, and the extremes SQLite allows.
    path = tmp_path / "plan.db"
    _chain(path)
    tamper(path, "UPDATE links SET succ = ? WHERE id = 'l-bc'", params=(number,))
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value"
    assert caught.value.subject_ids[1:] == ("links", "2", "succ") and f"row {number} " in caught.value.message


def test_links_and_tasks_numbered_with_gaps_and_below_zero_open_as_the_same_plan(tmp_path):
    path = tmp_path / "plan.db"
    plan = _chain(path)
    tamper(path, "UPDATE tasks SET num = num * 10 - 25", "UPDATE links SET num = -num * 3",
           "UPDATE links SET pred = pred * 10 - 25, succ = succ * 10 - 25")
    loaded = open_project(path)
    assert loaded == plan
    assert [(link.pred_id, link.succ_id) for link in loaded.links.values()] == [
        ("t-c", "t-d"), ("t-b", "t-c"), ("t-a", "t-b")]  # in row order: -9, -6, -3


def test_a_second_link_between_the_same_two_tasks_is_refused_naming_both_links_and_the_tasks(tmp_path):
    # Every way into a plan refuses one, and the plan's own CSV export (Predecessors "2,2FF-4 days")
    # could not be imported back.
    path = tmp_path / "plan.db"
    _chain(path)
    tamper(path, "INSERT INTO links (id, pred, succ, type, lag, elapsed) SELECT 'l-again', pred, succ, 'FF', -4, 0 "
                 "FROM links WHERE id = 'l-bc'")
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value"
    assert "link l-again and link l-bc" in caught.value.message
    assert "both make task 'c' (C) depend on task 'b' (B)" in caught.value.message


def test_a_plan_a_merge_left_with_a_repeated_link_is_recovered_by_a_repaired_copy(tmp_path, capsys):
    # Merges made before the rule wrote such plans: the refusal says how to recover, and the repair
    # writes a copy keeping the first link between the two tasks, naming the one left out.
    from ilrs_planner.cli import main
    from ilrs_planner.store.repair import is_repairable

    path, copy = tmp_path / "plan.db", tmp_path / "cleaned.db"
    plan = _chain(path)
    tamper(path, "INSERT INTO links (id, pred, succ, type, lag, elapsed) SELECT 'l-again', pred, succ, 'FF', -4, 0 "
                 "FROM links WHERE id = 'l-bc'")
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert is_repairable(caught.value) and "ilrs-planner repair" in caught.value.message
    assert main(["repair", str(path), "-o", str(copy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "link l-again left out: task 'c' (C) depend on task 'b' (B) through link l-bc" in lines[0]
    assert lines[-1].endswith("written with 1 link repeating another left out; " f"{path} is unchanged")
    assert open_project(copy).links == plan.links  # the first link, as it was
