"""A broken value rule said in a planner's words, and the row it is on named as the window names it.

The rules are SQL taken from the schema (`rules.py`); a refusal that quoted them read like
"date(deadline, '+0 days') IS deadline AND …" and "row 15" — a database row, not a task anyone
knows. These run only on the error path, once, so they may read the row's key and name.
"""

from __future__ import annotations

import re
import sqlite3

from .raw_text import bytes_texts

_DATE = re.compile(r"date\((\w+), '\+0 days'\) IS \1 AND \1 BETWEEN '([\d-]+)' AND '([\d-]+)'")
_LENGTH = re.compile(r"^length\(\w+\) <= (\d+)$")
_LENGTH_RANGE = re.compile(r"^length\(\w+\) BETWEEN (\d+) AND (\d+)$")
_RANGE = re.compile(r"^\w+ BETWEEN (-?\d+) AND (-?\d+)$")
_CHOICE = re.compile(r"^\w+ = '([^']*)'(?: OR \w+ = '[^']*')*$")
_NAMED = {"tasks": ("task", "key"), "participants": ("participant", "key"), "calendars": ("calendar", None),
          "baselines": ("baseline", None), "calendar_exceptions": ("calendar exception", None)}


def rule_in_words(rule: str) -> str:
    """What a value must be, from the SQL rule it breaks (the SQL itself when no wording fits)."""
    if match := _DATE.search(rule):
        return f"a calendar date written YYYY-MM-DD, from {match[2]} to {match[3]}"
    if match := _LENGTH.match(rule):
        return f"at most {int(match[1]):,} characters"
    if match := _LENGTH_RANGE.match(rule):
        return f"{match[1]} to {int(match[2]):,} characters"
    if match := _RANGE.match(rule):
        return f"a whole number from {int(match[1]):,} to {int(match[2]):,}"
    if _CHOICE.match(rule):
        return "one of " + ", ".join(re.findall(r"= '([^']*)'", rule))
    return rule


def row_named(conn: sqlite3.Connection, table: str, rowid: int) -> str:
    """'task LANDER "Lander build"' for a row of a table whose rows the window names; '' otherwise."""
    kind, key_column = _NAMED.get(table, (None, None))
    if kind is None:
        return ""
    columns = ", ".join(f"substr(CAST({c} AS TEXT), 1, 60)" for c in (key_column, "name") if c)
    try:
        with bytes_texts(conn):
            row = conn.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
    except sqlite3.Error:  # a column this old schema lacks, or a value too broken to read: no name
        return ""
    if row is None:
        return ""
    texts = ["" if value is None else value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
             for value in row]
    return " ".join([kind, *([texts[0]] if key_column else []), repr(texts[-1])])
