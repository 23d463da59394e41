"""The desktop app's hold on a file: in use by whom, changed on disk since, and autosave recovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import (
    PlanSession,
    find_recoveries,
    lock_path_for,
    open_project,
    read_lock,
    read_recovery,
    recovery_path_for,
    save_project,
    write_recovery,
)


@pytest.fixture(autouse=True)
def recovery_folder(tmp_path, monkeypatch):
    folder = tmp_path / "state" / "recovery"
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(folder))
    return folder


def _write_lock(path, **fields):
    info = {"user": "amina", "host": "planning-ws-7", "pid": 4242, "since": "2030-01-02T09:30:00+00:00",
            "token": "t"} | fields
    lock_path_for(path).write_text(json.dumps(info), encoding="utf-8")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# -- in use ----------------------------------------------------------------------------------------

def test_the_second_to_open_a_file_is_told_who_has_it(plan_file):
    first = PlanSession.open(plan_file)
    with pytest.raises(PlannerError) as caught:
        PlanSession.open(plan_file)
    assert caught.value.code == "store.in_use"
    holder = read_lock(plan_file)
    assert holder.user in caught.value.message and f"process {os.getpid()}" in caught.value.message
    first.close()
    assert read_lock(plan_file) is None
    PlanSession.open(plan_file).close()


def test_someone_on_another_host_is_named_and_can_be_taken_over(plan_file):
    _write_lock(plan_file)
    with pytest.raises(PlannerError) as caught:
        PlanSession.open(plan_file)
    assert caught.value.code == "store.in_use"
    assert "amina on planning-ws-7" in caught.value.message and "2030-01-02 09:30" in caught.value.message
    session = PlanSession.open(plan_file, force=True)
    assert read_lock(plan_file).pid == os.getpid()
    session.close()


def test_a_marker_left_by_a_crashed_process_on_this_host_is_stale(plan_file):
    import socket
    _write_lock(plan_file, host=socket.gethostname(), pid=_dead_pid())
    session = PlanSession.open(plan_file)
    assert read_lock(plan_file).pid == os.getpid()
    session.close()


def test_an_unreadable_marker_counts_as_in_use(plan_file):
    lock_path_for(plan_file).write_text("{half written", encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        PlanSession.open(plan_file)
    assert caught.value.code == "store.in_use" and "someone" in caught.value.message


def test_closing_does_not_remove_a_marker_someone_else_took_over(plan_file):
    session = PlanSession.open(plan_file)
    _write_lock(plan_file, token="theirs")
    session.close()
    assert read_lock(plan_file).user == "amina"


def test_a_file_that_cannot_be_read_releases_the_marker(tmp_path):
    path = tmp_path / "bad.db"
    path.write_text("not a plan", encoding="utf-8")
    with pytest.raises(PlannerError):
        PlanSession.open(path)
    assert read_lock(path) is None


# -- changed on disk -------------------------------------------------------------------------------

def test_a_file_touched_but_not_changed_is_not_changed(plan_file):
    session = PlanSession.open(plan_file)
    assert not session.changed_on_disk()
    os.utime(plan_file, ns=(5, 5))
    assert not session.changed_on_disk()
    session.close()


def test_saving_over_someone_elses_save_asks_first(plan_file, rich_project):
    session = PlanSession.open(plan_file)
    theirs = open_project(plan_file)
    theirs.name = "their edit"
    save_project(theirs, plan_file)
    assert session.changed_on_disk()
    ours = session.project
    ours.name = "our edit"
    with pytest.raises(PlannerError) as caught:
        session.save(ours)
    assert caught.value.code == "store.changed_on_disk" and "reload" in caught.value.message
    assert open_project(plan_file).name == "their edit"  # their work is intact
    session.save(ours, overwrite=True)
    assert open_project(plan_file).name == "our edit"
    assert not session.changed_on_disk()
    session.save(ours)  # our own save does not count as a change by someone else
    session.close()


def test_reload_takes_the_file_as_it_is_now(plan_file):
    session = PlanSession.open(plan_file)
    theirs = open_project(plan_file)
    theirs.name = "their edit"
    save_project(theirs, plan_file)
    assert session.reload().name == "their edit" and not session.changed_on_disk()
    session.close()


def test_a_deleted_file_counts_as_changed(plan_file):
    session = PlanSession.open(plan_file)
    plan_file.unlink()
    assert session.changed_on_disk()
    session.close()


def test_save_as_moves_the_marker_to_the_new_file(plan_file, tmp_path):
    session = PlanSession.open(plan_file)
    copy = tmp_path / "copy.db"
    session.save_as(session.project, copy)
    assert read_lock(plan_file) is None and read_lock(copy).pid == os.getpid()
    assert session.path == copy and open_project(copy) == open_project(plan_file)
    session.close()
    assert read_lock(copy) is None


# -- recovery --------------------------------------------------------------------------------------

def test_a_recovery_copy_restores_the_unsaved_plan_and_says_when(plan_file, recovery_folder):
    session = PlanSession.open(plan_file)
    edited = session.project
    edited.add_task(Task("new", "Unsaved task", 3))
    before = datetime.now(UTC)
    copy = session.write_recovery(edited)
    assert copy.parent == recovery_folder and copy.parent != plan_file.parent
    assert copy.stat().st_mode & 0o777 == 0o600 and recovery_folder.stat().st_mode & 0o777 == 0o700
    found = read_recovery(plan_file)
    assert found.load() == edited
    assert before - timedelta(seconds=1) <= found.saved_at <= datetime.now(UTC)
    assert [r.plan_path for r in find_recoveries()] == [str(plan_file)]
    assert not find_recoveries()[0].owner_alive  # this process wrote it: nothing to offer another
    session.close(keep_recovery=True)  # a crash: the copy stays
    assert read_recovery(plan_file) is not None


def test_saving_or_a_clean_close_removes_the_recovery_copy(plan_file):
    session = PlanSession.open(plan_file)
    session.write_recovery(session.project)
    session.save(session.project)
    assert read_recovery(plan_file) is None
    session.write_recovery(session.project)
    session.close()
    assert read_recovery(plan_file) is None and find_recoveries() == []


def test_an_untitled_plan_has_its_own_recovery_copy(tmp_path):
    project = Project("Untitled", date(2030, 1, 1))
    session = PlanSession.untitled(project)
    copy = session.write_recovery(project)
    assert copy == session.recovery_path and copy.name.startswith("untitled-")
    assert read_recovery(None, session.copy_name).load() == project
    assert read_recovery(None, session.copy_name).plan_path is None


def test_two_plans_never_saved_keep_a_recovery_copy_each_until_each_is_closed(tmp_path):
    first, second = Project("First", date(2030, 1, 1)), Project("Second", date(2031, 1, 1))
    # A copy a crash left under this process id (a later program may be given the same one).
    left_by_a_crash = write_recovery(Project("Crashed", date(2029, 1, 1)), None, f"untitled-{os.getpid()}")
    sessions = PlanSession.untitled(first), PlanSession.untitled(second)
    for session in sessions:
        session.write_recovery(session.project)
    assert sorted(r.load().name for r in find_recoveries()) == ["Crashed", "First", "Second"]
    sessions[0].close()
    assert sorted(r.load().name for r in find_recoveries()) == ["Crashed", "Second"]
    sessions[1].save_as(second, tmp_path / "second.db")  # saved: its copy goes, the crash's stays
    assert [r.copy_path for r in find_recoveries()] == [left_by_a_crash]
    sessions[1].close()


def test_a_recovery_copy_of_a_plan_never_saved_needs_a_name_of_its_own():
    with pytest.raises(ValueError):
        recovery_path_for(None)


def test_recovery_copies_of_different_plans_do_not_collide(tmp_path):
    a, b = tmp_path / "a" / "plan.db", tmp_path / "b" / "plan.db"
    assert recovery_path_for(a) != recovery_path_for(b)
