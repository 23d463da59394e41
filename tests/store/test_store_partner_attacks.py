"""A partner's plan crafted to hurt: each is refused with the code that names its problem, or opens
as data, and neither it nor the planner's own plan beside it changes.

Each case is one file a hostile partner could send: schema tricks (a generated column, a default
that loads a library, a table without row ids or without its rules, SQLite's statistics tables),
header lies (a page count or free-list past the file, a UTF-16 flag), impossible dates and
integers, text that is not UTF-8, SQL in names, and side files linked to the planner's own plan.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
from pathlib import Path

import pytest
from file_surgery import patch_bytes, tamper

from ilrs_planner.cli import main
from ilrs_planner.domain import PlannerError
from ilrs_planner.store import open_project, save_project


def _rewrite_table(table: str, old: str, new: str):
    """Edit a table's CREATE statement in sqlite_master, as any SQLite tool with writable_schema can."""
    def apply(path: Path) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert old in sql
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql.replace(old, new), table))
        finally:
            conn.close()
    return apply


def _sql(*statements: str):
    return lambda path: tamper(path, "PRAGMA ignore_check_constraints = ON", *statements)


def _header(offset: int, data: bytes):
    return lambda path: patch_bytes(path, offset, data)


ATTACKS = {
    # Schema tricks: SQLite would run these expressions on every read.
    "generated column": (_rewrite_table("tasks", "notes TEXT NOT NULL",
                                        "notes TEXT NOT NULL GENERATED ALWAYS AS (randomblob(1000000000)) VIRTUAL"),
                         "store.corrupt", "non-deterministic"),
    "default loading a library": (_rewrite_table("tasks", "notes TEXT NOT NULL",
                                                 "notes TEXT NOT NULL DEFAULT (load_extension('/tmp/x'))"),
                                  "store.untrusted_schema", "tasks"),
    "table without row ids": (_rewrite_table("plan", ") STRICT", ") STRICT, WITHOUT ROWID"),
                              "store.untrusted_schema", "plan"),
    "table without its rules": (_rewrite_table("tasks", ") STRICT", ")"), "store.untrusted_schema", "tasks"),
    "statistics tables": (_sql("ANALYZE"), "store.untrusted_schema", "sqlite_stat1"),
    # Header lies.
    "page count past the file": (_header(28, struct.pack(">I", 0x7FFFFFFF)), "store.corrupt", ""),
    "free list past the file": (_header(36, struct.pack(">I", 0x7FFFFFFF)), "store.corrupt", "freelist"),
    "free list into a table page": (_header(32, struct.pack(">I", 2)), "store.corrupt", "freelist"),
    "UTF-16 text flag": (_header(56, struct.pack(">I", 2)), "store.not_a_plan", ""),
    "schema version 0": (_sql("PRAGMA user_version = 0"), "store.corrupt", ""),
    "negative schema version": (_sql("PRAGMA user_version = -1"), "store.corrupt", ""),
    "old version, new tables": (_sql("PRAGMA user_version = 1"), "store.untrusted_schema", ""),
    # Values no plan holds.
    "31 February": (_sql("UPDATE tasks SET deadline = '2026-02-31' WHERE key = 't1'"), "store.bad_value", "deadline"),
    "29 February 2027": (_sql("UPDATE tasks SET deadline = '2027-02-29' WHERE key = 't1'"),
                         "store.bad_value", "deadline"),
    "month 13": (_sql("UPDATE tasks SET actual_start = '2026-13-01' WHERE key = 't1'"),
                 "store.bad_value", "actual_start"),
    "date without its zeros": (_sql("UPDATE plan SET start = '2026-2-3'"), "store.bad_value", "start"),
    "date after a space": (_sql("UPDATE plan SET start = ' 2026-02-03'"), "store.bad_value", "start"),
    "year 10000": (_sql("UPDATE plan SET start = '+10000-01-01'"), "store.bad_value", "start"),
    "largest integer duration": (_sql("UPDATE tasks SET duration = 9223372036854775807 WHERE key = 't1'"),
                                 "store.bad_value", "duration"),
    "smallest integer lag": (_sql("UPDATE links SET lag = -9223372036854775808"), "store.bad_value", "lag"),
    "a trillion per cent": (_sql("UPDATE tasks SET percent_complete = 1000000000000"),
                            "store.bad_value", "percent_complete"),
    "NUL inside notes": (_sql("UPDATE tasks SET notes = 'a' || char(0) || 'b' WHERE key = 't1'"),
                         "store.bad_value", "notes"),
    "UTF-8 of a surrogate": (_sql("UPDATE tasks SET name = CAST(x'eda080' AS TEXT) WHERE key = 't1'"),
                             "store.bad_value", "name"),
    "overlong UTF-8": (_sql("UPDATE tasks SET name = CAST(x'c0af' AS TEXT) WHERE key = 't1'"),
                       "store.bad_value", "name"),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def own_plan(tmp_path, rich_project) -> Path:
    """The planner's own plan, in the folder the partner's file was saved to."""
    path = tmp_path / "own.db"
    save_project(rich_project, path)
    return path


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_crafted_partner_file_is_refused_naming_its_problem(plan_file, own_plan, attack):
    craft, code, named = ATTACKS[attack]
    craft(plan_file)
    before, own = _digest(plan_file), _digest(own_plan)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == code and named in caught.value.message, caught.value
    assert (_digest(plan_file), _digest(own_plan)) == (before, own)


def test_sql_in_names_is_kept_as_text(plan_file):
    name, key = "x'); DROP TABLE tasks; --", "' OR 1=1; ATTACH DATABASE '/tmp/evil' AS e; --"
    tamper(plan_file, "UPDATE tasks SET name = ?, key = ? WHERE key = 't1'", params=(name, key))
    task = open_project(plan_file).tasks["task-1"]
    assert (task.name, task.key) == (name, key)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_side_file_linked_to_the_planners_own_plan_is_refused_and_the_plan_untouched(plan_file, own_plan, suffix):
    os.symlink(own_plan, str(plan_file) + suffix)
    own = _digest(own_plan)
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.side_files" and f"plan.db{suffix}" in caught.value.message
    assert _digest(own_plan) == own


def test_an_in_use_marker_linked_to_the_planners_own_plan_is_never_written_through(plan_file, own_plan, capsys):
    marker = Path(str(plan_file) + ".lock")
    os.symlink(own_plan, marker)
    own = _digest(own_plan)
    key_dir = plan_file.parent / "keys"
    assert main(["keygen", "--name", "Probe", "-o", str(key_dir)]) == 0
    # `sign` opens the plan for writing, which marks it in use: the link reads as someone's marker.
    assert main(["sign", str(plan_file), "--key", str(key_dir / "probe.key")]) == 2
    assert "store.in_use" in capsys.readouterr().err
    assert _digest(own_plan) == own and marker.is_symlink()
