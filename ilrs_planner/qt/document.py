"""Document: the one model every view reads — project, derived schedule, undo stack, file path."""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..chart.list_ends import agreed_places, forget_lists
from ..commands.base import ChangeSet, Command
from ..commands.graph_edges import offer_schedule
from ..commands.link_ends import forget_link_ends
from ..commands.link_graph import forget_graphs
from ..commands.plan_index import keep_index
from ..domain import PlannerError, Project
from ..engine.cpm import schedule
from ..engine.kept_columns import ColumnKeeper, KeptColumns, VariantColumns
from ..engine.schedule import Schedule, TaskTable
from ..engine.shown_precision import ShownPrecision
from ..engine.shown_precision_kept import KeptShownPrecision
from .change_effects import effects_of
from .long_lived import settle
from .undo import UndoAdapter


def everything(project: Project) -> ChangeSet:
    """A ChangeSet that touches all of `project` (a new or reopened plan)."""
    return ChangeSet(frozenset(project.tasks), structure=True, dates=True, links=True,
                     baselines=True, participants=True, plan=True, replaced=True)


def drop_edits(stack: QUndoStack) -> None:
    """Delete a freed document's edits first, while its undo stack and every edit are still whole.

    The stack owns its edits (UndoAdapters) in C++, and in Python only the stack's wrapper holds
    theirs. Were the garbage collector to free a document in a reference cycle together with its
    stack and edits, it could free an edit's wrapper before the stack, which deletes that edit;
    deleting the document then deletes the stack, which deletes the edit again (a crash in
    QUndoStack::clear). So the document's finalizer holds the stack: its edits are never garbage
    while the document lives, and they are deleted here, in order, as the document goes."""
    if shiboken6.isValid(stack):  # else Qt deleted it already, with a parent of the document
        stack.blockSignals(True)  # the document is gone: no view is to hear of its history ending
        stack.clear()


class Document(QObject):
    """Owns the plan during a session. Views read it; every edit arrives as a pushed Command."""

    # The one signal for changes to the plan: (ChangeSet, initiator) after every push, undo, redo
    # and plan replacement, with the schedule already derived again. The initiator is whatever
    # passed itself to `push` (None for undo, redo and a different plan); `change_effects` says
    # what the ChangeSet means for each view.
    changed = Signal(object, object)
    refused = Signal(object, object)  # (PlannerError, initiator): an edit was refused, nothing changed
    selectionChanged = Signal(list)  # view state shared by tree and chart, not a change to the plan
    baselineChanged = Signal(object)  # the baseline compared with (view state)
    pathChanged = Signal(object)  # the file the plan belongs to
    noted = Signal(str)  # a sentence about an edit just made (a typed value rounded), for the status bar

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
        # The plan's scheduling inputs kept across edits, and the tasks edited since they were last
        # brought up to date (None: read the whole plan again); see engine.kept_columns.
        self._columns = ColumnKeeper()
        self._touched: set[str] | None = None
        self._relinked = True  # a link added, removed or changed since (see ColumnKeeper.columns)
        self._read: KeptColumns | None = None  # the columns the schedule was derived from
        self._shown = KeptShownPrecision()  # the precision each task's dates are shown at, for every view
        # Listen to undo_stack.cleanChanged for the modified state (it is `not clean`).
        self.undo_stack = QUndoStack(self)
        weakref.finalize(self, drop_edits, self.undo_stack)
        keep_index(project)  # the commands on this plan find siblings and keys without reading every task
        self._derive()
        settle(project)

    # -- reading ---------------------------------------------------------------------------
    @property
    def schedule(self) -> Schedule | None:
        """The derived schedule; None only while the plan cannot be scheduled (see schedule_error)."""
        return self._schedule

    def shown_precision(self) -> ShownPrecision:
        """The precision each task's dates are shown at, in the schedule as it is now: one for the
        table, the chart and the status bar, found again only after a change that can alter it."""
        return self._shown.of(self.project, self._schedule)

    def variant_columns(self, task_ids: set[str]) -> VariantColumns:
        """The scheduling inputs of copies of the plan in which only the tasks `task_ids` differ (a bar
        being dragged, previewed), read from those kept for the plan, which stay as they are."""
        return self._columns.variants(self._touched, self._relinked, task_ids)

    @property
    def modified(self) -> bool:
        """True when there are edits since the last save (the undo stack is not clean)."""
        return not self.undo_stack.isClean()

    # -- editing ---------------------------------------------------------------------------
    def push(self, command: Command, initiator: object = None) -> None:
        """Apply `command` (a PlannerError leaves the plan untouched and propagates), then stack it."""
        changes = command.apply(self.project)
        self.undo_stack.push(UndoAdapter(self, command, changes, initiator))

    def last_edit(self) -> Command | None:
        """The edit the next Undo takes back (None at the start of the history)."""
        adapter = self.undo_stack.command(self.undo_stack.index() - 1)
        return adapter.command if isinstance(adapter, UndoAdapter) else None

    def take_back(self) -> None:
        """Undo the last edit and leave it out of the history, as if never made (no Redo brings it)."""
        adapter = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(adapter, UndoAdapter):
            adapter.forget_on_undo = True
            self.undo_stack.undo()

    def try_push(self, command: Command, initiator: object = None) -> bool:
        """Push, or announce the refusal (`refused`) and change nothing. True when the edit was made."""
        try:
            self.push(command, initiator)
        except PlannerError as error:
            self.refuse(error, initiator)
            return False
        return True

    def refuse(self, error: PlannerError, initiator: object = None) -> None:
        """Announce a refused edit (also one refused before it became a command, such as a typo)."""
        self.refused.emit(error, initiator)

    def notify_changed(self, changes: ChangeSet, initiator: object = None) -> None:
        """Called by the undo adapter after every apply/revert: recompute, then tell the views."""
        self.revision += 1
        if changes.replaced or self._touched is None:
            self._touched = None
        else:
            self._touched |= changes.task_ids
        self._relinked = self._relinked or changes.links
        if changes.replaced:
            self._shown.forget()
        else:
            self._shown.edited(self.project, changes.task_ids, reshaped=changes.structure, replanned=changes.plan)
        if changes.baselines:
            self._follow_compared_baseline()
        if effects_of(changes).reschedule:
            self._derive()
            self._drop_stale_selection()
        self.changed.emit(changes, initiator)

    def replace_project(self, project: Project, path: str | None) -> None:
        """Show a different plan (new, opened, restored): the undo history starts afresh."""
        self.project = project
        forget_graphs()  # the link check's graph of the plan shown before holds its tasks and links
        forget_link_ends()  # so do the link ends a deletion reads
        forget_lists()  # and the rows and schedule ids the table and the chart compared last
        keep_index(project)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.revision += 1
        self.selected_ids = []
        if self.baseline_name and not any(b.name == self.baseline_name for b in project.baselines):
            self.set_baseline(None)
        elif self.baseline_name:
            self._baseline_id = project.baseline(self.baseline_name).id  # same name in the new plan
        self._touched = None
        self._derive()
        self.set_path(path)
        self.changed.emit(everything(project), None)
        self.selectionChanged.emit([])
        settle(project)  # after the views have read it: their arrays live as long as it does

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

    def _derive(self) -> None:
        """The schedule derived again, and offered to the link check: the first link made in a
        session reads the link ends from it instead of looking 200,000 of them up by id."""
        self._recompute()
        offer_schedule(self.project, self._schedule)

    def _recompute(self) -> None:
        """Derive the schedule again, from the inputs kept since the last time where edits left them alone."""
        columns = self._columns.columns(self.project, self._touched, self._relinked)
        self._touched, self._relinked = set(), False
        before, self._read = (self._schedule, self._read), columns
        try:
            self._schedule, self.schedule_error = schedule(self.project, columns), None
        except PlannerError as error:
            self._schedule, self.schedule_error = None, error
        _tell_order(before, self._schedule, columns)


def _tell_order(before: tuple[Schedule | None, KeptColumns | None], after: Schedule | None,
                columns: KeptColumns | None) -> None:
    """Tell the readers comparing a schedule's ids with the ids before (the table's and the chart's
    rows of dates) where the two lists agree, as the plan's kept columns know it: the new ids are
    those columns' and the old ones the columns' they were read again from."""
    schedule_before, read_before = before
    if schedule_before is None or after is None or read_before is None or columns is None \
            or columns.old_of_new is None:
        return
    old, new = schedule_before.tasks, after.tasks
    if isinstance(old, TaskTable) and isinstance(new, TaskTable) and columns.since == read_before.serial \
            and old.ids() is read_before.task_ids and new.ids() is columns.task_ids:
        agreed_places(old.ids(), new.ids(), columns.old_of_new)
