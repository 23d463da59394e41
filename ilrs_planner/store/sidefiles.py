"""SQLite's side files beside a plan (`-wal`, `-shm`, `-journal`): refused, never created.

SQLite applies a `PLAN.db-wal` found beside a plan whatever the plan's header says, so a file
whose own bytes are one plan (and verify as signed) could be shown as another. We refuse a plan
with a side file rather than open a private copy without it: a side file beside a plan is never
our doing (we write fresh files and rename them, with no journal), so the person should learn
that something else wrote there, and which file to remove. An empty `-journal` is not hot (there
is nothing in it to roll back) and is allowed, as SQLite itself ignores it, but only as a regular
file: SQLite opens any `-journal` to read its first byte, and a named pipe (FIFO) there would make
that open wait forever, where no time budget can stop it.

Opening never creates a side file either: the connection is read-only with exclusive locking
mode, in which SQLite keeps a WAL index in its own memory instead of a `-shm` file. A `-wal` that
appears between the check and the open makes SQLite fail the read; the reader then checks again
and names the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..domain import PlannerError

SUFFIXES = ("-wal", "-shm", "-journal")


def side_files(path: Path) -> list[Path]:
    """The SQLite side files beside `path` that would change what SQLite reads from it."""
    found = []
    for suffix in SUFFIXES:
        side = path.with_name(path.name + suffix)
        try:
            info = os.lstat(side)
        except FileNotFoundError:
            continue
        except OSError:
            found.append(side)  # there but unreadable: SQLite could still see it
            continue
        if info.st_size or suffix != "-journal" or not stat.S_ISREG(info.st_mode):
            found.append(side)
    return found


def check_no_side_files(path: Path) -> None:
    """Refuse `path` with `store.side_files` when a side file lies beside it."""
    found = side_files(path)
    if found:
        names = ", ".join(f"'{side.name}'" for side in found)
        raise PlannerError(
            "store.side_files", f"'{path}' has {names} beside it. Another program left "
            "database changes there that are not part of the plan file, so the plan was refused unread; "
            "move that file away to open the plan as it is.", [str(path)] + [str(side) for side in found])
