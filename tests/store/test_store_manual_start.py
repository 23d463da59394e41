"""A manual task's start in plan files (schema version 8), apart from its constraint; a file of an
older version, where a Start No Earlier Than on the very start held a manual task, opens with that
pin as the task's manual start and every date as it was."""

from __future__ import annotations

from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from file_surgery import DROP_V8, query_one, tamper
from signed_before import sign_as_version_1

from ilrs_planner.domain import ConstraintType, Link, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.signing import SignatureState, verify_project
from ilrs_planner.store import old_pins, open_project, save_project
from ilrs_planner.store.reader import open_project_columns
from ilrs_planner.store.repair import repair_copy


def _old_style_plan() -> Project:
    """A (10 d) -> B (manual, held by SNET 2030-01-11, its start) -> M (manual, held by SNET 2030-01-02,
    though B finishes on 01-30), and C manual on its own Must Start On."""
    plan = Project("Old", date(2030, 1, 1))
    plan.add_task(Task("A", "Task a", 10, id="a"))
    plan.add_task(Task("B", "Task b", 20, id="b", position=1, manual=True, constraint=ConstraintType.SNET,
                       constraint_date=date(2030, 1, 11)))
    plan.add_task(Task("M", "Done", 0, id="m", position=2, manual=True, constraint=ConstraintType.SNET,
                       constraint_date=date(2030, 1, 2)))
    plan.add_task(Task("C", "Task c", 5, id="c", position=3, manual=True, constraint=ConstraintType.MSO,
                       constraint_date=date(2030, 2, 4)))
    plan.add_link(Link("a", "b", id="ab"))
    plan.add_link(Link("b", "m", id="bm"))
    return plan


def test_a_manual_start_and_its_moment_survive_a_save(tmp_path):
    plan = _old_style_plan()
    plan.tasks["m"].manual_start, plan.tasks["m"].manual_start_at_day_end = date(2030, 1, 30), True
    path = tmp_path / "manual.db"
    save_project(plan, path)
    assert query_one(path, "SELECT manual_start, manual_start_at_day_end FROM tasks WHERE id = 'm'") == \
        ("2030-01-30", 1)
    assert open_project(path) == plan


def test_a_version_7_file_opens_with_its_pins_as_manual_starts_and_its_dates_as_they_were(tmp_path):
    plan = _old_style_plan()
    before = schedule(plan).tasks
    assert before["m"].early_start == date(2030, 1, 2)  # manual: on its own SNET, before B
    path = tmp_path / "old.db"
    save_project(plan, path)
    tamper(path, *DROP_V8, "PRAGMA user_version = 7")
    written = path.read_bytes()
    opened = open_project(path)
    b, m, c = (opened.tasks[key] for key in "bmc")
    assert (b.manual_start, b.constraint, b.constraint_date) == (date(2030, 1, 11), ConstraintType.ASAP, None)
    assert (m.manual_start, m.constraint) == (date(2030, 1, 2), ConstraintType.ASAP)
    assert (c.manual_start, c.constraint, c.constraint_date) == (None, ConstraintType.MSO, date(2030, 2, 4))
    after = schedule(opened).tasks
    for task_id in plan.tasks:
        assert (after[task_id].early_start, after[task_id].early_finish, after[task_id].total_float) == \
            (before[task_id].early_start, before[task_id].early_finish, before[task_id].total_float), task_id
    assert path.read_bytes() == written  # migrated in memory only


def test_a_version_7_start_no_earlier_than_that_does_not_hold_the_task_on_its_start_stays(tmp_path):
    plan = _old_style_plan()
    plan.status_date = date(2030, 1, 15)  # unstarted B is held on the status date, past its SNET
    path = tmp_path / "old.db"
    save_project(plan, path)
    tamper(path, *DROP_V8, "PRAGMA user_version = 7")
    b = open_project(path).tasks["b"]
    assert (b.manual_start, b.constraint, b.constraint_date) == (None, ConstraintType.SNET, date(2030, 1, 11))


@pytest.mark.parametrize("statement", [
    "UPDATE tasks SET manual_start = '2030-02-30' WHERE key = 'B'",
    "UPDATE tasks SET manual_start = '2030-1-11' WHERE key = 'B'",
    "UPDATE tasks SET manual_start = '2201-01-01' WHERE key = 'B'",
    "UPDATE tasks SET manual_start = 20300111 WHERE key = 'B'",
    "UPDATE tasks SET manual_start_at_day_end = 2 WHERE key = 'B'",
    "UPDATE tasks SET manual_start_at_day_end = 1, manual_start = NULL WHERE key = 'B'",
])
def test_a_malformed_manual_start_is_refused_by_name(tmp_path, statement):
    path = tmp_path / "plan.db"
    plan = _old_style_plan()
    plan.tasks["b"].manual_start = date(2030, 1, 11)
    save_project(plan, path)
    tamper(path, "PRAGMA ignore_check_constraints = ON", statement)
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code.startswith("store.") and "manual_start" in caught.value.message


def test_a_signed_version_7_file_keeps_its_pins_and_verifies_as_signed_in_the_earlier_scheme_not_altered(tmp_path):
    plan = _old_style_plan()
    key = Ed25519PrivateKey.generate()
    sign_as_version_1(plan, key, "CNSA planning")  # as the program of format 7 signed
    path = tmp_path / "signed.db"
    save_project(plan, path)
    tamper(path, *DROP_V8, "PRAGMA user_version = 7")
    opened = open_project(path)
    b = opened.tasks["b"]
    assert (b.manual_start, b.constraint, b.constraint_date) == (None, ConstraintType.SNET, date(2030, 1, 11))
    assert verify_project(opened).state is SignatureState.UNKNOWN_KEY_EARLIER_SCHEME
    assert verify_project(opened, [plan.signature.public_key]).state is SignatureState.TRUSTED_EARLIER_SCHEME
    before, after = schedule(plan).tasks, schedule(opened).tasks
    assert all((after[i].early_start, after[i].early_finish) == (before[i].early_start, before[i].early_finish)
               for i in plan.tasks)


def test_a_version_7_file_with_a_bidirectional_control_and_pins_is_repaired_with_its_pins_freed(tmp_path):
    path, copy = tmp_path / "old.db", tmp_path / "clean.db"
    save_project(_old_style_plan(), path)
    tamper(path, *DROP_V8, "PRAGMA user_version = 7", "UPDATE tasks SET name = 'Task \u202eb' WHERE key = 'B'")
    removals = repair_copy(path, copy).removals
    assert [(r.table, r.column, r.label, r.characters) for r in removals] == [("tasks", "name", "B", ("U+202E",))]
    b = open_project(copy).tasks["b"]
    assert (b.name, b.manual_start, b.constraint) == ("Task b", date(2030, 1, 11), ConstraintType.ASAP)


def test_a_value_the_pin_reading_cannot_take_refuses_the_file_by_name(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    save_project(_old_style_plan(), path)
    tamper(path, *DROP_V8, "PRAGMA user_version = 7")

    def unreadable(project):
        raise KeyError("b")

    monkeypatch.setattr(old_pins, "pinned_tasks", unreadable)
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value" and str(path) in caught.value.message


def test_a_version_7_file_read_with_a_mend_other_than_a_repair_frees_its_pins_and_mends_both_readings(tmp_path):
    path = tmp_path / "old.db"
    save_project(_old_style_plan(), path)
    tamper(path, *DROP_V8, "PRAGMA user_version = 7")
    mended: list[str] = []

    def note_tasks(table, names, columns):
        if table == "tasks":
            mended.append(table)

    b = open_project_columns(path, note_tasks)[0].tasks["b"]
    assert (b.manual_start, b.constraint) == (date(2030, 1, 11), ConstraintType.ASAP)
    assert mended == ["tasks", "tasks"]  # the pins' reading, then the plan's
