"""Write a file so that it is either complete or untouched, whatever fails (a full disk, a kill).

Every writer goes through here: the bytes go to a temporary file in the target's own folder
(`.NAME.<random>.saving`, so the rename cannot cross file systems), which is flushed to disk
(fsync) and only then renamed over the target with `os.replace`, which is atomic; the folder is
flushed last so the rename survives a power cut. A failure at any step removes the temporary
file and leaves the target as it was.

While a temporary file is being written its writer holds a shared `flock` on it. The next write
to the same target removes temporary files nobody holds: those a killed process left behind.
Renames into one folder are serialised by an exclusive `flock` on the folder, and `commit` runs
an optional check under it just before the rename (the compare-and-swap of a save).

Permissions: a file replacing another keeps its mode bits; a new file gets 0o666 less the umask,
like any file a program creates, unless the caller asks for a mode (private keys, recovery
copies). On Windows there is no `flock`; renames there are still atomic.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; stale files are then left for the user
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".saving"


def real_target(path: str | os.PathLike) -> Path:
    """The file a write to `path` replaces: a symbolic link is followed, so the link survives."""
    return Path(os.path.realpath(path))


class AtomicFile:
    """A temporary file beside `target` that becomes `target` on `commit()` (see the module docstring)."""

    def __init__(self, target: str | os.PathLike, mode: int | None = None):
        self.target = real_target(target)
        if self.target.is_dir():
            raise IsADirectoryError(21, "it is a folder", str(target))
        remove_stale_temps(self.target)
        self.path, self._fd = _create_temp(self.target, 0o666 if mode is None else mode & 0o666)
        try:
            _lock(self._fd, shared=True, wait=False)
            _set_mode(self._fd, self.target, mode)
        except BaseException:
            self.discard()
            raise

    def stream(self) -> BinaryIO:
        """A binary stream writing into the temporary file (closing it keeps the file locked)."""
        return open(os.dup(self._fd), "wb", closefd=True)

    def commit(self, check: Callable[[], None] | None = None) -> None:
        """Flush the temporary file, run `check` under the folder's lock, and rename it onto the target."""
        try:
            flush_to_disk(self._fd)
            with _folder_locked(self.target.parent):
                if check is not None:
                    check()
                os.replace(self.path, self.target)
        except BaseException:
            self.discard()
            raise
        self._close()
        flush_folder(self.target.parent)

    def discard(self) -> None:
        """Remove the temporary file: the target stays as it was."""
        self._close()
        with contextlib.suppress(OSError):
            os.remove(self.path)

    def _close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.discard()
        elif self._fd >= 0:
            self.commit()


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike, mode: int | None = None) -> Iterator[BinaryIO]:
    """`with atomic_output(path) as stream:` writes `path` whole when the block ends, or not at all."""
    with AtomicFile(target, mode) as pending, pending.stream() as stream:
        yield stream


def write_atomically(target: str | os.PathLike, data: bytes, mode: int | None = None) -> Path:
    """Write `data` as the whole content of `target`; returns the file written."""
    with AtomicFile(target, mode) as pending, pending.stream() as stream:
        stream.write(data)
    return pending.target


def temp_files_of(target: Path) -> list[Path]:
    """The temporary files of writes to `target`, finished or not."""
    return sorted(target.parent.glob(f".{_glob_escape(target.name)}.*{TEMP_SUFFIX}"))


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temporary files of `target` that no running writer holds; returns them."""
    if fcntl is None:
        return []
    removed = []
    for temp in temp_files_of(target):
        try:
            fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            _lock(fd, shared=False, wait=False)
            os.remove(temp)
            removed.append(temp)
        except OSError:
            continue  # a live writer holds it, or it went away meanwhile
        finally:
            os.close(fd)
    return removed


def flush_to_disk(fd: int) -> None:
    """fsync one open file."""
    os.fsync(fd)


def flush_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (Windows cannot open a folder; NTFS journals renames)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network file systems refuse; the file itself is already flushed
    finally:
        os.close(fd)


def _create_temp(target: Path, permissions: int) -> tuple[Path, int]:
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return temp, os.open(temp, flags, permissions)  # the umask applies, as to any new file
        except FileExistsError:
            continue
    raise FileExistsError(17, "no free temporary file name", str(target))


def _set_mode(fd: int, target: Path, mode: int | None) -> None:
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            return  # a new file keeps what the umask allowed
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def _lock(fd: int, shared: bool, wait: bool) -> None:
    if fcntl is None:
        return
    operation = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB)
    fcntl.flock(fd, operation)


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        _lock(fd, shared=False, wait=True)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)
