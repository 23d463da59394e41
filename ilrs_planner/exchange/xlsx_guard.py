"""Checks on an .xlsx file before openpyxl opens it: a workbook is a zip of XML parts, and a hostile
one can be small on disk and huge unpacked (a zip bomb), or carry XML entity declarations that
expand as they are parsed. Both are refused here, from the zip's directory and a streaming scan, so
no parser ever sees them.

Python's zip reader never unpacks more of a member than its directory entry declares, so the sum of
the declared sizes bounds what is read (a member that lies fails its check as it is read).
"""

from __future__ import annotations

import os
import re
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
_XML_PARTS = (".xml", ".rels", ".vml")
# Excel writes every XML part in UTF-8; in UTF-16 or UTF-32 a declaration is spelt in other bytes than
# the scan looks for ("<\0!\0E\0..."), so such a part is refused rather than scanned in each encoding.
_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8 = frozenset({b"utf-8", b"utf8"})


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
            if not tail and part.filename.lower().endswith(_XML_PARTS):
                _check_utf8(name, part.filename, chunk)
            window = tail + chunk
            if any(declaration in window for declaration in _DECLARATIONS):
                raise PlannerError("import.bad_file", f"{name}: the part {part.filename[:80]} declares a document "
                                   "type or entities, which no workbook does; it is not read")
            tail = window[-len(_DECLARATIONS[0]):]


def _check_utf8(name: str, part_name: str, head: bytes) -> None:
    """Refuse an XML part written in another encoding than UTF-8 (a byte-order mark, NUL bytes among
    the first, or an encoding declared otherwise)."""
    declared = _ENCODING.match(head.removeprefix(b"\xef\xbb\xbf"))
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in head[:4] or (
            declared is not None and declared.group(1).lower() not in _UTF8):
        raise PlannerError("import.bad_file", f"{name}: the part {part_name[:80]} is not written in UTF-8, as every "
                           "workbook's XML is; it is not read")
