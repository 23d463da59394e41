"""Columns read joined into one text each (store/joined_read.py) must come back exactly as rows fetched
one by one would; whatever the joined text cannot account for is read row by row, where the checks
name the bad value as before."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from conftest import build_rich_project, tamper

from ilrs_planner.domain import Link, PlannerError, Project, Task
from ilrs_planner.store import joined_read, open_project, save_project
from ilrs_planner.store.column_read import read_columns
from ilrs_planner.store.joined_read import SEPARATOR, Column, read_joined


def _table(*rows: tuple) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (num INTEGER PRIMARY KEY, name TEXT NOT NULL, size INTEGER, note TEXT) STRICT")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
    return conn


def _query(conn: sqlite3.Connection):
    return lambda sql, parameters: conn.execute(sql, parameters).fetchone()


_COLUMNS = [Column("name", False, False), Column("size", True, True), Column("note", False, True)]


def test_nulls_empty_text_and_extreme_numbers_come_back_as_stored():
    rows = [(-(2**63), "", None, None), (-1, "a,b", 0, ""), (7, "月", 2**63 - 1, "x"), (2**63 - 1, "z", -5, None)]
    conn = _table(*rows)
    assert read_joined(_query(conn), "t", _COLUMNS) == [
        [-(2**63), -1, 7, 2**63 - 1], ["", "a,b", "月", "z"], [None, 0, 2**63 - 1, -5], [None, "", "x", None]]


def test_chunks_of_rows_join_into_the_whole_table(monkeypatch):
    monkeypatch.setattr(joined_read, "CHUNK_ROWS", 3)
    rows = [(n, f"row {n}", n * 2 if n % 4 else None, "") for n in [*range(-4, 4), *range(10, 17, 3)]]
    conn = _table(*rows)
    found = read_joined(_query(conn), "t", _COLUMNS)
    assert found == [list(column) for column in zip(*rows)]


def test_rows_numbered_without_a_gap_come_back_as_a_range():
    conn = _table((5, "a", 1, None), (6, "b", 2, None), (7, "c", 3, None))
    assert read_joined(_query(conn), "t", _COLUMNS)[0] == range(5, 8)
    assert read_joined(_query(_table()), "t", _COLUMNS) == [range(0), [], [], []]


def test_text_holding_the_separator_is_not_joined_and_row_by_row_gives_it_whole(tmp_path):
    conn = _table((1, "plain", 1, None), (2, f"name{SEPARATOR}with{SEPARATOR}separators", 2, None), (3, "last", 3, ""))
    assert read_joined(_query(conn), "t", _COLUMNS) is None
    plan = Project("Three", date(2030, 1, 1))
    for i in range(3):
        plan.add_task(Task(f"t{i}", f"Task {i}", 1, id=f"task-{i}", position=i))
    save_project(plan, tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE tasks SET name = 'Task' || char(31) || '1' WHERE id = 'task-1'")
    conn = sqlite3.connect(tmp_path / "plan.db")
    fetch = lambda sql, parameters: conn.execute(sql, parameters).fetchall()  # noqa: E731
    rowids, ids, names = read_columns(fetch, "tasks", ["id", "name"], query=_query(conn))
    assert (list(rowids), list(ids), list(names)) == ([1, 2, 3], ["task-0", "task-1", "task-2"],
                                                       ["Task 0", f"Task{SEPARATOR}1", "Task 2"])


def test_rowids_that_do_not_ascend_or_values_that_do_not_count_up_are_not_trusted():
    # What SQLite answers: rows, rows with NULL where none may be, rowids, the column.
    def read(answer):
        return read_joined(lambda sql, parameters: answer, "t", [Column("name", False, False)])

    assert read((2, 0, "3,4", f"a{SEPARATOR}b")) == [range(3, 5), ["a", "b"]]
    assert read((2, 0, "4,3", f"a{SEPARATOR}b")) is None  # out of order
    assert read((2, 0, "3,4", "a")) is None  # one value for two rows
    assert read((2, 1, "3,4", f"a{SEPARATOR}b")) is None  # a NULL left out, made up for by a separator


def test_a_value_over_the_length_limit_once_joined_is_read_row_by_row():
    conn = _table(*((n, "n" * 1000, n, None) for n in range(1, 21)))
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10_000)  # 20 names of 1,000 characters join to 20,019
    assert read_joined(_query(conn), "t", _COLUMNS) is None


def test_a_plan_of_long_names_too_long_to_join_opens_as_saved(tmp_path):
    # 1,200 names of 1,000 characters (3,000 bytes each) join to 3.6 MB, past the 1 MiB a value may have.
    plan = Project("Long names", date(2030, 1, 1), id="plan-long")
    for i in range(1200):
        plan.add_task(Task(f"t{i}", f"{i:04}" + "月" * 996, 1, id=f"task-{i:04}", position=i))
    save_project(plan, tmp_path / "plan.db")
    assert open_project(tmp_path / "plan.db") == plan


def test_a_task_name_holding_the_separator_deep_in_a_large_plan_is_refused_naming_its_row(tmp_path):
    plan = Project("Many", date(2030, 1, 1), id="plan-many")
    for i in range(5000):
        plan.add_task(Task(f"t{i}", f"Task {i}", 1, id=f"task-{i:04}", position=i))
    save_project(plan, tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE tasks SET name = 'Task' || char(31) || '4321' WHERE id = 'task-4321'")
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value"
    assert caught.value.subject_ids[1:] == ("tasks", "4322", "name") and "U+001F" in caught.value.message


def test_invalid_utf8_in_a_later_chunk_is_named_by_table_row_and_column(tmp_path, monkeypatch):
    monkeypatch.setattr(joined_read, "CHUNK_ROWS", 2)
    save_project(build_rich_project(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE tasks SET key = CAST(x'4368616e67ff65' AS TEXT) WHERE id = 'task-4'")
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value" and "UTF-8" in caught.value.message
    assert caught.value.subject_ids[1:] == ("tasks", "6", "key")  # the phase is row 1, task-0 row 2


def test_a_rich_plan_read_in_chunks_of_two_rows_with_gaps_opens_as_saved(tmp_path, monkeypatch):
    monkeypatch.setattr(joined_read, "CHUNK_ROWS", 2)
    plan = build_rich_project()
    save_project(plan, tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE links SET num = CASE num WHEN 1 THEN -(1 << 62) "
           "WHEN 4 THEN 9223372036854775807 ELSE num * 1000 END")
    assert open_project(tmp_path / "plan.db") == plan
    plan.links = {"only": Link("task-0", "task-1", id="only")}
    save_project(plan, tmp_path / "plan.db")
    assert open_project(tmp_path / "plan.db") == plan
