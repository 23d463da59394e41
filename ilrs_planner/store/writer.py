"""Save a whole plan atomically: a fresh file beside the target, filled in one transaction, then renamed.

A crash at any instant leaves either the old file or the new one, both complete: the new plan is
written to a temporary file in the same folder, flushed to disk (fsync), and only then moved onto
the target with `os.replace`, which is atomic; the folder is flushed last so the rename itself
survives a power cut. Because every save is a fresh file, nothing deleted (a task redacted before
sharing with a partner) survives in free pages; `secure_delete` is on as well, in case.

The temporary file needs no rollback journal (`journal_mode=OFF`, `synchronous=OFF`): it is
invisible until renamed, a crash simply leaves it behind, and durability comes from the explicit
fsync before the rename. Journal modes other than WAL are not recorded in the file, so the result
is an ordinary rollback-journal ("DELETE") database with no side files to travel with it.

The temporary file, its fsync and the rename are `files/atomic.py`'s, shared with every other
writer: a temporary file left by a killed save is removed by the next save to the same plan.

Permissions: saving over an existing file keeps its mode bits; a new file honours the umask (a
partner copy on a shared drive is readable by the team when the umask says so); recovery copies
ask for 0o600. Saving over a symbolic link writes to the file it points to.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..domain import PlannerError, Project
from ..domain.calendar import refuse_calendar_without_work
from ..files.atomic import AtomicFile, real_target
from .consistency import RowNumbers, check_before_save
from .fingerprint import Fingerprint
from .gcpause import gc_paused
from .header import io_error
from .packer import RowMaker
from .refusals import describe_refusal
from .row_source import RowSource, Run
from .rows import row_sources
from .save_bounds import check_row_bounds, check_written_text
from .schema import PAGE_SIZE, create_schema
from .text_check import check_text_before_save

WRITE_PRAGMAS = (
    f"page_size = {PAGE_SIZE}", "journal_mode = OFF", "synchronous = OFF", "secure_delete = ON",
    "locking_mode = EXCLUSIVE", "temp_store = MEMORY", "cache_size = -65536",
)
_REFUSALS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.DataError,
             TypeError, ValueError, AttributeError, KeyError)


def save_project(project: Project, path: str | os.PathLike[str], *, mode: int | None = None,
                 as_opened: bool = False) -> Path:
    """Write the whole plan to `path` atomically (see the module docstring); returns the path written.

    `as_opened`: a copy of a plan as it opened (a recovery copy, a repaired copy), which keeps a
    calendar without a working day (a partner's file may hold one; saving the plan refuses it)."""
    return write_plan_file(project, path, fingerprint=False, mode=mode, as_opened=as_opened)[0]


def write_plan_file(project: Project, path: str | os.PathLike[str], fingerprint: bool = True, *,
                    mode: int | None = None, check: Callable[[], None] | None = None,
                    as_opened: bool = False) -> tuple[Path, Fingerprint | None]:
    """`save_project`, also returning the fingerprint of the bytes written (taken before the rename,
    so a save by someone else right after ours is not mistaken for ours). `check` runs under the
    folder's lock just before the rename, and stops the save by raising (compare-and-swap)."""
    target = real_target(path)
    numbers = _checked(project, as_opened)
    try:
        pending = AtomicFile(target, mode)
    except OSError as exc:
        raise io_error(Path(path), exc, "save") from None
    try:
        with gc_paused():
            _write_database(project, numbers, pending.path, target)
        written = Fingerprint.of(pending.path) if fingerprint else None
        pending.commit(check)
    except BaseException as exc:
        pending.discard()
        if isinstance(exc, OSError):
            raise io_error(target, exc, "save") from None
        raise
    return target, written


def write_pending(project: Project, temp: Path, target: Path, texts_checked_elsewhere: bool = False) -> None:
    """The writing of `save_project`, checks and all, into `temp` (the temporary file of `target`),
    not renamed: see `save_beside`. `texts_checked_elsewhere`: the checks of `check_texts` are the
    caller's, who renames the file only once they have passed."""
    with gc_paused():
        numbers = check_before_save(project)
        if not texts_checked_elsewhere:
            check_texts(project)
        _write_database(project, numbers, temp, target)


def check_texts(project: Project, as_opened: bool = False) -> None:
    """The checks of a save that follow `check_before_save`: its rows and texts, and no calendar without work."""
    check_row_bounds(project)
    check_text_before_save(project)
    for calendar in () if as_opened else project.calendars.values():  # a file holding one opens (README)
        refuse_calendar_without_work(calendar, "cannot save")


def _checked(project: Project, as_opened: bool) -> RowNumbers:
    with gc_paused():
        numbers = check_before_save(project)
        check_texts(project, as_opened)
    return numbers


def _write_database(project: Project, numbers: RowNumbers, temp: Path, target: Path) -> None:
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        for pragma in WRITE_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN")
        create_schema(conn)
        _insert_rows(conn, row_sources(project, numbers), _PACKS)
        conn.execute("COMMIT")
        check_written_text(conn)  # as opening counts it: never a file that would not open
    except _REFUSALS as exc:
        raise _name_refusal(row_sources(project, numbers), exc) from None
    except sqlite3.Error as exc:
        raise PlannerError("store.io", f"could not save '{target}': {exc}", [str(target)]) from None
    finally:
        conn.close()


# Rows per INSERT statement, largest first: a statement step, its reset and the call into SQLite
# are paid once for 32 rows (a third less time inserting 300,000 rows). The rows, their order and
# so the file's bytes are the same as one row at a time. Plain rows (nearly all of a large plan) are
# made by their RowMaker that many at a time, as one tuple; the others one at a time, run together.
_PACKS = (32, 8, 1)


def _insert_rows(conn: sqlite3.Connection, sources: list[RowSource], packs: tuple[int, ...]) -> None:
    for source in sources:
        for run in source.runs():
            _insert_run(conn, run, packs)


def _insert_run(conn: sqlite3.Connection, run: Run, packs: tuple[int, ...]) -> None:
    if run.maker is not None:
        _insert_made(conn, run, run.maker, packs)
        return
    values, left = run.bound_values(), len(run.objects)
    for size in packs:
        count = left // size * size
        if count:  # `count` rows, `size` to a tuple: one stream of values dealt out in turn (in C)
            chunk = itertools.islice(values, count * run.width)
            conn.executemany(run.insert(size), zip(*[chunk] * (run.width * size)))
            left -= count


def _insert_made(conn: sqlite3.Connection, run: Run, maker: RowMaker, packs: tuple[int, ...]) -> None:
    """The rows of `run`, `size` rows to a call of the maker's function for that many."""
    arguments = [iter(run.objects), *map(iter, run.resolved)]  # dealt out in turn: object, its values, ...
    left = len(run.objects)
    for size in packs:
        if left >= size:
            made = map(maker.rows(size), *arguments * size)
            conn.executemany(run.insert(size), itertools.islice(made, left // size))
            left %= size


def _name_refusal(sources: list[RowSource], exc: Exception) -> PlannerError:
    """The error naming the object (and field) SQLite or its conversion to a row refused.

    A refused statement of many rows does not say which row, so the rows are written again one at
    a time into a database in memory: the rows before the refused one went in, so the count of
    changes says which object it was. Each as its full row, every value bound as it is: a kind no
    task can have is refused by SQLite's rule for it, named, not by the lookup of its number. This
    runs only when a save fails.
    """
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        create_schema(conn)
        for source in sources:
            written = conn.total_changes
            try:
                whole = source.whole()
                conn.executemany(whole.insert(), whole.rows())
            except _REFUSALS as refused:
                return describe_refusal(source, conn.total_changes - written, refused)
    finally:
        conn.close()
    return describe_refusal(None, 0, exc)
