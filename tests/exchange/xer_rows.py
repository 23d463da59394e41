"""The TASK table of a Primavera P6 .xer file as P6 wrote it, read by the file's own layout (tab-separated
%T table, %F fields, %R rows), for tests that compare what we import with what P6 stored."""

from __future__ import annotations

from pathlib import Path


def task_rows(xer: Path) -> dict[str, dict[str, str]]:
    """Activity ID (task_code) -> the TASK table's row, field by field."""
    table, fields, rows = None, [], {}
    for line in xer.read_text(encoding="cp1252").splitlines():
        kind, *cells = line.split("\t")
        if kind == "%T":
            table = cells[0]
        elif kind == "%F" and table == "TASK":
            fields = cells
        elif kind == "%R" and table == "TASK":
            row = dict(zip(fields, cells))
            rows[row["task_code"]] = row
    return rows
