"""Deadlines in files written before a deadline meant "finished by the end of its day" are kept as stored.

Until the date convention was fixed, the scheduler let a task's exclusive finish reach its deadline, so
a task finished a day before it; now the deadline is MS Project's, the last day by whose end the task
must be finished. The schema version did not change with it (files of version 1 were written under
both readings), and a deadline was stored as people meant it ("by 2035" as 2035-12-31, the tree's
Deadline column as typed), so an older file's deadlines are read as stored, under today's meaning,
and never rewritten: the file's bytes, and the signature made over them, stay as they were.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import date
from pathlib import Path

from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import open_project, save_project

OLD = Path(__file__).parent / "data" / "roadmap-schema-v1.db"  # written before the convention changed


def _stored_deadlines(path: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return dict(conn.execute("SELECT key, deadline FROM tasks WHERE deadline IS NOT NULL"))


def test_an_old_files_deadlines_read_as_stored_and_save_unchanged(tmp_path):
    stored = _stored_deadlines(OLD)
    assert stored["lanyue"] == "2030-12-31" and stored["ilrs-basic"] == "2035-12-31"
    project = open_project(OLD)
    assert {t.key: t.deadline.isoformat() for t in project.tasks.values() if t.deadline} == stored
    save_project(project, tmp_path / "saved.db")
    assert _stored_deadlines(tmp_path / "saved.db") == stored


def test_an_old_files_task_deadline_means_the_end_of_its_day(tmp_path):
    # Lanyue (1,793 days, last day 2030-07-03) given a deadline of 2030-07-01 in the old file: finished by
    # the end of 07-01, so its latest exclusive finish is 07-02 and it is two days late (it was read as
    # three before, when the exclusive finish could only reach 07-01).
    path = tmp_path / "old.db"
    shutil.copy(OLD, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE tasks SET deadline = '2030-07-01' WHERE key = 'lanyue'")
    project = open_project(path)
    lanyue = project.task_by_key("lanyue")
    assert lanyue.deadline == date(2030, 7, 1)
    dates = schedule(dataclasses.replace(project, status_date=None)).tasks[lanyue.id]
    assert (dates.early_finish, dates.late_finish, dates.total_float) == (date(2030, 7, 4), date(2030, 7, 2), -2)
