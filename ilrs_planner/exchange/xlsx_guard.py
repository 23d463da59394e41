"""Checks on an .xlsx file before openpyxl opens it: a workbook is a zip of XML parts, and a hostile
one can be small on disk and huge unpacked (a zip bomb), or carry XML entity declarations that
expand as they are parsed. Both are refused here, from the zip's directory and a streaming scan, so
no parser ever sees them.

Python's zip reader never unpacks more of a member than its directory entry declares, so the sum of
the declared sizes bounds what is read (a member that lies fails its check as it is read).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..domain import PlannerError

MAX_FILE_BYTES = 64 * 1024 * 1024  # as a CSV table: far beyond any real plan's workbook
# Unpacked: 200,000 tasks in our own export are about 120 MB of sheet XML; a tenth of the 2.7 GB an
# untouched bomb of that size on disk would unpack to.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_PARTS = 10_000  # a workbook of a few sheets has a dozen parts
_CHUNK = 1 << 20
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def check_package(path: str | Path) -> None:
    """Refuse a file that is not a zip, or that unpacks beyond the bounds, or whose XML declares a
    document type or entities (a workbook's never does)."""
    name = Path(path).name
    if os.path.getsize(path) > MAX_FILE_BYTES:
        raise PlannerError("import.bad_file", f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            _check_sizes(name, parts)
            for part in parts:
                _check_declarations(name, package, part)
    except zipfile.BadZipFile as exc:
        raise PlannerError("import.bad_file", f"{name} is not an Excel workbook (.xlsx is a zip package: {exc})") \
            from None
    except OSError as exc:
        raise PlannerError("import.bad_file", f"cannot read {name}: {exc.strerror or exc}") from None


def _check_sizes(name: str, parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > MAX_PARTS:
        raise PlannerError("import.bad_file", f"{name} holds {len(parts):,} parts; a workbook has at most "
                           f"{MAX_PARTS:,}")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PlannerError("import.bad_file", f"{name} unpacks to {unpacked // 2**20:,} MB; a workbook is read up "
                           f"to {MAX_UNPACKED_BYTES // 2**20} MB (is it a zip bomb?)")


def _check_declarations(name: str, package: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Scan the part in chunks, each overlapping the last by a declaration's length."""
    tail = b""
    with package.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(declaration in window for declaration in _DECLARATIONS):
                raise PlannerError("import.bad_file", f"{name}: the part {part.filename[:80]} declares a document "
                                   "type or entities, which no workbook does; it is not read")
            tail = window[-len(_DECLARATIONS[0]):]
