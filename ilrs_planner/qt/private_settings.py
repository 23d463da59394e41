"""The window's settings readable by this user alone.

The settings keep, by each plan file's full path, the filter it was left with (a codename typed
into the filter box), the baseline it was compared with, and the recent files: on a shared
workstation they tell another account which programmes this planner works on and what they look
for. Qt writes them with the process's umask (0644 under the usual 022), so the folder Qt keeps
them in is made 0700 and the file 0600 before anything is written there, as the recovery copies are
(store/recovery.py). The folder is changed only when it is ours (named after the organisation): a
platform that keeps every program's settings in one folder keeps its own modes, and our file is
made 0600 there instead; the Windows registry has no file at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings


def keep_settings_private() -> None:
    """Make the settings' folder (when it is ours) 0700 and their file 0600, creating the folder."""
    path = Path(QSettings().fileName())
    if not path.is_absolute():
        return  # the registry, or a format with no file
    folder = path.parent
    try:
        if folder.name == QCoreApplication.organizationName():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        if path.exists():
            os.chmod(path, 0o600)
    except OSError:
        pass  # a folder we cannot change is one Qt cannot write the settings into either
