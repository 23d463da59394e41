"""First look at a file, before SQLite parses any of it: is it one of our plans, and whole?

The 100-byte SQLite header says the page size, the page count, our application id and the schema
version (https://www.sqlite.org/fileformat.html#the_database_header). Reading it with plain
Python means a random, text, truncated or foreign file is refused without SQLite ever opening it.
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from ..domain import PlannerError
from . import limits
from .schema import APPLICATION_ID, CURRENT_VERSION

MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100


@dataclass(frozen=True, slots=True)
class Header:
    """What the header of a plan file says about it."""

    page_size: int
    page_count: int
    user_version: int
    file_bytes: int


def io_error(path: Path, exc: OSError, doing: str = "read") -> PlannerError:
    """A `store.io` error naming the file and the operating system's reason."""
    reason = exc.strerror or exc.__class__.__name__
    return PlannerError("store.io", f"could not {doing} '{path}': {reason}", [str(path)])


def check_header(path: Path) -> Header:
    """Check the file is a whole plan of a version we read, by its size and header alone."""
    data, size = _read_start(path)
    if size == 0:
        raise PlannerError("store.not_a_plan", f"'{path}' is empty, not a plan file", [str(path)])
    if not data.startswith(MAGIC) and not MAGIC.startswith(data):
        raise PlannerError("store.not_a_plan", f"'{path}' is not a plan file (it is not an SQLite database)",
                           [str(path)])
    if size < HEADER_BYTES:  # a file cut short inside the header
        raise PlannerError("store.corrupt", f"'{path}' is truncated: only {size} bytes", [str(path)])
    if size > limits.MAX_FILE_BYTES:
        raise PlannerError("store.too_large", f"'{path}' is {size:,} bytes; a plan file is at most "
                           f"{limits.MAX_FILE_BYTES:,}", [str(path)])
    return _parse(path, data, size)


def _read_start(path: Path) -> tuple[bytes, int]:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise PlannerError("store.io", f"'{path}' is a folder, not a plan file", [str(path)])
        if not stat.S_ISREG(info.st_mode):
            raise PlannerError("store.io", f"'{path}' is not a regular file", [str(path)])
        with open(path, "rb") as handle:
            return handle.read(HEADER_BYTES), info.st_size
    except OSError as exc:
        raise io_error(path, exc) from None


def _parse(path: Path, data: bytes, size: int) -> Header:
    raw_page_size, write_version, read_version = struct.unpack_from(">HBB", data, 16)
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    page_count, = struct.unpack_from(">I", data, 28)
    encoding, = struct.unpack_from(">I", data, 56)
    user_version, = struct.unpack_from(">i", data, 60)
    application_id, = struct.unpack_from(">I", data, 68)
    counter, valid_for = struct.unpack_from(">I", data, 24)[0], struct.unpack_from(">I", data, 92)[0]
    name = [str(path)]
    if application_id != APPLICATION_ID:
        raise PlannerError("store.not_a_plan", f"'{path}' is an SQLite database of another program, "
                           f"not an ILRS Planner plan (application id {application_id:#010x})", name)
    if page_size & (page_size - 1) or not limits.MIN_PAGE_SIZE <= page_size <= limits.MAX_PAGE_SIZE:
        raise PlannerError("store.corrupt", f"'{path}' has an impossible page size {page_size} "
                           f"(SQLite pages are a power of two from 512 to 65536)", name)
    if (write_version, read_version) != (1, 1):
        raise PlannerError("store.not_a_plan", f"'{path}' uses a journal format plan files never use "
                           f"(write-ahead log or unknown: {write_version}/{read_version})", name)
    if encoding != 1:
        raise PlannerError("store.not_a_plan", f"'{path}' stores text as UTF-16; plan files use UTF-8", name)
    _check_version(path, user_version)
    if counter != valid_for or page_count == 0:
        raise PlannerError("store.corrupt", f"'{path}' has a damaged header (page count not valid)", name)
    if size < page_count * page_size:
        raise PlannerError("store.corrupt", f"'{path}' is truncated: {size:,} bytes of "
                           f"{page_count * page_size:,}", name)
    return Header(page_size, page_count, user_version, size)


def _check_version(path: Path, version: int) -> None:
    if version > CURRENT_VERSION:
        raise PlannerError("store.newer_schema", f"'{path}' was written by a newer version of ILRS Planner "
                           f"(file format {version}; this version reads up to {CURRENT_VERSION}). "
                           "Update the program to open it.", [str(path)])
    if version < 1:
        raise PlannerError("store.corrupt", f"'{path}' has no schema version; it was never finished", [str(path)])
