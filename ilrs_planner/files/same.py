"""Is a path about to be written the very file being read? (Through a symbolic link, or another name.)

A partner copy written over its own source would destroy the plan it was made from: `redact
PLAN.db -o COPY.db` with COPY.db a link to PLAN.db did, since saving over a link writes the file it
points to. Comparing the names is not enough; the files themselves are compared.
"""

from __future__ import annotations

import os


def same_file(target: str | os.PathLike[str], source: str | os.PathLike[str]) -> bool:
    """True when writing `target` would replace `source`'s bytes."""
    if os.path.realpath(target) == os.path.realpath(source):
        return True
    try:
        return os.path.samefile(target, source)
    except OSError:  # the target does not exist yet (or cannot be looked at): not the same file
        return False
