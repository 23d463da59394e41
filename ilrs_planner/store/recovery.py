"""Autosave copies of unsaved work, so a crash loses at most a minute of it.

While a plan has unsaved changes the desktop app calls `write_recovery(project, plan_path)` every
minute; after a crash the next start lists `find_recoveries()` and offers to restore each (saying
from when); a save or a clean exit calls `discard_recovery(plan_path)`.

Recovery copies live in a per-user folder (`$ILRS_PLANNER_RECOVERY_DIR`, else the platform's user
state folder), never beside the plan: a plan on a shared drive must not show other people someone's
unsaved edits. The folder is 0o700 and each copy 0o600. A copy is an ordinary plan file (written
atomically by `save_project`, read back through the same checks as any file) plus a small JSON note
saying which plan it belongs to and when it was written.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain import PlannerError, Project
from ..files.atomic import write_atomically
from ..files.regular import read_small
from .lock import process_alive
from .reader import open_project
from .writer import save_project


@dataclass(frozen=True, slots=True)
class Recovery:
    """A recovery copy: the plan it belongs to (None if never saved), when, and by which process."""

    copy_path: Path
    plan_path: str | None
    saved_at: datetime
    owner_alive: bool  # its program still runs: not a crash, do not offer it

    def load(self) -> Project:
        """The project in the copy (checked like any plan file)."""
        return open_project(self.copy_path)


def recovery_dir() -> Path:
    """The per-user folder of recovery copies."""
    if override := os.environ.get("ILRS_PLANNER_RECOVERY_DIR"):
        return Path(override)
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "ILRS Planner" / "recovery"
    state = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(state) / "ilrs-planner" / "recovery"


def untitled_name() -> str:
    """A recovery copy's name of its own for one plan never saved: two such plans in one program (two
    windows) each keep their own copy, and a later program given the same process id (a container's
    program often is) never writes over a copy a crash left."""
    return f"untitled-{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(6)}"


def recovery_path_for(plan_path: str | os.PathLike[str] | None, untitled: str = "") -> Path:
    """The recovery copy of `plan_path`, or of the plan never saved that `untitled` (from
    `untitled_name`) names. ValueError without either: one name shared by such plans would let two
    windows write over each other's copy."""
    if plan_path is None:
        if not untitled:
            raise ValueError("a plan never saved needs its recovery copy's name (recovery.untitled_name)")
        name = untitled
    else:
        absolute = os.path.abspath(plan_path)
        digest = hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        name = f"{Path(absolute).stem[:40]}-{digest}"
    return recovery_dir() / f"{name}.db"


def _note_path(copy_path: Path) -> Path:
    return copy_path.with_suffix(".json")


def write_recovery(project: Project, plan_path: str | os.PathLike[str] | None, untitled: str = "") -> Path:
    """Save a recovery copy of `project` for `plan_path` (or `untitled`); returns where it went."""
    copy_path = recovery_path_for(plan_path, untitled)
    try:
        copy_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise PlannerError("store.io", f"could not create '{copy_path.parent}': {exc.strerror}",
                           [str(copy_path.parent)]) from None
    save_project(project, copy_path, mode=0o600, as_opened=True)
    note = {"plan_path": None if plan_path is None else os.path.abspath(plan_path),
            "saved_at": datetime.now(UTC).isoformat(), "host": socket.gethostname(), "pid": os.getpid()}
    try:
        write_atomically(_note_path(copy_path), json.dumps(note).encode("utf-8"), mode=0o600)
    except OSError as exc:
        raise PlannerError("store.io", f"could not write '{_note_path(copy_path)}': {exc.strerror}",
                           [str(copy_path)]) from None
    return copy_path


def read_recovery(plan_path: str | os.PathLike[str] | None, untitled: str = "") -> Recovery | None:
    """The recovery copy of `plan_path` (or `untitled`), if there is one."""
    copy_path = recovery_path_for(plan_path, untitled)
    return _recovery_at(copy_path) if copy_path.exists() else None


def find_recoveries() -> list[Recovery]:
    """Every recovery copy in the folder, newest first (what to offer at start-up)."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = [_recovery_at(path) for path in folder.glob("*.db")]
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _recovery_at(copy_path: Path) -> Recovery:
    try:
        # A pipe or device named like a note would hang start-up: read only a small regular file.
        note = json.loads(read_small(_note_path(copy_path), 64 * 1024).decode("utf-8"))
        saved_at = datetime.fromisoformat(note["saved_at"])
        alive = note["host"] == socket.gethostname() and note["pid"] != os.getpid() and process_alive(note["pid"])
        return Recovery(copy_path, note["plan_path"], saved_at, alive)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):  # RecursionError: '[[[…' nested deep
        # No readable note: the copy is still worth offering, dated by the file itself.
        mtime = copy_path.stat().st_mtime if copy_path.exists() else 0
        return Recovery(copy_path, None, datetime.fromtimestamp(mtime, UTC), False)


def discard_recovery(plan_path: str | os.PathLike[str] | None, untitled: str = "") -> None:
    """Remove the recovery copy of `plan_path` or `untitled` (after a save, or on a clean exit)."""
    discard_copy(recovery_path_for(plan_path, untitled))


def discard_copy(copy_path: Path) -> None:
    """Remove one recovery copy and its note (after it was restored or declined)."""
    for path in (copy_path, _note_path(copy_path)):
        try:
            os.remove(path)
        except (FileNotFoundError, NotADirectoryError):  # no copy: none was ever written there
            pass
        except OSError as exc:
            raise PlannerError("store.io", f"could not remove '{path}': {exc.strerror}", [str(path)]) from None
