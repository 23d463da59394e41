"""The documented bounds of a plan file. A file outside them is refused with `store.too_large`.

They are generous for a real programme (the ILRS roadmap has a few hundred tasks; the benchmark
plan has 100,000) and small enough that a hostile file cannot make the program use more memory
than a workstation has: a 100 MB text field or ten million tiny rows are refused before they are
read into Python. Per-column text lengths are CHECK constraints in the migrations (`migrations.py`, `first_tables.py`).
"""

from __future__ import annotations

MAX_FILE_BYTES = 1 << 30  # 1 GiB; a 100,000-task plan with 200,000 links is about 40 MB

# SQLite allows 512..65536 (a power of two); our files use 16384, other tools may VACUUM to another.
MIN_PAGE_SIZE, MAX_PAGE_SIZE = 512, 65536

# Largest single text or blob value SQLite will hand over (SQLITE_LIMIT_LENGTH, in bytes). The
# longest column (notes, 100,000 characters) fits in 400,000 bytes of UTF-8.
MAX_VALUE_BYTES = 1 << 20

# All text of a plan together, in bytes of UTF-8. Python holds about as many bytes again per byte
# of text read (more for a 4-byte character, less for a CJK one), so this bound keeps the peak
# memory of opening any file within the size limit under 1 GiB: without it, 9,800 tasks with
# 100,000-character notes (a 1 GB file) took 3.8 GB to open. The 100,000-task benchmark plan
# holds about 10 MB of text.
MAX_TEXT_BYTES = 256 << 20

# Rows per table. The plan and signature tables hold at most one row each.
MAX_ROWS = {
    "plan": 1,
    "calendars": 10_000,
    "calendar_exceptions": 1_000_000,
    "participants": 100_000,
    "tasks": 1_000_000,
    "links": 4_000_000,
    "baselines": 10_000,
    "baseline_entries": 5_000_000,
    "signature": 1,
}

# A save counts ROW_BYTES for each task, participant, link, baseline and baseline entry towards
# MAX_TEXT_BYTES (text_check.py), so no plan the program writes holds more of those rows together
# than MAX_PLAN_ROWS; opening refuses a file that does. The bounds of MAX_ROWS alone would let ten
# million rows through (5 million baseline entries took 1.7 GB to open).
ROW_BYTES = 256
MAX_PLAN_ROWS = MAX_TEXT_BYTES // ROW_BYTES
PLAN_ROW_TABLES = ("tasks", "participants", "links", "baselines", "baseline_entries")

# Wall-clock budget for checking and reading one file (SQLite's progress handler aborts past it):
# a fixed allowance plus time in proportion to the size, so no crafted file can hang the program.
BASE_SECONDS = 30.0
SECONDS_PER_GIB = 120.0


def time_budget(file_bytes: int) -> float:
    """Seconds allowed to check and read a file of `file_bytes`."""
    return BASE_SECONDS + SECONDS_PER_GIB * file_bytes / (1 << 30)
