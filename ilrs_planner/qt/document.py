"""Document: the one model every view reads — project, derived schedule, undo stack, file path."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..commands.base import ChangeSet, Command
from ..domain import PlannerError, Project
from ..engine.cpm import schedule
from ..engine.schedule import Schedule
from .undo import UndoAdapter


def everything(project: Project) -> ChangeSet:
    """A ChangeSet that touches all of `project` (a new or reopened plan)."""
    return ChangeSet(frozenset(project.tasks), structure=True, dates=True, links=True,
                     baselines=True, participants=True, plan=True)


class Document(QObject):
    """Owns the plan during a session. Views read it; every edit arrives as a pushed Command."""

    changed = Signal(object)  # ChangeSet, after every push/undo/redo (schedule already updated)
    scheduleChanged = Signal()
    selectionChanged = Signal(list)
    baselineChanged = Signal(object)
    pathChanged = Signal(object)
    projectReplaced = Signal()  # a different plan was loaded: views rebuild from scratch

    def __init__(self, project: Project, path: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.path = path
        self.revision = 0
        self.selected_ids: list[str] = []
        self.baseline_name: str | None = None
        self._baseline_id: str | None = None  # followed across renames; the name is what views show
        self.schedule_error: PlannerError | None = None
        self._schedule: Schedule | None = None
        # Listen to undo_stack.cleanChanged for the modified state (it is `not clean`).
        self.undo_stack = QUndoStack(self)
        self._recompute()

    # -- reading ---------------------------------------------------------------------------
    @property
    def schedule(self) -> Schedule | None:
        """The derived schedule; None only while the plan cannot be scheduled (see schedule_error)."""
        return self._schedule

    @property
    def modified(self) -> bool:
        """True when there are edits since the last save (the undo stack is not clean)."""
        return not self.undo_stack.isClean()

    # -- editing ---------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Apply `command` (a PlannerError leaves the plan untouched and propagates), then stack it."""
        changes = command.apply(self.project)
        self.undo_stack.push(UndoAdapter(self, command, changes))

    def notify_changed(self, changes: ChangeSet) -> None:
        """Called by the undo adapter after every apply/revert: recompute, then tell the views."""
        self.revision += 1
        if changes.baselines:
            self._follow_compared_baseline()
        if changes.dates or changes.structure or changes.links or changes.plan:
            self._recompute()
            self._drop_stale_selection()
            self.changed.emit(changes)
            self.scheduleChanged.emit()
        else:
            self.changed.emit(changes)

    def replace_project(self, project: Project, path: str | None) -> None:
        """Show a different plan (new, opened, restored): the undo history starts afresh."""
        self.project = project
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.revision += 1
        self.selected_ids = []
        if self.baseline_name and not any(b.name == self.baseline_name for b in project.baselines):
            self.set_baseline(None)
        elif self.baseline_name:
            self._baseline_id = project.baseline(self.baseline_name).id  # same name in the new plan
        self._recompute()
        self.set_path(path)
        self.projectReplaced.emit()
        self.changed.emit(everything(project))
        self.scheduleChanged.emit()
        self.selectionChanged.emit([])

    def set_path(self, path: str | None) -> None:
        """Record where the plan lives now (after Save As)."""
        if path != self.path:
            self.path = path
            self.pathChanged.emit(path)

    def mark_saved(self) -> None:
        """The plan on disk now equals the one in memory."""
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """The plan exists nowhere as a plan file (just imported): closing must offer to save it."""
        self.undo_stack.resetClean()

    # -- view state shared by the tree and the chart -----------------------------------------
    def set_selection(self, ids: list[str]) -> None:
        """Select these task ids in every view."""
        ids = [tid for tid in dict.fromkeys(ids) if tid in self.project.tasks]
        if ids != self.selected_ids:
            self.selected_ids = ids
            self.selectionChanged.emit(list(ids))

    def set_baseline(self, name: str | None) -> None:
        """Compare with the named baseline (ghost bars, variance columns), or with none."""
        self._baseline_id = self.project.baseline(name).id if name is not None else None  # or baseline.unknown
        if name != self.baseline_name:
            self.baseline_name = name
            self.baselineChanged.emit(name)

    def _follow_compared_baseline(self) -> None:
        """After baseline edits: a renamed baseline stays compared under its new name; a deleted one ends it."""
        if self._baseline_id is None:
            return
        current = next((b for b in self.project.baselines if b.id == self._baseline_id), None)
        self.set_baseline(current.name if current else None)

    def _drop_stale_selection(self) -> None:
        if any(tid not in self.project.tasks for tid in self.selected_ids):
            self.set_selection(self.selected_ids)

    def _recompute(self) -> None:
        try:
            self._schedule, self.schedule_error = schedule(self.project), None
        except PlannerError as error:
            self._schedule, self.schedule_error = None, error
