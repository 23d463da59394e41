"""Every value rule of the schema (types, NOT NULL, named CHECKs) as SQL that finds rows breaking them.

`PRAGMA integrity_check` verifies CHECK constraints only on a writable connection, and we open
untrusted files read-only; so the reader runs these rules itself, one scan per table. They are
taken from the DDL of the file's schema version (our own text, never the file's), so the schema
stays the one statement of every rule.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from functools import lru_cache

from .migrations import MIGRATIONS
from .schema import tables_in

_TYPE_OF = {"TEXT": "text", "INTEGER": "integer", "BLOB": "blob", "REAL": "real"}
_CONSTRAINT_PREFIX = re.compile(
    r"^(?:plan|participant|task|link|baseline_entry|baseline|signature|calendar_exception|calendar)_")


def _checks(sql: str) -> dict[str, str]:
    """Named CHECK expressions of one CREATE TABLE: constraint name -> expression."""
    checks = {}
    for match in re.finditer(r"CONSTRAINT (\w+)\s+CHECK \(", sql):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            end += 1
        checks[match[1]] = sql[match.end(): end - 1]
    return checks


@lru_cache(maxsize=4)
def _rules_of(migrations: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, tuple[Rule, ...]], ...]]:
    conn = sqlite3.connect(":memory:")
    try:
        for statements in migrations:
            for statement in statements:
                conn.execute(statement)
        rules = {}
        for table in tables_in(len(migrations)):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            checks = _checks(sql)
            rules[table] = tuple(_column_rules(conn, table, checks))
        return rules
    finally:
        conn.close()


# (what it says, SQL false when a value breaks it). Like a CHECK, NULL means the rule holds: that
# is what `NOT (a AND b AND ...)` in a WHERE clause makes of it, with no coalesce() per row.
Rule = tuple[str, str]


def _column_rules(conn: sqlite3.Connection, table: str,
                  checks: dict[str, str]) -> Iterator[tuple[str, tuple[Rule, ...]]]:
    for _, column, kind, not_null, _, primary in conn.execute(f"PRAGMA table_info({table})"):
        allowed = [_TYPE_OF[kind]] if (not_null or primary) else [_TYPE_OF[kind], "null"]
        rules: list[Rule] = [(f"a value of type {kind}{'' if 'null' in allowed else ', never NULL'}",
                              " OR ".join(f"typeof({column}) = '{name}'" for name in allowed))]
        # A CHECK passes on NULL; testing for NULL first also spares a date() call per empty date.
        # The DDL's `kind = 'a' OR kind = 'b'` as it is: in a WHERE clause SQLite stops at the first
        # choice that matches, which scanned 100,000 rows a quarter faster than `kind IN ('a', 'b')`.
        rules += [(expression, f"{column} IS NULL OR ({expression})")
                  for name, expression in checks.items() if _CONSTRAINT_PREFIX.sub("", name) == column]
        yield column, tuple(rules)


def table_rules(version: int) -> dict[str, tuple[tuple[str, tuple[Rule, ...]], ...]]:
    """Table -> ((column, its rules), ...) of schema `version`."""
    return _rules_of(tuple(MIGRATIONS[number] for number in range(1, version + 1)))


def first_rule_break(conn: sqlite3.Connection, table: str, version: int,
                     types: bool = True) -> tuple[int, str, str] | None:
    """(rowid, column, rule) of the first row of `table` breaking a rule, or None. One scan.

    `types=False` leaves out the type and NOT NULL rules (the first of each column), which
    integrity_check verifies on its own even read-only, to keep the scan of a sound file short.
    """
    columns = table_rules(version)[table]
    every = " AND ".join(f"({sql})" for _, rules in columns for _, sql in rules[0 if types else 1:]) or "1"
    row = conn.execute(f"SELECT rowid FROM {table} WHERE NOT ({every}) ORDER BY rowid LIMIT 1").fetchone()
    if row is None:
        return None
    for column, rules in columns:
        for text, sql in rules:
            if not conn.execute(f"SELECT coalesce(({sql}), 1) FROM {table} WHERE rowid = ?", (row[0],)).fetchone()[0]:
                return row[0], column, text
    return row[0], "?", "the rules of plan files"
