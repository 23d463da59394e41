"""Is a plan file laid out exactly as ILRS Planner writes its content? Nothing hidden beside the plan.

A signature covers the plan's content, not the file's bytes; bytes appended after the last page,
free pages, the reserved header bytes 72–91 or unallocated space inside a page can carry data the
signature says nothing about. Our writer is deterministic: the same content always gives the same
bytes. So a signed file is checked by writing its content again (into a private temporary folder,
never beside the file) and comparing bytes. Only the header fields SQLite itself stamps on every
write are left out (change counter, version-valid-for, SQLite library version). The cheap
structural checks run first so the usual covert channels are named.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain import Project
from .older_layout import rewrite_at_version
from .schema import CURRENT_VERSION
from .writer import WRITE_PRAGMAS, save_project

_STAMPED = ((24, 28), (92, 100))  # change counter; version-valid-for and SQLite version number
_CHUNK = 1 << 20


def layout_problems(path: Path, project: Project) -> list[str]:
    """What in `path` lies outside the layout our writer gives `project` (empty when none)."""
    with open(path, "rb") as handle:
        header = handle.read(100)
        size = os.fstat(handle.fileno()).st_size
    problems = _structural(header, size)
    if problems:
        return problems
    version = int.from_bytes(header[60:64], "big")
    with tempfile.TemporaryDirectory(prefix="ilrs-verify-") as folder:
        rewritten = Path(folder) / "plan.db"
        save_project(project, rewritten, mode=0o600)
        if version < CURRENT_VERSION:  # written by an earlier version: compared with what that one wrote
            rewritten, today = Path(folder) / f"plan-{version}.db", rewritten
            rewrite_at_version(today, rewritten, version, WRITE_PRAGMAS)
        if not _same_bytes(path, rewritten):
            problems.append("the file's layout differs from the one ILRS Planner writes for its content "
                            "(data hidden in unused space inside its pages)")
    return problems


def _structural(header: bytes, size: int) -> list[str]:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    problems = []
    if size > pages * page_size:
        problems.append(f"{size - pages * page_size:,} bytes follow the last page of the plan")
    free = int.from_bytes(header[36:40], "big")
    if free or int.from_bytes(header[32:36], "big"):
        problems.append(f"the file holds {free:,} free page(s) outside the plan")
    if any(header[72:92]) or header[20]:
        problems.append("reserved bytes of the file header are not zero")
    return problems


def _masked(chunk: bytes) -> bytes:
    data = bytearray(chunk)
    for start, end in _STAMPED:
        data[start:end] = bytes(end - start)
    return bytes(data)


def _same_bytes(a: Path, b: Path) -> bool:
    if os.path.getsize(a) != os.path.getsize(b):
        return False
    with open(a, "rb") as first, open(b, "rb") as second:
        if _masked(first.read(_CHUNK)) != _masked(second.read(_CHUNK)):
            return False
        while chunk := first.read(_CHUNK):
            if chunk != second.read(_CHUNK):
                return False
    return True
