"""Plan files: SQLite behind one small package.

- `save_project(project, path)`: the whole plan in one transaction, into a fresh file renamed
  atomically onto `path` (writer.py).
- `open_project(path) -> Project`: read-only; an untrusted file is checked before any of it is
  read and refused with a `store.*` PlannerError naming the problem (reader.py, validate.py;
  the bounds are in limits.py, the schema and its migrations in schema.py).
  `open_project_columns(path)` also gives the scheduler's columns as read (engine.file_columns).
- `PlanSession`: a file open in the desktop app: in-use marker (lock.py), changed-on-disk check
  before saving (fingerprint.py), autosave recovery copies (recovery.py). See session.py.
"""

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

__all__ = [
    "APPLICATION_ID", "CURRENT_VERSION", "Fingerprint", "LockInfo", "PlanSession", "Recovery", "discard_recovery",
    "find_recoveries", "layout_problems", "lock_path_for", "open_project", "open_project_columns", "read_lock",
    "read_recovery", "recovery_dir", "recovery_path_for", "save_project", "write_recovery",
]
