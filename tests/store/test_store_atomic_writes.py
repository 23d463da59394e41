"""Saves and other writes: temporary files of killed saves are cleared, new files honour the umask,
and two sessions saving one file never lose an edit silently (compare-and-swap)."""

import fcntl
import os
import stat

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.files.atomic import temp_files_of, write_atomically
from ilrs_planner.store import PlanSession, open_project, save_project, writer
from ilrs_planner.store.recovery import write_recovery


def test_a_temporary_file_left_by_a_killed_save_is_removed_by_the_next_save(plan_file, rich_project):
    stale = plan_file.with_name(f".{plan_file.name}.0badc0de.saving")
    stale.write_bytes(b"")  # what a save killed before its first page leaves
    save_project(rich_project, plan_file)
    assert not stale.exists()
    assert sorted(p.name for p in plan_file.parent.iterdir()) == [plan_file.name]


def test_a_temporary_file_another_save_is_still_writing_is_left_alone(plan_file, rich_project):
    live = plan_file.with_name(f".{plan_file.name}.5afe5afe.saving")
    live.write_bytes(b"")
    with open(live, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_SH)  # as a running save holds its own
        save_project(rich_project, plan_file)
        assert live.exists()
    assert temp_files_of(plan_file) == [live]


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_honour_the_umask(tmp_path, rich_project, umask, expected):
    previous = os.umask(umask)
    try:
        save_project(rich_project, tmp_path / "plan.db")
        write_atomically(tmp_path / "out.csv", b"a,b\r\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "plan.db").stat().st_mode) == expected
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == expected


def test_saving_over_a_file_keeps_its_mode_and_recovery_copies_stay_private(tmp_path, rich_project, monkeypatch):
    path = tmp_path / "plan.db"
    save_project(rich_project, path)
    os.chmod(path, 0o640)
    save_project(rich_project, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(tmp_path / "recovery"))
    copy = write_recovery(rich_project, path)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.with_suffix(".json").stat().st_mode) == 0o600


def test_two_sessions_saving_one_file_cannot_both_report_saved(plan_file, monkeypatch):
    first = PlanSession.open(plan_file)
    second = PlanSession.open(plan_file, force=True)  # opened with force, as the red team did
    first.project.name, second.project.name = "first session's edit", "second session's edit"
    real_write = writer._write_database

    def first_saves_while_second_is_writing(project, *rest):
        real_write(project, *rest)
        if project is second.project:
            monkeypatch.setattr(writer, "_write_database", real_write)
            first.save(first.project)  # lands between the second's check and its rename

    monkeypatch.setattr(writer, "_write_database", first_saves_while_second_is_writing)
    with pytest.raises(PlannerError) as caught:
        second.save(second.project)
    assert caught.value.code == "store.changed_on_disk"
    assert open_project(plan_file).name == "first session's edit"
    assert temp_files_of(plan_file) == []
    second.save(second.project, overwrite=True)  # the person chose to overwrite
    assert open_project(plan_file).name == "second session's edit"
