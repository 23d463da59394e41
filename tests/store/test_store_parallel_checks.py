"""The integrity and value checks run in a thread beside the reading (store/parallel_checks.py)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from datetime import date

import pytest
from file_surgery import tamper

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import open_project, parallel_checks, reader, save_project
from ilrs_planner.store.header import check_header
from ilrs_planner.store.parallel_checks import checked_in_parallel, file_identity


def _write_fails_with_locked(path) -> None:
    """Another program trying to save into `path` now is refused: the file cannot change."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("UPDATE plan SET name = 'changed meanwhile'")
    finally:
        other.close()


def test_a_value_the_checks_refuse_is_named_even_when_reading_chokes_on_it_first(plan_file, monkeypatch):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", "UPDATE tasks SET kind = 'rocket' WHERE id = 'task-3'")
    read_failed = threading.Event()
    real_check, real_read = parallel_checks.check_integrity, reader._read

    def check_after_the_read_failed(*args):
        assert read_failed.wait(30)
        real_check(*args)

    def read_noting_its_failure(*args):
        try:
            return real_read(*args)
        finally:
            read_failed.set()

    monkeypatch.setattr(parallel_checks, "check_integrity", check_after_the_read_failed)
    monkeypatch.setattr(reader, "_read", read_noting_its_failure)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.bad_value"
    assert "table tasks" in caught.value.message and "column kind" in caught.value.message
    assert "'rocket'" in caught.value.message


def test_the_file_cannot_change_between_the_reading_and_the_checking_connections(plan_file, monkeypatch):
    real_open = parallel_checks.open_readonly
    tried = []

    def open_after_trying_to_save(path, size, watched=True):
        _write_fails_with_locked(path)  # the reading connection holds its lock already
        tried.append(path)
        return real_open(path, size, watched)

    monkeypatch.setattr(parallel_checks, "open_readonly", open_after_trying_to_save)
    assert open_project(plan_file).name != "changed meanwhile" and tried
    tamper(plan_file, "UPDATE plan SET name = 'changed since'")  # the locks went with the open
    assert open_project(plan_file).name == "changed since"


def test_a_plan_saved_over_the_file_while_it_is_opened_is_refused(plan_file, monkeypatch):
    other = Project("Another plan", date(2031, 1, 1))
    other.add_task(Task("x", "Other task", 3))
    real_open = parallel_checks.open_readonly

    def open_after_a_save_over_it(path, size, watched=True):
        save_project(other, path)  # a fresh file renamed onto the name
        return real_open(path, size, watched)

    monkeypatch.setattr(parallel_checks, "open_readonly", open_after_a_save_over_it)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.io" and "changed while it was being opened" in caught.value.message


def test_checks_still_running_at_the_deadline_are_stopped_and_refuse_the_file(tmp_path, rich_project, monkeypatch):
    for i in range(2000):
        rich_project.add_task(Task(f"x{i}", f"Task {i}", 1))
    path = tmp_path / "plan.db"
    save_project(rich_project, path)

    def endless(conn, *args):  # far more rows than any machine joins in a second
        conn.execute("SELECT count(*) FROM tasks a, tasks b, tasks c, tasks d").fetchone()

    monkeypatch.setattr(parallel_checks, "check_integrity", endless)
    deadline = time.monotonic() + 0.5
    with pytest.raises(PlannerError) as caught, checked_in_parallel(path, check_header(path), file_identity(path),
                                                                    deadline):
        pass
    assert caught.value.code == "store.too_large" and "time budget" in caught.value.message
    assert not [t for t in threading.enumerate() if t.name == "plan file checks"]


def test_opening_leaves_no_thread_or_lock_behind(plan_file):
    before = threading.active_count()
    open_project(plan_file)
    assert threading.active_count() == before
    tamper(plan_file, "UPDATE plan SET name = 'saved after'")
    assert open_project(plan_file).name == "saved after"
    assert os.listdir(plan_file.parent) == ["plan.db"]


def test_an_open_interrupted_by_the_user_stops_its_checks_at_once(tmp_path, rich_project, monkeypatch):
    for i in range(2000):
        rich_project.add_task(Task(f"x{i}", f"Task {i}", 1))
    path = tmp_path / "plan.db"
    save_project(rich_project, path)
    checking = threading.Event()

    def endless(conn, *args):
        checking.set()
        conn.execute("SELECT count(*) FROM tasks a, tasks b, tasks c, tasks d").fetchone()

    def interrupted_read(*args):
        assert checking.wait(30)
        raise KeyboardInterrupt

    monkeypatch.setattr(parallel_checks, "check_integrity", endless)
    monkeypatch.setattr(reader, "_read", interrupted_read)
    with pytest.raises(KeyboardInterrupt):
        open_project(path)  # not waiting for the endless check, nor for the time budget
    assert not [t for t in threading.enumerate() if t.name == "plan file checks"]
