"""SQLite side files beside a plan (`-wal`, `-shm`, hot `-journal`) are refused, and opening creates none."""

import copy
import os
import shutil
import sqlite3

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.chain import chain_baselines
from ilrs_planner.sharing.keys import load_private_key, write_key_pair
from ilrs_planner.sharing.signing import sign_project
from ilrs_planner.store import open_project, reader, save_project


def _signed(rich_project, name, key, signer):
    project = copy.deepcopy(rich_project)
    project.name = name
    project.baselines[:] = chain_baselines(project.baselines)  # an intact history
    sign_project(project, key, signer)
    return project


def _wal_holding(source, over, work):
    """A `-wal` whose frames turn the bytes of `over` into the plan in `source` (as the red team built it)."""
    shutil.copy(over, work)
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    origin = sqlite3.connect(source)
    origin.backup(conn)
    origin.close()
    wal = work.with_name(work.name + "-wal")
    kept = wal.with_name("kept-wal")
    shutil.copy(wal, kept)  # closing the connection checkpoints and deletes its WAL
    conn.close()
    return kept


@pytest.fixture
def signed_v2_with_v1_wal(tmp_path, rich_project):
    private, _ = write_key_pair("CNSA planning", tmp_path / "keys")
    key, signer = load_private_key(private)
    save_project(_signed(rich_project, "version one", key, signer), tmp_path / "v1.db")
    plan = tmp_path / "share" / "plan.db"
    plan.parent.mkdir()
    save_project(_signed(rich_project, "version two", key, signer), plan)
    wal = _wal_holding(tmp_path / "v1.db", plan, tmp_path / "work.db")
    return plan, wal, tmp_path / "keys"


def test_a_signed_plan_with_another_versions_wal_beside_it_no_longer_verifies(signed_v2_with_v1_wal, capsys):
    plan, wal, keys = signed_v2_with_v1_wal
    shutil.copy(wal, plan.with_name("plan.db-wal"))
    status = main(["verify", str(plan), "--trusted", str(keys)])
    output = capsys.readouterr()
    assert status == 2
    assert "store.side_files" in output.err and "plan.db-wal" in output.err
    assert "version one" not in output.out + output.err
    assert sorted(os.listdir(plan.parent)) == ["plan.db", "plan.db-wal"]  # no -shm was created
    os.remove(plan.with_name("plan.db-wal"))
    assert main(["verify", str(plan), "--trusted", str(keys)]) == 0
    assert open_project(plan).name == "version two"


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_each_side_file_is_refused_by_name(tmp_path, rich_project, suffix):
    plan = tmp_path / "plan.db"
    save_project(rich_project, plan)
    plan.with_name("plan.db" + suffix).write_bytes(b"\x00" * 512)
    with pytest.raises(PlannerError) as caught:
        open_project(plan)
    assert caught.value.code == "store.side_files" and f"plan.db{suffix}" in caught.value.message


def test_an_empty_journal_is_not_hot_and_is_allowed(tmp_path, rich_project):
    plan = tmp_path / "plan.db"
    save_project(rich_project, plan)
    plan.with_name("plan.db-journal").write_bytes(b"")
    assert open_project(plan).name == rich_project.name


def test_an_empty_wal_holds_no_change_and_is_allowed_leaving_the_folder_as_it_was(tmp_path, rich_project):
    # SQLite reads a WAL of no bytes as one without frames: the plan is its own bytes.
    plan = tmp_path / "plan.db"
    save_project(rich_project, plan)
    plan.with_name("plan.db-wal").write_bytes(b"")
    assert open_project(plan) == open_project(plan) and open_project(plan).name == rich_project.name
    assert sorted(os.listdir(tmp_path)) == ["plan.db", "plan.db-wal"]
    assert plan.with_name("plan.db-wal").stat().st_size == 0


def test_an_empty_wal_filled_while_the_plan_is_opened_is_refused(signed_v2_with_v1_wal, monkeypatch):
    plan, wal, _ = signed_v2_with_v1_wal
    plan.with_name("plan.db-wal").write_bytes(b"")
    real_open = reader.open_readonly

    def open_after_the_wal_fills(path, size):
        shutil.copy(wal, plan.with_name("plan.db-wal"))
        return real_open(path, size)

    monkeypatch.setattr(reader, "open_readonly", open_after_the_wal_fills)
    with pytest.raises(PlannerError) as caught:
        open_project(plan)
    assert caught.value.code == "store.side_files" and "'plan.db-wal' holds" in caught.value.message


@pytest.mark.parametrize("suffix, words", [
    ("-wal", "'plan.db-wal' holds 512 bytes another program left"),
    ("-shm", "'plan.db-shm' holds 512 bytes another program left"),
])
def test_a_side_file_with_bytes_is_refused_saying_what_it_holds(tmp_path, rich_project, suffix, words):
    plan = tmp_path / "plan.db"
    save_project(rich_project, plan)
    plan.with_name("plan.db" + suffix).write_bytes(b"\x00" * 512)
    with pytest.raises(PlannerError) as caught:
        open_project(plan)
    assert caught.value.code == "store.side_files" and words in caught.value.message


def test_an_empty_wal_that_is_not_a_file_is_refused_as_what_it_is(tmp_path, rich_project):
    plan = tmp_path / "plan.db"
    save_project(rich_project, plan)
    plan.with_name("plan.db-wal").mkdir()
    with pytest.raises(PlannerError) as caught:
        open_project(plan)
    assert caught.value.code == "store.side_files" and "'plan.db-wal' is not an ordinary file" in caught.value.message
    assert "bytes" not in caught.value.message


def test_a_wal_appearing_while_the_plan_is_opened_is_refused_without_creating_a_shm(
        signed_v2_with_v1_wal, monkeypatch):
    plan, wal, _ = signed_v2_with_v1_wal
    real_open = reader.open_readonly

    def open_after_a_wal_appears(path, size):
        shutil.copy(wal, plan.with_name("plan.db-wal"))
        return real_open(path, size)

    monkeypatch.setattr(reader, "open_readonly", open_after_a_wal_appears)
    with pytest.raises(PlannerError) as caught:
        open_project(plan)
    assert caught.value.code == "store.side_files"
    assert sorted(os.listdir(plan.parent)) == ["plan.db", "plan.db-wal"]


def test_opening_a_plan_leaves_its_folder_as_it_was(tmp_path, rich_project):
    plan = tmp_path / "plan.db"
    save_project(rich_project, plan)
    before = sorted(os.listdir(tmp_path))
    open_project(plan)
    assert sorted(os.listdir(tmp_path)) == before


def test_a_wal_beside_the_file_a_linked_plan_points_to_is_refused_by_name(signed_v2_with_v1_wal, capsys):
    # SQLite follows a link to the plan and looks for side files beside the file it reaches.
    plan, wal, keys = signed_v2_with_v1_wal
    target = plan.parent / "data" / "real.db"
    target.parent.mkdir()
    os.replace(plan, target)
    os.symlink(os.path.join("data", "real.db"), plan)
    shutil.copy(wal, target.with_name("real.db-wal"))
    status = main(["verify", str(plan), "--trusted", str(keys)])
    output = capsys.readouterr()
    assert status == 2
    assert "store.side_files" in output.err and str(target.with_name("real.db-wal")) in output.err
    assert sorted(os.listdir(target.parent)) == ["real.db", "real.db-wal"]  # no -shm was created
    os.remove(target.with_name("real.db-wal"))
    assert main(["verify", str(plan), "--trusted", str(keys)]) == 0
    assert open_project(plan).name == "version two"
