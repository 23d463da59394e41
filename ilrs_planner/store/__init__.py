"""Plan files: SQLite behind one small package.

- `save_project(project, path)`: the whole plan in one transaction, into a fresh file renamed
  atomically onto `path` (writer.py).
- `open_project(path) -> Project`: read-only; an untrusted file is checked before any of it is
  read and refused with a `store.*` PlannerError naming the problem (reader.py, validate.py).
- `PlanSession`: an open file in the desktop app: in-use marker, changed-on-disk check before
  saving, and the autosave recovery copy (session.py, lock.py, recovery.py).
"""

from .reader import open_project
from .schema import APPLICATION_ID, CURRENT_VERSION
from .writer import save_project

__all__ = ["APPLICATION_ID", "CURRENT_VERSION", "open_project", "save_project"]
