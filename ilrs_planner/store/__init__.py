"""Plan files: SQLite behind one small package.

- `save_project(project, path)`: the whole plan in one transaction, into a fresh file renamed
  atomically onto `path` (writer.py).
- `open_project(path) -> Project`: read-only; an untrusted file is checked before any of it is
  read and refused with a `store.*` PlannerError naming the problem (reader.py, validate.py;
  the bounds are in limits.py, the schema in schema.py, its migrations in migrations.py).
  `open_project_columns(path)` also gives the scheduler's columns as read (engine.file_columns).
- `PlanSession`: a file open in the desktop app: in-use marker (lock.py), changed-on-disk check
  before saving (fingerprint.py), autosave recovery copies (recovery.py). See session.py.

Each name is imported from its module when first used: a command that only reads a plan (the
schedule) does not pay for the writer, the in-use marker and the fingerprint (socket, hashlib).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fingerprint import Fingerprint
    from .layout import layout_problems
    from .lock import LockInfo, lock_path_for, read_lock
    from .reader import open_project, open_project_columns
    from .recovery import (
        Recovery,
        discard_recovery,
        find_recoveries,
        read_recovery,
        recovery_dir,
        recovery_path_for,
        write_recovery,
    )
    from .schema import APPLICATION_ID, CURRENT_VERSION
    from .session import PlanSession
    from .writer import save_project

_HOMES = {
    "fingerprint": ("Fingerprint",), "layout": ("layout_problems",), "lock": ("LockInfo", "lock_path_for", "read_lock"),
    "reader": ("open_project", "open_project_columns"),
    "recovery": ("Recovery", "discard_recovery", "find_recoveries", "read_recovery", "recovery_dir",
                 "recovery_path_for", "write_recovery"),
    "schema": ("APPLICATION_ID", "CURRENT_VERSION"), "session": ("PlanSession",), "writer": ("save_project",),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "APPLICATION_ID", "CURRENT_VERSION", "Fingerprint", "LockInfo", "PlanSession", "Recovery", "discard_recovery",
    "find_recoveries", "layout_problems", "lock_path_for", "open_project", "open_project_columns", "read_lock",
    "read_recovery", "recovery_dir", "recovery_path_for", "save_project", "write_recovery",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found once; later uses do not come here
    return value
