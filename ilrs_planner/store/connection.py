"""A read-only SQLite connection hardened for untrusted files, and SQLite errors as PlannerErrors.

Following SQLite's "Defense Against The Dark Arts" (https://www.sqlite.org/security.html):
the file is opened `mode=ro` (never `immutable`: that would let SQLite skip locking and read a
half-written file if someone else writes it); `trusted_schema=OFF`; `cell_size_check=ON`; tight
limits so a huge value fails fast instead of being loaded; an authorizer that allows reading
tables and a few pragmas and functions, and nothing reached through a view or trigger; and a
progress handler that stops any statement running past the file's time budget.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from ..domain import PlannerError
from . import limits

_ALLOWED_PRAGMAS = frozenset({"application_id", "user_version", "integrity_check", "page_count", "page_size"})
_ALLOWED_FUNCTIONS = frozenset({"count", "sum", "min", "max", "typeof", "coalesce", "length", "date", "substr",
                                "json_group_array"})
_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: limits.MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    sqlite3.SQLITE_LIMIT_COLUMN: 100,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 2,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 8,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 100,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 100,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 1,
}


def open_readonly(path: Path, file_bytes: int, watched: bool = True) -> sqlite3.Connection:
    """Open `path` read-only with the defences above; the caller closes it.

    `watched=False` leaves out the progress handler, for a connection that runs in another thread
    (parallel_checks.py): a Python handler would wait for the GIL every 10,000 SQLite steps; that
    connection is stopped at its deadline by `interrupt()` instead. It may be used from any thread.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    with sqlite_errors(path):
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=watched)
    limited(conn)
    # These pragmas change only this connection; none of them writes to the file.
    # Exclusive locking mode before the first read: SQLite then never creates a `-shm` beside the
    # file (see sidefiles.py); on a read-only connection it holds only a shared lock.
    for pragma in ("trusted_schema = OFF", "cell_size_check = ON", "mmap_size = 0", "query_only = ON",
                   "locking_mode = EXCLUSIVE"):
        conn.execute(f"PRAGMA {pragma}")
    conn.set_authorizer(_authorize)
    if watched:
        deadline = time.monotonic() + limits.time_budget(file_bytes)
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    return conn


def limited(conn: sqlite3.Connection) -> sqlite3.Connection:
    """`conn` with the limits above: also the in-memory copy an older file is migrated in, which reads
    the file's values as the file's own connection would (a value over the bound is refused there too)."""
    for category, value in _LIMITS.items():
        conn.setlimit(category, value)
    return conn


def _authorize(action: int, arg1: str | None, arg2: str | None, database: str | None,
               source: str | None) -> int:
    # `source` names the view or trigger an access comes from; plans have neither.
    if source is not None:
        return sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_TRANSACTION):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ and database in ("main", None):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and arg2 in _ALLOWED_FUNCTIONS:
        return sqlite3.SQLITE_OK
    # Reading a pragma only; integrity_check may take its message limit.
    reading = arg2 is None or (arg1 == "integrity_check" and arg2 is not None and arg2.isdigit())
    if action == sqlite3.SQLITE_PRAGMA and arg1 in _ALLOWED_PRAGMAS and reading:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


@contextlib.contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn any `sqlite3.Error` raised inside into the `store.*` PlannerError that fits it."""
    try:
        yield
    except sqlite3.Error as exc:
        raise as_planner_error(path, exc) from None
    except UnicodeDecodeError:
        # SQLite's own error text quoted bytes of a damaged schema that are not UTF-8.
        raise PlannerError("store.corrupt", f"'{path}' is damaged: its schema cannot be read",
                           [str(path)]) from None


def as_planner_error(path: Path, exc: sqlite3.Error) -> PlannerError:
    """The `store.*` error for an SQLite failure while reading `path`."""
    text = str(exc)
    lower = text.lower()
    name = [str(path)]
    if isinstance(exc, sqlite3.DataError) or "too big" in lower:
        return PlannerError("store.too_large", f"'{path}' holds a value larger than "
                            f"{limits.MAX_VALUE_BYTES:,} bytes ({text})", name)
    if "interrupted" in lower:
        return PlannerError("store.too_large", f"'{path}' took longer than its time budget to check "
                            "and was refused", name)
    if "not authorized" in lower:
        return PlannerError("store.untrusted_schema", f"'{path}' asked for something a plan never needs "
                            f"({text})", name)
    if any(word in lower for word in ("unable to open", "disk i/o", "readonly", "locked", "busy")):
        return PlannerError("store.io", f"could not read '{path}': {text}", name)
    return PlannerError("store.corrupt", f"'{path}' is damaged: {text}", name)
