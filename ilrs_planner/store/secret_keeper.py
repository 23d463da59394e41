"""A plan's secret, and its record of the partner copy just made, written into its own file.

The record of each copy written (sharing/sent_record.py) is what a merge of the partner's edits reads
what they were sent from, so `redact` keeps it in the plan's file, as it keeps the secret:

A plan read from a file of format 10 or older has no secret: the copy draws one (sharing/bridge_ids.py),
and unless the plan keeps it, the next copy draws another and its bridges' ids differ from this one's
at exactly the links over withheld work. The command line never saves the plan, so the plan as it was
read, now with its secret, is saved over its own file here, as a save in the window would (a signed
plan's verdict is unchanged: a plan of one's own signed today has its secret already, and neither an
earlier-scheme signature nor a partner copy's binds one; sharing/signed_beside.py). It replaces the
file atomically, and only if the file still holds the bytes that were read (files/atomic.py), so a save
made meanwhile is never lost; a failure leaves the file as it was. A file marked read-only is not replaced.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..domain import PlannerError, Project
from ..files.atomic import real_target
from .fingerprint import Fingerprint
from .writer import write_plan_file


def keep_secret(path: str | os.PathLike[str], project: Project, read: Fingerprint | None) -> Fingerprint | None:
    """Save `project` (read from `path`, whose bytes were then `read`, and now holding its secret) over
    `path`, or refuse by name, leaving the file as it was; the fingerprint of the bytes written."""
    target = real_target(path)
    if read is None or not _writable(target):
        raise _not_kept(path, "the file is read-only")

    def unchanged() -> None:
        if not read.same_content(Fingerprint.of(target)):
            raise _not_kept(path, "the file changed after it was read: make the copy again")

    try:
        return write_plan_file(project, path, check=unchanged, as_opened=True)[1]
    except PlannerError as error:
        if error.code == "store.secret_not_kept":
            raise
        raise _not_kept(path, error.message) from None


def _writable(target: Path) -> bool:
    """The file may be replaced: it is writable to us, and marked writable (a read-only file is left
    alone even where the folder would let us replace it, as it would the administrator)."""
    try:
        marked = os.stat(target).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False
    return bool(marked) and os.access(target, os.W_OK) and os.access(target.parent, os.W_OK)


def _not_kept(path: str | os.PathLike[str], why: str) -> PlannerError:
    return PlannerError(
        "store.secret_not_kept",
        f"the plan '{path}' could not be written to record the partner copy made from it (and keep the "
        f"secret its copies' link ids are made with) ({why}); save the plan once (in the window, or to a "
        "file you can write) and make the copy from that", [str(path)])
