"""The bytes an earlier ILRS Planner wrote for a plan: its content in the file format of that version.

A format version adds tables or columns (migrations.py), so a plan written before one has
a layout of its own: today's writer, stamping today's version, would never match it, and every plan
signed before the last format change read as altered. Each earlier writer wrote the same rows as
today's in the same order, only without the columns added since, into the schema of its version:
so those rows, copied in order into that schema with the writer's settings, give its bytes. A file
made older to hide data gets no pass from this: its bytes are compared with its version's exactly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .schema import create_schema, tables_in

# The order the writer fills its tables in (store/rows.py row_sources): pages are handed out in it.
_FILL_ORDER = ("calendars", "calendar_exceptions", "plan", "participants", "tasks", "links", "baselines",
               "baseline_entries", "signature")


def rewrite_at_version(current: Path, older: Path, version: int, pragmas: tuple[str, ...]) -> None:
    """Write `current` (a plan file of today's version) again as `older`, a file of `version`."""
    conn = sqlite3.connect(older, isolation_level=None)
    try:
        for pragma in pragmas:
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("ATTACH DATABASE ? AS today", (str(current),))
        conn.execute("BEGIN")
        create_schema(conn, version)
        kept = set(tables_in(version))
        for table in (t for t in _FILL_ORDER if t in kept):
            columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f'PRAGMA main.table_info("{table}")'))
            conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM today."{table}" ORDER BY rowid')
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE today")
    finally:
        conn.close()
