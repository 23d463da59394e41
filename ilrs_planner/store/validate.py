"""Checks on an opened plan file, in the order that keeps a hostile file cheap to refuse.

identity (header fields again, inside the read transaction) → schema (exactly ours, nothing
else) → row counts → text volume → `PRAGMA integrity_check` (structure) → the value rules of our
DDL (`rules.py`), naming table, row and column; the last two in a thread beside the reading
(`parallel_checks.py`). References between rows, unique ids and WBS loops are checked while
reading (`tables.py`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain import PlannerError
from . import limits
from .header import Header
from .locate import bad_value, columns_of, find_bad_row, find_too_big, too_large
from .rules import first_rule_break
from .schema import APPLICATION_ID, SchemaEntry, expected_schema, read_schema, tables_in


def check_identity(conn: sqlite3.Connection, path: Path, header: Header) -> None:
    """The header as SQLite sees it now matches what `check_header` read (the file did not swap)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    if (app_id, version) != (APPLICATION_ID, header.user_version) or pages * header.page_size > limits.MAX_FILE_BYTES:
        raise PlannerError("store.io", f"'{path}' changed while it was being opened; try again", [str(path)])


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """`sqlite_master` holds exactly the tables and indexes of `version`, with exactly our SQL."""
    found = read_schema(conn)
    expected = expected_schema(version)
    if found == expected:
        return
    expected_names = {entry[1] for entry in expected}
    problems = [_describe(entry, entry[1] in expected_names) for entry in sorted(found - expected, key=str)]
    found_names = {entry[1] for entry in found}
    problems += [f"{kind} '{name}' is missing" for kind, name, _, _ in sorted(expected - found, key=str)
                 if name not in found_names]
    shown = "; ".join(problems[:6]) + (f"; and {len(problems) - 6} more" if len(problems) > 6 else "")
    raise PlannerError("store.untrusted_schema", f"'{path}' contains database objects a plan never has: "
                       f"{shown}. It was refused unread.", [entry[1] for entry in sorted(found - expected)])


def _describe(entry: SchemaEntry, name_is_ours: bool) -> str:
    kind, name, table, _ = entry
    where = f" on table '{table}'" if kind in ("trigger", "index") and table != name else ""
    if name_is_ours:
        return f"{kind} '{name}'{where} differs from a plan's"
    return f"{kind} '{name}'{where}"


def check_row_counts(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Each table holds no more rows than `limits.MAX_ROWS`, and there is exactly one plan row."""
    together = 0
    for table in tables_in(version):
        # LIMIT stops counting early: a table of ten million rows costs no more than the bound.
        bound = limits.MAX_ROWS[table]
        count = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT {bound + 1})").fetchone()[0]
        if count > bound:
            raise PlannerError("store.too_large", f"'{path}': table {table} holds more than {bound:,} rows, "
                               "more than a plan can have", [str(path), table])
        together += count if table in limits.PLAN_ROW_TABLES else 0
    if together > limits.MAX_PLAN_ROWS:
        raise PlannerError("store.too_large", f"'{path}' holds {together:,} tasks, participants, links, baselines "
                           f"and baseline entries together; a plan holds at most {limits.MAX_PLAN_ROWS:,}, which "
                           "keeps opening it within memory", [str(path)])
    if conn.execute("SELECT count(*) FROM plan").fetchone()[0] != 1:
        raise PlannerError("store.bad_value", f"'{path}': table plan has no row, so the file holds no plan",
                           [str(path), "plan"])


def check_text_volume(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """All text together stays within `limits.MAX_TEXT_BYTES` (counted by SQLite, before Python holds any)."""
    total = text_bytes_over_bound(conn, version)
    if total is not None:
        raise PlannerError("store.too_large", f"'{path}' holds {total:,} bytes of text; a plan holds at most "
                           f"{limits.MAX_TEXT_BYTES:,}, which keeps opening it within memory", [str(path)])


def text_bytes_over_bound(conn: sqlite3.Connection, version: int) -> int | None:
    """The bytes of text the file holds when they are more than `limits.MAX_TEXT_BYTES`, else None.

    Every text value is stored in the file's pages as UTF-8 (`check_header` refuses any other
    encoding), so pages holding no more bytes than the bound hold no more text: only a larger file
    needs its text counted, which costs a scan of every table.
    """
    pages = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    if pages <= limits.MAX_TEXT_BYTES:
        return None
    total = 0
    for table, columns in columns_of(version).items():
        texts = [name for name, kind in columns if kind == "TEXT"]
        if texts:
            sizes = " + ".join(f"coalesce(length(CAST({name} AS BLOB)), 0)" for name in texts)
            total += conn.execute(f"SELECT coalesce(sum({sizes}), 0) FROM {table}").fetchone()[0]
    return total if total > limits.MAX_TEXT_BYTES else None


# How integrity_check reports a value breaking a type or NOT NULL rule (rather than damage).
_VALUE_MESSAGES = ("CHECK constraint failed in ", "NULL value in ", "non-")


def check_integrity(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """`PRAGMA integrity_check` finds no damage, and every value meets the rules of the schema."""
    try:
        messages = [row[0] for row in conn.execute("PRAGMA integrity_check(20)") if row[0] != "ok"]
        damage = [m for m in messages if not m.startswith(_VALUE_MESSAGES)]
        if damage:
            raise PlannerError("store.corrupt", f"'{path}' is damaged: {'; '.join(damage[:3])}", [str(path)])
        # integrity_check skips CHECK constraints on a read-only connection: run them here.
        for table in tables_in(version):
            broken = first_rule_break(conn, table, version, types=bool(messages))
            finding = find_bad_row(conn, table, version) if broken else None
            if finding is not None:
                raise bad_value(path, finding)
        if messages:
            raise PlannerError("store.bad_value", f"'{path}' holds values a plan cannot have: "
                               f"{'; '.join(messages[:3])}", [str(path)])
    except sqlite3.DataError:
        raise too_large(path, find_too_big(conn)) from None
