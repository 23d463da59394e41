"""Save then open gives back the same plan, field for field; saving is careful with the file."""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.domain import Link, PlannerError, Project, Task, TaskKind
from ilrs_planner.store import APPLICATION_ID, CURRENT_VERSION, open_project, save_project


def test_every_field_of_every_object_survives_a_round_trip(tmp_path, rich_project):
    path = tmp_path / "plan.db"
    save_project(rich_project, path)
    loaded = open_project(path)
    assert loaded == rich_project  # dataclass equality: every field of the plan and its objects
    for task_id, task in rich_project.tasks.items():
        assert loaded.tasks[task_id] == task, task.key
    assert list(loaded.tasks) == list(rich_project.tasks)  # order kept
    assert [b.name for b in loaded.baselines] == ["2021 roadmap", "2024 plan"]
    assert loaded.baselines[0].entries["task-deleted-long-ago"] == (date(2029, 1, 1), date(2029, 1, 1))
    assert loaded.baselines[1].prev_hash == "ab" * 32
    assert loaded.signature == rich_project.signature
    assert loaded.tasks["task-0"].notes == "ünïcødé\tand a tab\nand a second line"


def test_an_empty_plan_round_trips(tmp_path):
    project = Project("Empty", date(2030, 1, 1))
    save_project(project, tmp_path / "e.db")
    assert open_project(tmp_path / "e.db") == project


def test_the_file_is_marked_as_ours_without_wal(plan_file):
    header = plan_file.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert struct.unpack_from(">I", header, 68)[0] == APPLICATION_ID
    assert struct.unpack_from(">i", header, 60)[0] == CURRENT_VERSION
    assert header[18:20] == b"\x01\x01"  # rollback journal, never WAL
    assert not [p for p in plan_file.parent.iterdir() if p.name != plan_file.name]  # no side files


def test_opening_never_modifies_the_file(plan_file):
    os.utime(plan_file, ns=(1_000_000_000, 1_000_000_000))
    before, stat_before = plan_file.read_bytes(), plan_file.stat()
    open_project(plan_file)
    open_project(plan_file)
    assert plan_file.read_bytes() == before
    assert plan_file.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["plan.db"]


def test_opening_a_read_only_file_works(plan_file):
    plan_file.chmod(0o444)
    assert open_project(plan_file).name.startswith("ILRS roadmap")


def test_deleted_data_does_not_survive_in_the_saved_file(tmp_path, rich_project):
    path = tmp_path / "plan.db"
    secret = rich_project.add_task(Task("secret", "SECRET-LANDING-SITE-XYZ", 5, notes="EYES-ONLY-NOTE"))
    save_project(rich_project, path)
    assert b"SECRET-LANDING-SITE-XYZ" in path.read_bytes()
    del rich_project.tasks[secret.id]
    save_project(rich_project, path)
    data = path.read_bytes()
    assert b"SECRET-LANDING-SITE-XYZ" not in data and b"EYES-ONLY-NOTE" not in data


def test_saving_through_a_symlink_replaces_the_file_it_points_to(tmp_path, rich_project):
    real = tmp_path / "real.db"
    save_project(Project("old", date(2030, 1, 1)), real)
    link = tmp_path / "link.db"
    link.symlink_to(real)
    save_project(rich_project, link)
    assert link.is_symlink()
    assert open_project(real) == rich_project


def _refused_save(project, path) -> PlannerError:
    before = path.read_bytes()
    with pytest.raises(PlannerError) as caught:
        save_project(project, path)
    assert path.read_bytes() == before, "a refused save must leave the old file as it was"
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file is left behind"
    return caught.value


def test_a_negative_duration_is_refused_by_name_and_the_old_file_kept(plan_file, rich_project):
    rich_project.tasks["task-2"].duration = -4
    error = _refused_save(rich_project, plan_file)
    assert error.code == "task.negative_duration" and "'t2'" in error.message


@pytest.mark.parametrize("field, value, words", [
    ("percent_complete", 140, ["percent_complete", "140"]),
    ("deadline", date(1, 1, 1), ["deadline", "0001"]),
    ("actual_start", date(9999, 12, 31), ["actual_start", "9999"]),
    ("deadline", "2030-01-01", ["not a date"]),
    ("kind", "spaceship", ["kind", "spaceship"]),
    ("name", None, ["name"]),
    ("notes", "x" * 100_001, ["notes"]),
    ("duration", 2.5, ["duration", "2.5"]),
])
def test_a_value_a_file_cannot_hold_is_refused_naming_task_and_field(plan_file, rich_project, field, value, words):
    setattr(rich_project.tasks["task-3"], field, value)
    error = _refused_save(rich_project, plan_file)
    assert error.code == "task.bad_value"
    assert "task 't3'" in error.message and all(word in error.message for word in words), error.message


def _chain_of(count: int) -> Project:
    plan = Project("chain", date(2030, 1, 1))
    tasks = [plan.add_task(Task(f"c{i}", f"step {i}", 5, id=f"c-{i}")) for i in range(1, count + 1)]
    for a, b in zip(tasks, tasks[1:]):
        plan.add_link(Link(a.id, b.id, id=f"l-{b.key}"))
    return plan


# Rows go to SQLite many at a time; the refused one is still named, wherever it sits among them.
@pytest.mark.parametrize("number", [1, 32, 33, 45, 64, 65, 72, 73, 99, 100])
def test_a_refused_row_among_many_is_named_exactly(tmp_path, number):
    plan = _chain_of(100)
    save_project(plan, tmp_path / "plan.db")
    plan.tasks[f"c-{number}"].kind = "spaceship"
    error = _refused_save(plan, tmp_path / "plan.db")
    assert error.code == "task.bad_value" and f"task 'c{number}'" in error.message and "spaceship" in error.message
    plan.tasks[f"c-{number}"].kind = TaskKind.TASK
    plan.links[f"l-c{max(number, 2)}"].lag = 200_000
    error = _refused_save(plan, tmp_path / "plan.db")
    assert error.code == "store.bad_value" and f"c{max(number, 2) - 1} → c{max(number, 2)}" in error.message
    assert "200000" in error.message


def test_references_to_missing_objects_are_refused_before_writing(plan_file, rich_project):
    rich_project.add_link(Link("task-1", "no-such-task"))
    assert _refused_save(rich_project, plan_file).code == "link.unknown_task"


def test_a_wbs_loop_is_refused_naming_the_tasks(plan_file, rich_project):
    rich_project.tasks["task-phase"].parent_id = "task-4"
    rich_project.tasks["task-4"].parent_id = "task-phase"
    error = _refused_save(rich_project, plan_file)
    assert error.code == "task.parent_cycle" and "phase-1" in error.message and "t4" in error.message


def test_a_parent_made_after_its_children_saves_and_a_task_under_itself_is_refused(plan_file):
    plan = Project("order", date(2030, 1, 1))
    child = plan.add_task(Task("c", "child", 3, id="child"))
    deeper = plan.add_task(Task("d", "deeper", 2, id="deeper"))
    plan.add_task(Task("p", "parent made last", 0, TaskKind.PHASE, id="parent"))
    child.parent_id, deeper.parent_id = "parent", "child"  # moved under tasks made after them: no loop
    save_project(plan, plan_file)
    reopened = open_project(plan_file)
    assert reopened.tasks["child"].parent_id == "parent" and reopened.tasks["deeper"].parent_id == "child"
    plan.tasks["parent"].parent_id = "parent"
    error = _refused_save(plan, plan_file)
    assert error.code == "task.parent_cycle" and "p → p" in error.message


def test_an_unknown_owner_is_refused(plan_file, rich_project):
    rich_project.tasks["task-1"].owner_id = "nobody"
    error = _refused_save(rich_project, plan_file)
    assert error.code == "task.bad_value" and "'t1'" in error.message and "owner" in error.message


def test_saving_where_it_cannot_write_is_a_store_io_error(tmp_path, rich_project):
    with pytest.raises(PlannerError) as caught:
        save_project(rich_project, tmp_path / "missing-folder" / "plan.db")
    assert caught.value.code == "store.io" and "missing-folder" in caught.value.message
    with pytest.raises(PlannerError) as caught:
        save_project(rich_project, tmp_path)
    assert caught.value.code == "store.io" and "folder" in caught.value.message


def test_the_schema_uses_foreign_keys_and_check_constraints(plan_file):
    conn = sqlite3.connect(plan_file)
    try:
        links_fks = {row[3]: row[2] for row in conn.execute("PRAGMA foreign_key_list(links)")}
        assert links_fks == {"pred": "tasks", "succ": "tasks"}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError, match="task_percent_complete"):
            conn.execute("UPDATE tasks SET percent_complete = 101")
    finally:
        conn.close()


def test_a_deep_wbs_is_no_loop(tmp_path):
    project = Project("Deep", date(2030, 1, 1))
    parent_id = None
    for level in range(150):  # deeper than any real WBS, past the fast level-by-level pass
        parent_id = project.add_task(Task(f"L{level}", f"Level {level}", 1, parent_id=parent_id)).id
    save_project(project, tmp_path / "deep.db")
    assert open_project(tmp_path / "deep.db") == project


def test_a_full_disk_during_save_is_a_store_io_error_and_the_old_file_stays(plan_file):
    # A file-size limit stands in for a full disk: writes past it fail with EFBIG.
    script = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from conftest import build_rich_project
        from ilrs_planner.domain import PlannerError, Task
        from ilrs_planner.store import save_project
        project = build_rich_project()
        for i in range(3000):
            project.add_task(Task(f"x{{i}}", "filler " * 20, 1))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, resource.RLIM_INFINITY))
        try:
            save_project(project, {str(plan_file)!r})
        except PlannerError as error:
            print(error.code, error.message)
    """)
    before = plan_file.read_bytes()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.startswith("store.io") and "plan.db" in out, out
    assert plan_file.read_bytes() == before
    assert [p.name for p in plan_file.parent.iterdir()] == ["plan.db"]


def test_any_file_name_works(tmp_path, rich_project):
    path = tmp_path / "plan #1 ?&mode=rw% 月球.db"
    save_project(rich_project, path)
    assert open_project(path) == rich_project
