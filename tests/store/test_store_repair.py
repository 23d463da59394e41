"""A plan saved before text could not hold bidirectional controls: refused with a way back, and repaired
into a new file with only those characters dropped, each removal reported, the original untouched."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from file_surgery import tamper

from ilrs_planner.cli import main
from ilrs_planner.domain import PlannerError
from ilrs_planner.store import open_project
from ilrs_planner.store.repair import Removal, is_repairable, repair_copy


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_plan(plan_file):
    """The plan as an older version saved it: a task name, a task's notes and a participant's name
    holding bidirectional controls (the notes two of them)."""
    tamper(plan_file, "UPDATE tasks SET name = 'Lander \u202egnissim' WHERE key = 't1'",
           "UPDATE tasks SET notes = 'approved\n\u2067not\u2069 yet' WHERE key = 't3'",
           "UPDATE participants SET name = '\u202aRoscosmos\u202c' WHERE key = 'p0'")
    return plan_file


def _rowid(path, table, key):
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT rowid FROM {table} WHERE key = ?", (key,)).fetchone()[0]


def test_the_refusal_says_how_to_recover_the_plan(old_plan):
    with pytest.raises(PlannerError) as caught:
        open_project(old_plan)
    error = caught.value
    assert error.code == "store.bad_value" and "bidirectional control U+202" in error.message
    assert f"ilrs-planner repair {old_plan} -o CLEANED.db" in error.message
    assert is_repairable(error)


def test_a_cleaned_copy_drops_only_those_characters_and_names_each_removal(old_plan, rich_project, tmp_path):
    before = _digest(old_plan)
    copy = tmp_path / "cleaned.db"
    repaired = repair_copy(old_plan, copy)
    removals = repaired.removals
    assert _digest(old_plan) == before  # the original is only read
    assert sorted(removals, key=lambda r: (r.table, r.column)) == [
        Removal("participants", _rowid(old_plan, "participants", "p0"), "name", "p0", ("U+202A", "U+202C")),
        Removal("tasks", _rowid(old_plan, "tasks", "t1"), "name", "t1", ("U+202E",)),
        Removal("tasks", _rowid(old_plan, "tasks", "t3"), "notes", "t3", ("U+2067", "U+2069")),
    ]
    assert removals[0].describe().startswith("table ")
    cleaned = open_project(copy)
    assert cleaned.tasks["task-1"].name == "Lander gnissim"
    assert cleaned.tasks["task-3"].notes == "approved\nnot yet"
    assert cleaned.participants["participant-0"].name == "Roscosmos"
    expected = dataclasses.replace(rich_project)
    expected.tasks["task-1"].name, expected.tasks["task-3"].notes = "Lander gnissim", "approved\nnot yet"
    expected.participants["participant-0"].name = "Roscosmos"
    assert repaired.dropped_signature == expected.signature and cleaned.signature is None
    expected.signature = None
    assert cleaned == expected  # every other value as it was, and the copy unsigned


@pytest.mark.parametrize("other, shown", [
    ("UPDATE tasks SET name = 'x' || char(0) WHERE key = 't2'", "control character U+0000"),
    ("UPDATE tasks SET name = printf('%.1001c', 'x') WHERE key = 't2'", "name"),  # over the length bound
])
def test_any_other_problem_still_refuses_the_file_and_writes_nothing(old_plan, tmp_path, other, shown):
    tamper(old_plan, "PRAGMA ignore_check_constraints = ON", other)
    copy = tmp_path / "cleaned.db"
    with pytest.raises(PlannerError) as caught:
        repair_copy(old_plan, copy)
    assert caught.value.code == "store.bad_value"
    assert shown in caught.value.message and not is_repairable(caught.value)
    assert not copy.exists()


def test_the_copy_is_never_written_over_the_original(old_plan, tmp_path):
    before = _digest(old_plan)
    link = tmp_path / "link.db"
    link.symlink_to(old_plan)
    for target in (old_plan, link):
        with pytest.raises(PlannerError) as caught:
            repair_copy(old_plan, target)
        assert caught.value.code == "store.io" and "new file" in caught.value.message
    assert _digest(old_plan) == before


def test_repair_command_lists_every_removal_and_the_copy_opens(old_plan, tmp_path, capsys):
    copy = tmp_path / "cleaned.db"
    assert main(["repair", str(old_plan), "-o", str(copy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rowid = _rowid(old_plan, "tasks", "t1")
    assert f"table tasks, row {rowid}, column name (task t1): removed U+202E" in lines
    assert lines[-2] == f"{copy}: written with 5 bidirectional controls removed from 3 values; {old_plan} is unchanged"
    assert lines[-1].startswith(f"{copy}: the copy is unsigned")  # the plan was signed
    assert len(lines) == 5
    assert main(["schedule", str(copy)]) == 0
    assert main(["repair", str(old_plan), "-o", str(copy)]) == 2  # an existing file needs --force
    assert "--force" in capsys.readouterr().err


def test_repair_command_refuses_a_file_with_another_problem(old_plan, tmp_path, capsys):
    tamper(old_plan, "PRAGMA ignore_check_constraints = ON", "UPDATE tasks SET name = 'x' || char(27) WHERE key = 't2'")
    assert main(["repair", str(old_plan), "-o", str(tmp_path / "cleaned.db")]) == 2
    assert "U+001B" in capsys.readouterr().err and not (tmp_path / "cleaned.db").exists()


@pytest.fixture
def signed_then_tampered(tmp_path, rich_project):
    """A plan validly signed, into whose text someone slipped a bidirectional override afterwards:
    the file as received is not the one its signer sent."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ilrs_planner.sharing.signing import sign_project
    from ilrs_planner.store import save_project

    plan = rich_project
    plan.signature = None
    plan.baselines[:] = [dataclasses.replace(b, prev_hash="") for b in plan.baselines]
    sign_project(plan, Ed25519PrivateKey.generate(), "ESA planning")
    path = tmp_path / "signed.db"
    save_project(plan, path)
    tamper(path, "UPDATE tasks SET name = 'Lander \u202egnissim' WHERE key = 't1'")
    return path


def test_a_repaired_copy_of_a_signed_plan_is_unsigned_and_verify_says_so(signed_then_tampered, tmp_path, capsys):
    copy = tmp_path / "cleaned.db"
    assert main(["repair", str(signed_then_tampered), "-o", str(copy)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith(f"{copy}: the copy is unsigned: the signature in the name of ESA planning (")
    assert "ask the signer for a newly signed plan" in last
    assert open_project(copy).signature is None
    # Kept, the signature would verify (exit 1, "signed by an unknown key") over a file that was
    # tampered with after signing; the copy is reported for what it is.
    assert main(["verify", str(copy)]) == 4
    assert capsys.readouterr().out.strip() == f"{copy}: Unsigned"


def test_repairing_an_unsigned_plan_mentions_no_signature(old_plan, tmp_path, capsys):
    tamper(old_plan, "DELETE FROM signature")
    copy = tmp_path / "cleaned.db"
    assert main(["repair", str(old_plan), "-o", str(copy)]) == 0
    assert "signature" not in capsys.readouterr().out
