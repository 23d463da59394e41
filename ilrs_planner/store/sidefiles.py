"""SQLite's side files beside a plan (`-wal`, `-shm`, `-journal`): refused, never created.

SQLite applies a `PLAN.db-wal` found beside a plan whatever the plan's header says, so a file
whose own bytes are one plan (and verify as signed) could be shown as another. We refuse a plan
with a side file rather than open a private copy without it: a side file beside a plan is never
our doing (we write fresh files and rename them, with no journal), so the person should learn
that something else wrote there, and which file to remove. An empty `-journal` is not hot (there
is nothing in it to roll back) and is allowed, as SQLite itself ignores it, but only as a regular
file: SQLite opens any `-journal` to read its first byte, and a named pipe (FIFO) there would make
that open wait forever, where no time budget can stop it. An empty `-wal` is allowed on the same
terms: SQLite reads a WAL of no bytes as having no frames, so the plan reads as its own bytes
(the read-only connection neither writes nor removes it, and makes no `-shm`); one that fills
while the plan is read is caught by the check after reading.

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
    return [side for side, _ in _found(path)]


def _places(path: Path) -> list[Path]:
    """Where side files of `path` are looked for: beside it and, when it is a link, beside the file
    it leads to, which is where SQLite looks (the plan is opened by its resolved path)."""
    target = Path(os.path.realpath(path))
    return [path] if target == path.absolute() else [path, target]


def _found(path: Path) -> list[tuple[Path, str]]:
    """Each side file that counts, with what it is, in words."""
    found, seen = [], set()
    for place, suffix in ((place, suffix) for place in _places(path) for suffix in SUFFIXES):
        side = place.with_name(place.name + suffix)
        try:
            info = os.lstat(side)
        except FileNotFoundError:
            continue
        except OSError as exc:
            found.append((side, f"cannot be examined ({exc.strerror})"))  # SQLite could still see it
            continue
        if (info.st_dev, info.st_ino) in seen:  # the same file, reached through a linked folder
            continue
        seen.add((info.st_dev, info.st_ino))
        if not stat.S_ISREG(info.st_mode):
            found.append((side, "is not an ordinary file (a folder, link, named pipe or device)"))
        elif info.st_size:
            found.append((side, f"holds {info.st_size:,} bytes another program left"))
        elif suffix == "-shm":  # an empty -wal or -journal holds nothing SQLite would apply
            found.append((side, "is an empty shared-memory index another program left"))
    return found


def check_no_side_files(path: Path) -> None:
    """Refuse `path` with `store.side_files` when a side file lies beside it, saying what it is."""
    found = _found(path)
    if found:
        # One beside the file a link leads to is named in full: it lies in another folder.
        what = "; ".join(f"'{side.name if side.parent == path.parent else side}' {words}" for side, words in found)
        raise PlannerError(
            "store.side_files", f"'{path}' has beside it a file where SQLite looks for changes to the plan: "
            f"{what}. Those are not part of the plan file, so the plan was refused unread; move that file "
            "away to open the plan as it is.", [str(path)] + [str(side) for side, _ in found])
