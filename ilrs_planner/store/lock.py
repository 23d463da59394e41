"""An advisory "in use" marker beside a plan file, so a second person is told who has it open.

`PLAN.db.lock` is a small JSON file (user, host, pid, since, token) created with O_EXCL, so two
programs cannot both create it. It is advisory: it stops our program from opening a file someone
else is editing without asking, not other programs. A marker left by a crash is stale when it names
a process on this host that no longer runs; one from another host cannot be checked from here, so
the user is told who and since when, and may take it over (`force=True`).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain import PlannerError
from ..domain.text import clean
from ..files.regular import read_small

MAX_LOCK_BYTES = 64 * 1024  # a marker is about 200 bytes of JSON
MAX_SHOWN = 100  # characters of a user, host or time shown from a marker: it names, it does not explain


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a plan file open."""

    user: str
    host: str
    pid: int
    since: str  # ISO time, UTC
    token: str  # tells our own marker from one that replaced it

    def describe(self) -> str:
        """'alice on host-x (process 1234) since 2030-01-01 09:00 UTC'; for a marker that could not be
        read, 'someone unknown (its in-use marker cannot be read)', not a process 0 since a blank time."""
        if not self.token:
            return "someone unknown (its in-use marker cannot be read)"
        since = self.since[:16].replace("T", " ")
        return f"{self.user} on {self.host} (process {self.pid})" + (f" since {since} UTC" if since else "")


def lock_path_for(path: str | os.PathLike[str]) -> Path:
    """Where the in-use marker of `path` lives: beside it, named `<file>.lock`."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or password database
        return "unknown user"


def read_lock(path: str | os.PathLike[str]) -> LockInfo | None:
    """The holder of `path`, or None when nobody has marked it in use."""
    try:
        # Bounded, and only a regular file: the folder may be a partner's, and a pipe or a link to a
        # device named like our marker would otherwise hang the program or fill its memory.
        text = read_small(lock_path_for(path), MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None
    except OSError:
        return LockInfo("someone", "an unknown host", 0, "", "")
    try:
        data = json.loads(text)  # bytes: json decodes UTF-8 itself, and refuses what is not
        return LockInfo(_shown(data["user"]), _shown(data["host"]), int(data["pid"]), _shown(data["since"]),
                        str(data["token"]))
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: '[[[[...' nested deep
        # Being written right now by its creator, or damaged: treat as held, by someone unknown.
        return LockInfo("someone", "an unknown host", 0, "", "")


def _shown(value: object) -> str:
    """A marker's text as one short plain line. The marker may be a partner's, written to mislead the
    question "open a copy or take over?": line breaks that forge a paragraph of advice, bidirectional
    controls, pages of text."""
    return clean(str(value)).strip()[:MAX_SHOWN]


def is_stale(info: LockInfo) -> bool:
    """True when the marker names a process on this host that has ended (a crash left it)."""
    return info.host == socket.gethostname() and info.pid > 0 and not process_alive(info.pid)


def process_alive(pid: int) -> bool:
    """True unless process `pid` on this host is known to have ended."""
    if os.name == "nt":
        return True  # os.kill(pid, 0) would end the process on Windows; assume it runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


def acquire_lock(path: str | os.PathLike[str], *, force: bool = False) -> LockInfo | None:
    """Mark `path` in use by this process; `store.in_use` names the holder if someone has it.

    Returns None when the folder does not allow a marker (read-only share): nobody can save there.
    """
    marker = lock_path_for(path)
    for _ in range(3):
        holder = read_lock(path)
        if holder is not None:
            if not (force or is_stale(holder)):
                raise PlannerError("store.in_use", f"'{path}' is in use by {holder.describe()}. "
                                   "Open it read-only, or take it over if they have finished.", [str(path)])
            _remove(marker)
        try:
            return _create(marker)
        except FileExistsError:
            continue  # someone created it between our look and our create; look again
        except PermissionError:
            return None
        except OSError as exc:
            raise PlannerError("store.io", f"could not mark '{path}' in use: {exc.strerror}", [str(path)]) from None
    raise PlannerError("store.in_use", f"'{path}' is being opened by someone else right now", [str(path)])


def _create(marker: Path) -> LockInfo:
    info = LockInfo(_current_user(), socket.gethostname(), os.getpid(),
                    datetime.now(UTC).isoformat(timespec="seconds"), uuid.uuid4().hex)
    handle = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(asdict(info), out)
    return info


def release_lock(path: str | os.PathLike[str], info: LockInfo | None) -> None:
    """Remove our marker of `path`; one that someone else has since taken over stays."""
    if info is None:
        return
    current = read_lock(path)
    if current is not None and current.token == info.token:
        _remove(lock_path_for(path))


def _remove(marker: Path) -> None:
    try:
        os.remove(marker)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise PlannerError("store.io", f"could not remove '{marker}': {exc.strerror}", [str(marker)]) from None
