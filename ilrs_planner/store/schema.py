"""The plan file schema: numbered migrations, the version in `PRAGMA user_version`.

A fresh file is made by running every migration in order, so the tables of any version N are
exactly what migrations 1..N produce. The reader recomputes that expected schema in memory and
compares it with a file's `sqlite_master`, which is how anything added by a third party is found.

The migrations are numbered in store/migrations.py. Never edit a released migration: files in the wild
carry its exact DDL. Add a new number instead.

Rules that every value must meet live in the DDL as named CHECK constraints (the name says the
table and column, e.g. `task_duration`), so SQLite itself enforces them when saving and
`PRAGMA integrity_check` verifies them when opening. Tables are STRICT (SQLite 3.37 or newer).
Rows refer to each other by an integer `num` (the rowid), not by the tasks' UUID text: appending
to a rowid b-tree is far cheaper than indexing random UUIDs, and it makes files smaller. There are
no secondary indexes, because the program always reads whole tables; so the uniqueness of the
UUIDs is checked in Python when reading (a dict per table), not by a UNIQUE index.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from .migrations import CURRENT_VERSION, MIGRATIONS

__all__ = ["APPLICATION_ID", "CURRENT_VERSION", "PAGE_SIZE", "TABLES", "SchemaEntry", "create_schema",
           "expected_schema", "migrate", "normalise_sql", "read_schema", "tables_in"]

APPLICATION_ID = 0x494C5253  # the bytes 'ILRS' in the SQLite header, offset 68
PAGE_SIZE = 16384  # fewer, fuller pages: about 8 % faster to write a large plan than 4096

# The tables the reader reads, in reading order (parents before the rows that refer to them).
TABLES = ("plan", "calendars", "calendar_exceptions", "participants", "tasks", "links", "baselines",
          "baseline_entries", "signature")
_ADDED_IN = {"calendars": 2, "calendar_exceptions": 2}  # tables younger than version 1


def tables_in(version: int) -> tuple[str, ...]:
    """The tables a file of `version` has, in reading order."""
    return tuple(table for table in TABLES if _ADDED_IN.get(table, 1) <= version)


def create_schema(conn: sqlite3.Connection, version: int = CURRENT_VERSION) -> None:
    """Run migrations 1..version on an empty database and stamp its header."""
    migrate(conn, 0, version)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def migrate(conn: sqlite3.Connection, from_version: int, to_version: int = CURRENT_VERSION) -> None:
    """Run the migrations after `from_version` up to `to_version` and set `user_version`."""
    for number in range(from_version + 1, to_version + 1):
        for statement in MIGRATIONS[number]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {to_version}")


def normalise_sql(sql: str | None) -> str | None:
    """DDL text with runs of whitespace collapsed, so layout alone never tells files apart."""
    if sql is None:
        return None
    return re.sub(r"\s+", " ", sql).strip()


SchemaEntry = tuple[str, str, str, "str | None"]  # (type, name, tbl_name, normalised sql)


def read_schema(conn: sqlite3.Connection) -> set[SchemaEntry]:
    """Every object in a database's `sqlite_master`, comparable across files."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(kind, name, table, normalise_sql(sql)) for kind, name, table, sql in rows}


def expected_schema(version: int) -> frozenset[SchemaEntry]:
    """What `sqlite_master` of a plan file of `version` holds: migrations 1..version, in memory."""
    return _schema_of(tuple(MIGRATIONS[number] for number in range(1, version + 1)))


@lru_cache(maxsize=8)
def _schema_of(migrations: tuple[tuple[str, ...], ...]) -> frozenset[SchemaEntry]:
    conn = sqlite3.connect(":memory:")
    try:
        for statements in migrations:
            for statement in statements:
                conn.execute(statement)
        return frozenset(read_schema(conn))
    finally:
        conn.close()
