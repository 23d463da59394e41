"""Reading a file that should be an ordinary one, beside a plan in a folder others can write to.

A named pipe (FIFO) there makes a plain `open()` wait forever for a writer, and a link to a device
(`/dev/zero`) makes `read()` never end: a partner's folder could hang the program or exhaust its
memory through a file it only meant to peek at (a plan's in-use marker, its fingerprint). So the
file is opened without waiting (O_NONBLOCK, which an ordinary file ignores) and refused with an
OSError unless it is a regular file; readers bound how much they read.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """`path` opened for reading in binary; OSError (EINVAL) when it is not a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_small(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OSError (EFBIG) when it holds more."""
    with open_regular(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"more than {limit:,} bytes", os.fspath(path))
    return data
