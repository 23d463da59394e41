"""How each plan file was left: its filter and the baseline compared with, brought back when the
file is opened again.

It is kept in the window's settings on this computer (QSettings, where the layout and zoom are
kept), by the file's full path, and never in the plan file: a plan goes to partners, and how one
planner looks at it is not part of the plan. The newest MAX_PLANS files are remembered.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from .change_effects import effects_of
from .models.task_filters import ALL, OWNER, TaskFilter

if TYPE_CHECKING:
    from .main_window_filter import FilterActions

KEY = "plans/view_by_path"
MAX_PLANS = 50  # a planner's recent plans; older ones open showing every task, compared with none


def _key(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _read(settings: QSettings) -> dict[str, dict]:
    try:
        stored = json.loads(str(settings.value(KEY, "{}")))
    except (TypeError, ValueError):  # settings written by hand or damaged: nothing remembered
        return {}
    return {path: entry for path, entry in stored.items() if isinstance(entry, dict)} \
        if isinstance(stored, dict) else {}


def _update(path: str | None, **values) -> None:
    """Keep `values` for the plan file at `path` (None values forget); nothing for an unsaved plan."""
    if not path:
        return
    settings = QSettings()
    stored = _read(settings)
    entry = {**stored.pop(_key(path), {}), **values}  # re-inserted last: the oldest plans go first
    entry = {name: value for name, value in entry.items() if value is not None}
    if entry:
        stored[_key(path)] = entry
    settings.setValue(KEY, json.dumps(dict(list(stored.items())[-MAX_PLANS:])))


def remember(path: str | None, chosen: TaskFilter) -> None:
    """Keep the filter `chosen` for the plan file at `path` (All tasks forgets it)."""
    _update(path, filter={"kind": chosen.kind, "owner": chosen.owner, "text": chosen.text} if chosen.active else None)


def remember_baseline(path: str | None, name: str | None) -> None:
    """Keep the baseline compared with for the plan file at `path` (None: compared with none)."""
    _update(path, baseline=name, compared=name is not None)


def remember_place(path: str | None, place: dict) -> None:
    """Keep where the plan file at `path` was left in the window (plan_view_place)."""
    _update(path, place=place)


def remembered(path: str | None) -> dict:
    """Everything kept of the plan file at `path` ({} for none, or for an unsaved plan)."""
    return _read(QSettings()).get(_key(path), {}) if path else {}


def recall(path: str | None) -> TaskFilter | None:
    """The filter the plan file at `path` was left with, or None (show every task)."""
    entry = _read(QSettings()).get(_key(path), {}).get("filter") if path else None
    if not isinstance(entry, dict):
        return None
    kind, owner, text = entry.get("kind"), entry.get("owner"), entry.get("text")
    if not isinstance(kind, str) or not isinstance(text, str) or not isinstance(owner, (str, type(None))):
        return None
    chosen = TaskFilter(kind or ALL, owner, text)
    return chosen if chosen.active else None


def recall_baseline(path: str | None) -> tuple[bool, str | None]:
    """(whether the plan file at `path` was left compared with a baseline or with none, and which);
    (False, None) when nothing is remembered of it."""
    entry = _read(QSettings()).get(_key(path), {}) if path else {}
    if "compared" not in entry:
        return False, None
    name = entry.get("baseline")
    return True, name if isinstance(name, str) else None


class PlanViewKeeper:
    """Remembers the baseline compared with as the planner chooses it (the filter remembers itself
    when applied), carries both to a new file on Save As, and brings them back on opening a file."""

    def __init__(self, filters: FilterActions):
        self.filters, self.document = filters, filters.document
        self._project = self.document.project  # told apart from another plan being opened
        self.document.changed.connect(self._changed)
        self.document.pathChanged.connect(self._path_changed)
        self.document.baselineChanged.connect(self._baseline_changed)

    def _changed(self, changes, _initiator) -> None:
        if effects_of(changes).replaced:  # another plan opened (or made, or recovered): shown whole
            self._project = self.document.project
            self._recall()

    def _recall(self) -> None:
        """The baseline compared with, then the filter, this file was left with; what no longer
        applies (a baseline or participant gone) is let go."""
        path, project = self.document.path, self.document.project
        known, baseline = recall_baseline(path)
        if known and (baseline is None or any(b.name == baseline for b in project.baselines)):
            self.document.set_baseline(baseline)  # first: Slipped tasks compares with it
        chosen = recall(path)
        if chosen is not None and (chosen.kind != OWNER or chosen.owner in project.participants):
            self.filters.apply(chosen)

    def _path_changed(self, path) -> None:
        """Save As: the view goes with the plan to its new file (a plan being opened recalls its own)."""
        if self.document.project is self._project:
            remember(path, self.filters.chosen)
            remember_baseline(path, self.document.baseline_name)

    def _baseline_changed(self, name) -> None:
        if self.document.project is self._project:  # not the new plan's own reset while it opens
            remember_baseline(self.document.path, name)

    def filter_chosen(self, chosen: TaskFilter) -> None:
        """Remember the filter applied, for this plan's file; not a filter let go while another plan
        opens (the path is still the last file's then, and its Slipped tasks would be forgotten)."""
        if self.document.project is self._project:
            remember(self.document.path, chosen)
