"""Crafting saved plan files as an attacker would, for the store tests.

A module of its own, not the conftest: tests import these by name, and two test folders' conftest
modules both import as `conftest`, so `from conftest import` found the other folder's when the two
folders ran in one pytest command.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def tamper(path: Path, *statements: str, params: tuple = ()) -> None:
    """Run SQL on a saved plan as an attacker would (any SQLite tool can)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())
    finally:
        conn.close()


def patch_bytes(path: Path, offset: int, data: bytes) -> None:
    """Overwrite bytes of a file in place."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def query_one(path: Path, sql: str, params: tuple = ()) -> tuple:
    """One row of a query on a plan file, read with plain SQLite."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


# What migration 16 added (what a signature covers of the record of copies sent), dropped to make a version 15 file.
DROP_V16 = ("ALTER TABLE signature DROP COLUMN sent_copies",)
# What migrations 15 and later added (the plan's record of the texts partners wrote), dropped to make a version 14
# file.
DROP_V15 = (*DROP_V16, "ALTER TABLE plan DROP COLUMN partner_texts")
# What migrations 14 and later added (the plan's record of the partner copies written), dropped to make a
# version 13 file.
DROP_V14 = (*DROP_V15, "ALTER TABLE plan DROP COLUMN sent_copies")
# What migrations 13 and later added (how each baseline entry was read when taken), dropped to make a version 12 file.
DROP_V13 = (*DROP_V14, "ALTER TABLE baseline_entries DROP COLUMN moments",
            "ALTER TABLE baseline_entries DROP COLUMN precision")
# What migrations 12 and later added (the names merges brought in), dropped to make a file as version 11 wrote it.
DROP_V12 = (*DROP_V13, "ALTER TABLE plan DROP COLUMN supplied")
# What migrations 11 and later added (the plan's secret), dropped to make a file as version 10 wrote it.
DROP_V11 = (*DROP_V12, "ALTER TABLE plan DROP COLUMN secret")
# What migrations 10 and later added (the plan's Must finish by), dropped to make a file as version 9 wrote it.
DROP_V10 = (*DROP_V11, "ALTER TABLE plan DROP COLUMN must_finish_by")
# What migrations 9 and later added (what makes a plan a partner copy), dropped to make a file as
# version 8 wrote it.
DROP_V9 = (*DROP_V10, "ALTER TABLE plan DROP COLUMN partner_without_notes",
           "ALTER TABLE plan DROP COLUMN partner_level")
# What migrations 8 and later added (a manual task's start), dropped to make a file as version 7 wrote it.
DROP_V8 = (*DROP_V9, "ALTER TABLE tasks DROP COLUMN manual_start_at_day_end",
           "ALTER TABLE tasks DROP COLUMN manual_start")
