"""A plan file as format 10 wrote it, before plans kept a secret for their partner copies' bridge ids:
Survey -> [restricted reserve] -> Landing, so a public copy bridges Survey -> Landing. The redact
command, the store's secret keeper and the window's partner export all start from it."""

from __future__ import annotations

import sqlite3
from datetime import date

from ilrs_planner.domain import Classification, Link, Project, Task
from ilrs_planner.store import save_project


def write_secretless_plan(path, name: str = "Weekly plan") -> None:
    """Write the plan above to `path` as a format-10 file: no secret (nor later) column, user_version 10."""
    plan = Project(name, date(2030, 1, 1))
    for key, level in (("survey", Classification.PUBLIC), ("reserve", Classification.RESTRICTED),
                       ("landing", Classification.PUBLIC)):
        plan.add_task(Task(key, key.title(), 10, id=key, position=len(plan.tasks), classification=level))
    plan.add_link(Link("survey", "reserve", id="l1"))
    plan.add_link(Link("reserve", "landing", id="l2"))
    save_project(plan, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("ALTER TABLE signature DROP COLUMN sent_copies")  # format 16's
        conn.execute("ALTER TABLE plan DROP COLUMN partner_texts")  # format 15's
        conn.execute("ALTER TABLE plan DROP COLUMN sent_copies")  # format 14's
        for column in ("moments", "precision"):  # format 13's reading of each baseline entry
            conn.execute(f"ALTER TABLE baseline_entries DROP COLUMN {column}")
        conn.execute("ALTER TABLE plan DROP COLUMN supplied")  # format 12's
        conn.execute("ALTER TABLE plan DROP COLUMN secret")
        conn.execute("PRAGMA user_version = 10")
    finally:
        conn.close()
