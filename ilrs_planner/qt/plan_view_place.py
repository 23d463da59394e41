"""Where each plan file was left in the window — the dates the chart showed and the task selected —
brought back when the file is opened again, as its filter and baseline are (plan_view_memory).

Kept beside them in the window's settings on this computer, by the file's path, never in the plan:
how one planner looks at a plan is not part of what goes to partners. Written a second after the
view settles, not at every step of a pan; a value that no longer fits the plan (a task gone, dates
outside the years a plan may hold) is let go, and the plan is shown whole as any plan opens.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ..domain import dates
from .change_effects import effects_of
from .plan_view_memory import remember_place, remembered

if TYPE_CHECKING:
    from .main_window import MainWindow

SETTLE_MS = 1000


class PlanPlaceKeeper(QObject):
    """Remembers the chart's dates and the selected task per plan file and brings them back."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window, self.document = window, window.document
        self._project, self._path = self.document.project, self.document.path
        self._place: tuple[str, dict] | None = None  # (file, place) waiting to be written
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self.flush)
        window.gantt.zoomChanged.connect(self._moved)
        self.document.selectionChanged.connect(self._moved)
        self.document.changed.connect(self._changed)
        self.document.pathChanged.connect(self._path_changed)
        self._recall()  # a window made on a plan file already open

    def _moved(self, *_args) -> None:
        """The view moved: note where it is for this plan's file (not while another plan opens)."""
        if self.document.project is not self._project or not self._path:
            return
        first, end = self.window.gantt.visible_range()
        task = self.document.selected_ids[0] if self.document.selected_ids else None
        self._place = (self._path, {"first": first.isoformat(), "end": end.isoformat(), "task": task})
        self._timer.start()

    def flush(self) -> None:
        """Write the place noted last (at once when another plan opens or the window closes)."""
        self._timer.stop()
        if self._place is not None:
            path, place = self._place
            self._place = None
            remember_place(path, place)

    def _path_changed(self, path) -> None:
        if self.document.project is self._project:  # Save As: the place goes with the plan
            self._path = path
            self._moved()

    def _changed(self, changes, _initiator) -> None:
        if effects_of(changes).replaced:
            self.flush()  # the plan before keeps where it was left
            self._project, self._path = self.document.project, self.document.path
            self._recall()

    def _recall(self) -> None:
        place = recalled_place(self._path, set(self.document.project.tasks))
        if place is None:
            return
        first, end, task = place
        if task is not None:
            self.window.tree.reveal(task)
            self.document.set_selection([task])
        self.window.gantt.show_range(first, end)


def recalled_place(path: str | None, tasks: set[str]) -> tuple[date, date, str | None] | None:
    """(first, end, task) the plan file at `path` was left showing, or None when nothing fits."""
    entry = remembered(path).get("place")
    if not isinstance(entry, dict):
        return None
    try:
        first, end = date.fromisoformat(str(entry.get("first"))), date.fromisoformat(str(entry.get("end")))
    except ValueError:  # settings damaged or written by hand
        return None
    if not (first.year >= dates.MIN_YEAR and end.year <= dates.MAX_YEAR and first < end):
        return None
    task = entry.get("task")
    return first, end, task if isinstance(task, str) and task in tasks else None
