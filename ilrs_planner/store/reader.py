"""Open a plan file read-only: check it is ours and harmless, then read every table into a Project.

The order of checks is in `validate.py`; everything runs inside one read transaction, so what is
read is one consistent state of the file even if another program saves it meanwhile. The slowest
checks (integrity and value rules) run in a second thread while this one reads the tables, on a
second connection that sees the same state (parallel_checks.py); the plan is returned only once
they have passed. The file is never written: an older schema version is migrated in an in-memory
copy.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain import PlannerError, Project
from ..engine.file_columns import FileColumns
from . import limits
from .connection import limited, open_readonly, sqlite_errors
from .gcpause import gc_paused
from .header import Header, check_header
from .old_pins import free_old_pins
from .parallel_checks import checked_in_parallel, file_identity
from .schema import CURRENT_VERSION, migrate
from .sidefiles import check_no_side_files
from .table_access import Mend
from .tables import TableReader
from .validate import check_identity, check_row_counts, check_schema, check_text_volume


def open_project(path: str | os.PathLike[str]) -> Project:
    """Read the plan in `path`, refusing with a `store.*` PlannerError anything not a sound plan."""
    return open_project_columns(path)[0]


def open_project_columns(path: str | os.PathLike[str], mend: Mend | None = None,
                         objects: bool = True) -> tuple[Project, FileColumns]:
    """`open_project`, with the columns the scheduler needs as they were read (engine.file_columns):
    for a caller that schedules the plan before anything can change it. `mend`: see TableReader.

    Without `objects`, the plan's tasks and links are read-only mappings that make an object only
    when one is asked for (domain.column_rows): for a caller that shows the plan and never edits
    it. The file is checked and refused exactly as with objects.
    """
    path = Path(path)
    header = check_header(path)
    check_no_side_files(path)
    try:
        return _checked_read(path, header, mend, objects)
    except PlannerError:
        check_no_side_files(path)  # one appeared while reading: that is what went wrong
        raise


def _checked_read(path: Path, header: Header, mend: Mend | None, objects: bool) -> tuple[Project, FileColumns]:
    deadline = time.monotonic() + limits.time_budget(header.file_bytes)
    opened = file_identity(path)
    conn = open_readonly(path, header.file_bytes)
    memory = None
    try:
        with sqlite_errors(path), gc_paused(long_lived=True):
            conn.execute("BEGIN")
            check_identity(conn, path, header)
            # The cheap bounds first: a hostile size is refused before anything big is read.
            check_schema(conn, path, header.user_version)
            check_row_counts(conn, path, header.user_version)
            check_text_volume(conn, path, header.user_version)
            with checked_in_parallel(path, header, opened, deadline):  # integrity and value rules
                if header.user_version < CURRENT_VERSION:
                    memory = limited(sqlite3.connect(":memory:", isolation_level=None))
                    conn.backup(memory)
                    migrate(memory, header.user_version)
                    with _values_refused(path):
                        free_old_pins(memory, path, header.user_version, mend)
                read = _read(memory or conn, path, mend, objects)
        check_no_side_files(path)  # nothing appeared beside it while reading
        return read
    finally:
        conn.close()
        if memory is not None:
            memory.close()


def _read(conn: sqlite3.Connection, path: Path, mend: Mend | None, objects: bool) -> tuple[Project, FileColumns]:
    with _values_refused(path):
        reader = TableReader(conn, path, mend)
        return reader.project(objects), FileColumns(*reader.task_columns, *reader.link_columns)


@contextmanager
def _values_refused(path: Path) -> Iterator[None]:
    """A value no reading rule expected refuses the file by name.

    The checks before reading make this unreachable for any file we know of; should a rule ever miss
    a value, the user still gets a refusal naming the file, not a traceback."""
    try:
        yield
    except (KeyError, ValueError, TypeError) as exc:
        raise PlannerError("store.bad_value", f"'{path}' holds a value a plan cannot have ({exc!r})",
                           [str(path)]) from None
