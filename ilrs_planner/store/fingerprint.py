"""What a plan file looked like when it was opened or saved, to tell whether someone changed it since."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..files.regular import open_regular


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Size, modification time and SHA-256 of a file's bytes."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> Fingerprint | None:
        """The fingerprint of `path` now, or None if it is gone or unreadable."""
        digest = hashlib.sha256()
        try:
            with open_regular(path) as handle:  # a pipe or device in the plan's place is not its bytes
                info = os.fstat(handle.fileno())
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        return cls(info.st_size, info.st_mtime_ns, digest.hexdigest())

    def same_content(self, other: Fingerprint | None) -> bool:
        """True when `other` has the same bytes (a file touched but not changed is the same)."""
        return other is not None and other.size == self.size and other.sha256 == self.sha256


def changed_since(path: str | os.PathLike[str], fingerprint: Fingerprint | None) -> bool:
    """True when `path` no longer holds the bytes `fingerprint` was taken of (or is gone)."""
    if fingerprint is None:
        return Path(path).exists()
    return not fingerprint.same_content(Fingerprint.of(path))
