"""Files from outside are untrusted: anything not a sound plan is refused, unread, with a code naming it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from file_surgery import patch_bytes, query_one, tamper

from ilrs_planner.cli import main
from ilrs_planner.domain import PlannerError, Task
from ilrs_planner.store import limits, open_project, save_project
from ilrs_planner.store.connection import open_readonly


def refused(path: Path, code: str, *words: str) -> PlannerError:
    """Opening `path` fails with `code`, the message names every word, and the file is untouched."""
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    error = caught.value
    assert error.code == code, error
    for word in words:
        assert word in error.message, (word, error.message)
    if before is not None:
        assert path.read_bytes() == before
    return error


# -- objects a plan never has ----------------------------------------------------------------------

def test_a_trigger_that_would_write_elsewhere_is_refused_and_never_fires(plan_file):
    tamper(plan_file, "CREATE TABLE stolen (what TEXT)",
           "CREATE TRIGGER exfiltrate AFTER INSERT ON tasks BEGIN "
           "INSERT INTO stolen SELECT notes FROM tasks; DELETE FROM plan; END")
    error = refused(plan_file, "store.untrusted_schema", "trigger 'exfiltrate'", "table 'stolen'")
    assert "exfiltrate" in error.subject_ids
    assert query_one(plan_file, "SELECT count(*) FROM plan") == (1,)


def test_a_view_shadowing_a_table_is_refused(plan_file):
    tamper(plan_file, "ALTER TABLE participants RENAME TO real_participants",
           "CREATE VIEW participants AS SELECT * FROM real_participants WHERE 0")
    refused(plan_file, "store.untrusted_schema", "view 'participants'", "table 'real_participants'")


def test_an_extra_table_is_refused(plan_file):
    tamper(plan_file, "CREATE TABLE extra (x)")
    refused(plan_file, "store.untrusted_schema", "table 'extra'")


def test_an_extra_index_is_refused(plan_file):
    tamper(plan_file, "CREATE INDEX by_name ON tasks (name)")
    refused(plan_file, "store.untrusted_schema", "index 'by_name' on table 'tasks'")


def test_a_table_with_other_columns_is_refused(plan_file):
    tamper(plan_file, "ALTER TABLE tasks ADD COLUMN payload TEXT DEFAULT 'x'")
    refused(plan_file, "store.untrusted_schema", "table 'tasks' differs")


def test_a_hardened_connection_allows_nothing_but_reading_tables(plan_file):
    tamper(plan_file, "CREATE VIEW v AS SELECT name FROM tasks")
    conn = open_readonly(plan_file, plan_file.stat().st_size)
    try:
        for statement in ("DELETE FROM tasks", "SELECT name FROM v", "ATTACH ':memory:' AS other",
                          "PRAGMA writable_schema = ON", "SELECT load_extension('x')", "PRAGMA journal_mode = WAL"):
            with pytest.raises(sqlite3.DatabaseError):
                conn.execute(statement).fetchall()
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] > 0
    finally:
        conn.close()


# -- not a plan, or not whole ----------------------------------------------------------------------

def test_random_bytes_are_not_a_plan(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(8192))
    refused(path, "store.not_a_plan", "not a plan file")


def test_an_empty_file_is_not_a_plan(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    refused(path, "store.not_a_plan", "empty")


def test_a_text_file_is_not_a_plan(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("ID,Name,Duration\n1,Chang'e 7,30d\n", encoding="utf-8")
    refused(path, "store.not_a_plan", "not an SQLite database")


def test_another_programs_database_is_not_a_plan(tmp_path):
    path = tmp_path / "other.db"
    tamper(path, "CREATE TABLE tasks (id)")
    refused(path, "store.not_a_plan", "another program", "0x00000000")


def test_a_wrong_application_id_is_not_a_plan(plan_file):
    tamper(plan_file, "PRAGMA application_id = 42")
    refused(plan_file, "store.not_a_plan", "0x0000002a")


def test_a_newer_schema_version_is_refused_not_damaged(plan_file):
    tamper(plan_file, "PRAGMA user_version = 99")
    refused(plan_file, "store.newer_schema", "newer version", "99")


def test_a_write_ahead_log_file_is_refused(plan_file):
    tamper(plan_file, "PRAGMA journal_mode = WAL")
    refused(plan_file, "store.not_a_plan", "write-ahead log")


def test_a_truncated_file_is_corrupt(plan_file):
    data = plan_file.read_bytes()
    plan_file.write_bytes(data[: len(data) // 2])
    refused(plan_file, "store.corrupt", "truncated")


def test_a_file_cut_inside_its_header_is_corrupt(plan_file):
    plan_file.write_bytes(plan_file.read_bytes()[:50])
    refused(plan_file, "store.corrupt", "truncated", "50 bytes")


def test_an_absurd_page_size_is_corrupt(plan_file):
    patch_bytes(plan_file, 16, (4660).to_bytes(2, "big"))
    refused(plan_file, "store.corrupt", "page size 4660")


def test_a_damaged_page_is_corrupt(plan_file):
    page_size = int.from_bytes(plan_file.read_bytes()[16:18], "big")
    patch_bytes(plan_file, page_size * 2 + 8, os.urandom(64))  # inside the third page's b-tree cells
    refused(plan_file, "store.corrupt", "damaged")


def test_a_missing_file_or_a_folder_is_a_store_io_error(tmp_path):
    refused(tmp_path / "nowhere.db", "store.io", "nowhere.db")
    refused(tmp_path, "store.io", "folder")


# -- sizes -----------------------------------------------------------------------------------------

def test_a_zip_bomb_of_rows_is_refused_by_count(plan_file):
    bound = limits.MAX_ROWS["participants"]
    tamper(plan_file, f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {bound}) "
           f"INSERT INTO participants (id, key, name, kind, joined_precision, source_url, notes, color) "
           f"SELECT 'p' || i, '', '', 'country', 'day', '', '', '' FROM n")
    refused(plan_file, "store.too_large", "participants", f"{bound:,}")


def test_rows_no_save_would_write_are_refused_though_each_table_is_within_its_bound(plan_file):
    # Each table's own bound allows ten million rows together, which took gigabytes to open.
    entries = limits.MAX_PLAN_ROWS  # with the plan's own rows, one table's worth is over the bound
    assert entries <= limits.MAX_ROWS["baseline_entries"]
    tamper(plan_file, f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {entries}) "
           "INSERT INTO baseline_entries (baseline, task_id, start, finish) "
           "SELECT (SELECT min(num) FROM baselines), 'gone-' || i, '2030-01-01', '2030-02-01' FROM n")
    refused(plan_file, "store.too_large", "baseline entries together", f"at most {limits.MAX_PLAN_ROWS:,}")
    assert main(["baselines", str(plan_file)]) == 2


def test_a_file_over_the_size_bound_is_refused_before_reading(plan_file, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", plan_file.stat().st_size - 1)
    refused(plan_file, "store.too_large", f"{plan_file.stat().st_size:,} bytes")


def test_a_100_mb_text_field_is_refused_quickly_with_bounded_memory(plan_file):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON",
           "UPDATE tasks SET notes = CAST(zeroblob(100000000) AS TEXT) WHERE id = 'task-4'")
    num = _num(plan_file, "task-4")
    refused(plan_file, "store.too_large", "table tasks", f"row {num}", "column notes")
    # In a fresh process: the peak memory stays far below the 100 MB the field would take.
    script = textwrap.dedent(f"""
        import re
        from ilrs_planner.domain import PlannerError
        from ilrs_planner.store import open_project
        try:
            open_project({str(plan_file)!r})
        except PlannerError as error:
            print(error.code)
        # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec.
        print(re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read())[1])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "store.too_large"
    assert int(out[1]) < 80_000, f"peak RSS {out[1]} KiB: the 100 MB value was loaded"


# -- values ----------------------------------------------------------------------------------------

def _num(path: Path, task_id: str) -> int:
    return query_one(path, "SELECT num FROM tasks WHERE id = ?", (task_id,))[0]


@pytest.mark.parametrize("column, value", [("deadline", "0001-01-01"), ("actual_start", "9999-12-31"),
                                           ("constraint_date", "2030-02-30"), ("kind", "spaceship"),
                                           ("percent_complete", 250), ("duration", -5), ("precision", "decade")])
def test_a_value_breaking_a_rule_is_named_by_table_row_and_column(plan_file, column, value):
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON",
           f"UPDATE tasks SET {column} = ? WHERE id = 'task-5'", params=(value,))
    refused(plan_file, "store.bad_value", "table tasks", f"row {_num(plan_file, 'task-5')}", f"column {column}",
            str(value))


def test_invalid_utf8_is_named_by_table_row_and_column(plan_file):
    tamper(plan_file, "UPDATE tasks SET name = CAST(x'4368616e67ff65' AS TEXT) WHERE id = 'task-2'")
    refused(plan_file, "store.bad_value", "table tasks", f"row {_num(plan_file, 'task-2')}", "column name", "UTF-8")


def test_a_wrongly_typed_value_is_refused(plan_file):
    tamper(plan_file, "PRAGMA writable_schema = ON",
           "UPDATE sqlite_master SET sql = replace(sql, ') STRICT', ')') WHERE name = 'links'")
    tamper(plan_file, "PRAGMA ignore_check_constraints = ON", "UPDATE links SET lag = 'soon' WHERE id = 'link-1'")
    tamper(plan_file, "PRAGMA writable_schema = ON",
           "UPDATE sqlite_master SET sql = sql || ' STRICT' WHERE name = 'links'")
    refused(plan_file, "store.bad_value", "table links", "column lag")


def test_a_dangling_reference_is_named(plan_file):
    tamper(plan_file, "UPDATE tasks SET owner = 999 WHERE id = 'task-1'")
    refused(plan_file, "store.bad_value", "table tasks", "column owner", "999")
    tamper(plan_file, "UPDATE tasks SET owner = NULL", "UPDATE links SET succ = 4242 WHERE id = 'link-0'")
    refused(plan_file, "store.bad_value", "table links", "column succ", "4242")


def test_a_wbs_loop_is_refused(plan_file):
    phase, four = _num(plan_file, "task-phase"), _num(plan_file, "task-4")
    tamper(plan_file, f"UPDATE tasks SET parent = {four} WHERE num = {phase}")
    refused(plan_file, "store.bad_value", "column parent", "under themselves", "phase-1")


def test_a_task_that_is_its_own_parent_is_refused_even_with_gaps_in_the_row_numbers(plan_file):
    # Row numbers with gaps: the WBS check works on positions in file order, not on numbers.
    tamper(plan_file, "UPDATE tasks SET num = num * 7 + 1000, parent = parent * 7 + 1000",
           "UPDATE links SET pred = pred * 7 + 1000, succ = succ * 7 + 1000")
    phase = _num(plan_file, "task-phase")
    tamper(plan_file, f"UPDATE tasks SET parent = {phase} WHERE num = {phase}")
    refused(plan_file, "store.bad_value", "column parent", "under themselves", "phase-1 → phase-1")


def test_renumbered_rows_still_open_as_the_same_plan(plan_file):
    before = open_project(plan_file)
    tamper(plan_file, "UPDATE tasks SET num = num * 7 + 1000, parent = parent * 7 + 1000",
           "UPDATE links SET pred = pred * 7 + 1000, succ = succ * 7 + 1000")
    assert open_project(plan_file) == before


def test_duplicate_ids_are_refused(plan_file):
    tamper(plan_file, "UPDATE links SET id = 'link-0' WHERE id = 'link-2'")
    refused(plan_file, "store.bad_value", "table links", "column id", "link-0")


def test_a_file_without_its_plan_row_is_refused(plan_file):
    tamper(plan_file, "DELETE FROM plan")
    refused(plan_file, "store.bad_value", "table plan")


def test_checking_stops_at_the_time_budget(tmp_path, rich_project, monkeypatch):
    for i in range(2000):  # enough rows that checking takes many SQLite steps
        rich_project.add_task(Task(f"x{i}", f"Task {i}", 1))
    path = tmp_path / "plan.db"
    save_project(rich_project, path)
    monkeypatch.setattr(limits, "time_budget", lambda size: -1.0)  # already past it
    refused(path, "store.too_large", "time budget")


def test_a_file_we_may_not_read_is_a_store_io_error(plan_file, monkeypatch):
    from ilrs_planner.store import header

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(plan_file))

    monkeypatch.setattr(header, "open", denied, raising=False)  # as for a file of another user
    refused(plan_file, "store.io", "Permission denied", "plan.db")
