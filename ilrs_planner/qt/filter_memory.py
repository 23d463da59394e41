"""The filter each plan file was left with, brought back when the file is opened again.

It is kept in the window's settings on this computer (QSettings, where the layout and zoom are
kept), by the file's full path, and never in the plan file: a plan goes to partners, and how one
planner looks at it is not part of the plan. The newest MAX_PLANS files are remembered.
"""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QSettings

from .models.task_filters import ALL, TaskFilter

KEY = "filters/by_plan"
MAX_PLANS = 50  # a planner's recent plans; older ones fall back to showing every task


def _key(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _read(settings: QSettings) -> dict[str, dict]:
    try:
        stored = json.loads(str(settings.value(KEY, "{}")))
    except (TypeError, ValueError):  # settings written by hand or damaged: nothing remembered
        return {}
    return stored if isinstance(stored, dict) else {}


def remember(path: str | None, chosen: TaskFilter) -> None:
    """Keep `chosen` for the plan file at `path` (All tasks forgets it); nothing for an unsaved plan."""
    if not path:
        return
    settings = QSettings()
    stored = _read(settings)
    stored.pop(_key(path), None)  # re-inserted last: the newest stays, the oldest goes first
    if chosen.active:
        stored[_key(path)] = {"kind": chosen.kind, "owner": chosen.owner, "text": chosen.text}
    settings.setValue(KEY, json.dumps(dict(list(stored.items())[-MAX_PLANS:])))


def recall(path: str | None) -> TaskFilter | None:
    """The filter the plan file at `path` was left with, or None (show every task)."""
    entry = _read(QSettings()).get(_key(path)) if path else None
    if not isinstance(entry, dict):
        return None
    kind, owner, text = entry.get("kind"), entry.get("owner"), entry.get("text")
    if not isinstance(kind, str) or not isinstance(text, str) or not isinstance(owner, (str, type(None))):
        return None
    chosen = TaskFilter(kind or ALL, owner, text)
    return chosen if chosen.active else None
