"""The Edit menu and toolbar: add, delete, outline moves, task details, undo/redo."""

from __future__ import annotations

from collections.abc import Collection
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication

from ..chart.tally import Tally
from ..commands.base import ChangeSet, Command
from ..commands.composite import AllOrNothing
from ..commands.links import AddLink
from ..commands.tasks import AddTask, DeleteTasks, IndentTask, MoveTaskDown, MoveTaskUp, OutdentTask
from ..domain import Task, TaskKind
from ..domain.terminal_text import one_line
from .dialogs.task_dialog import TaskDialog
from .edit_readiness import EditReadiness
from .image_export import timeline_image
from .keys import StandardKey, first_key_text, key_list
from .main_window_outline import OutlineMoves
from .resources import icon
from .selection_rows import row_in_place
from .sorted_outline import SortedOutline

if TYPE_CHECKING:
    from .main_window import MainWindow

# A new task lasts one working day, as in MS Project and GanttProject: a planner types the real
# duration next, and a one-day bar shows where the task sits without claiming a month of work.
NEW_TASK_DAYS = 1


def unused_key(project, prefix: str, keys: Collection[str] | None = None) -> str:
    """The first key `PREFIX-1`, `PREFIX-2`, … not yet in the plan (`keys`: its keys, when known)."""
    if keys is None:
        keys = set(map(attrgetter("key"), project.tasks.values()))
    number = 1
    while f"{prefix}-{number}" in keys:
        number += 1
    return f"{prefix}-{number}"


class EditActions(OutlineMoves):
    """Builds the edit actions on `window` and runs them through document.push."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        stack = self.document.undo_stack
        self.undo = stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(key_list(StandardKey.Undo))
        self.undo.setIcon(icon("undo"))
        self.redo = stack.createRedoAction(window, "&Redo")
        # Both habits reach Redo on every platform, each key once (a repeat makes Qt ignore the key).
        self.redo.setShortcuts(key_list(StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.redo.setIcon(icon("redo"))
        # Undo clicked while a cell is being typed into takes back the typing, as Ctrl+Z in the cell
        # does; the step before it stays. (It undid that step and the typing was then lost.)
        self.undo.triggered.disconnect()
        self.undo.triggered.connect(lambda: window.tree.cancel_open_editor() or stack.undo())
        self.redo.triggered.disconnect()
        self.redo.triggered.connect(lambda: (window.tree.cancel_open_editor(), stack.redo()))
        # Their tooltips name their keys, as every other button's ("Undo Rename … (Ctrl+Z)").
        stack.undoTextChanged.connect(self._tip_undo)
        stack.redoTextChanged.connect(self._tip_redo)
        self._tip_undo(stack.undoText())
        self._tip_redo(stack.redoText())
        specs = [  # attribute, icon, menu text, shortcut, what it does, status tip
            ("add_task", "add-task", "&Add task", "Insert", lambda: self.add_new(milestone=False),
             "Add a task below the selected one"),
            ("add_milestone", "add-milestone", "Add &milestone", "Ctrl+M", lambda: self.add_new(milestone=True),
             "Add a milestone below the selected task"),
            ("delete", "delete", "&Delete", "Delete", self.delete_selected,
             "Delete the selected tasks and everything under them"),
            ("indent", "indent", "&Indent", "Alt+Shift+Right", lambda: self._shift_level(IndentTask),
             "Put each selected task under the one above it"),
            ("outdent", "outdent", "&Outdent", "Alt+Shift+Left", lambda: self._shift_level(OutdentTask),
             "Move each selected task out of its summary"),
            ("move_up", "up", "Mo&ve up", "Alt+Shift+Up", lambda: self._move_rows(MoveTaskUp),
             "Move each selected task above the one above it in its group"),
            ("move_down", "down", "Move do&wn", "Alt+Shift+Down", lambda: self._move_rows(MoveTaskDown),
             "Move each selected task below the one below it in its group"),
            ("link", "link", "&Link tasks", ("Ctrl+L", "Ctrl+F2"), self.link_selected,
             "Make each selected task depend on the one selected before it (finish to start)"),
            ("details", "task-dialog", "Ta&sk details…", ("Ctrl+I", "Shift+F2"), self.open_details,
             "Edit every field of the selected task"),
            ("copy_image", "export", "Copy ima&ge", "Ctrl+Shift+C", self.copy_image,
             "Copy the chart as shown (its rows, dates and baseline) as a 1920 × 1080 picture for a slide"),
        ]
        on_tasks = {"add_task", "delete", "indent", "outdent", "move_up", "move_down", "link"}
        for name, icon_name, text, shortcut, slot, tip in specs:
            setattr(self, name, window.add_action(icon_name, text, shortcut, slot, tip, on_tasks=name in on_tasks))
        self._added: tuple[str | None, list[str]] = (None, [])  # the task just added, the selection before
        window.tree.addTakenBack.connect(self.take_back_add)
        self.outline_guard = SortedOutline(window.tree, window.statusBar(),
                                           [self.add_task, self.add_milestone],
                                           [self.indent, self.outdent, self.move_up, self.move_down])
        self.outline_guard.changed.connect(self._sort_changed)
        self.document.selectionChanged.connect(self._update_enabled)
        self._update_enabled(self.document.selected_ids)
        # The plan's keys, for the key of a task added: kept from the tasks each edit names, as
        # gathering 100,000 keys again for every task added cost 10-15 ms. Made at the first add.
        self._keys: Tally | None = None
        self._keys_of: object = None  # the plan they are of
        self.document.changed.connect(self._follow_keys)
        prepared = [lambda _plan: self._plan_keys(), lambda _plan: window.tree.source_model.prepare_outline()]
        self.readiness = EditReadiness(self.document, prepared, window)

    def _tip_undo(self, text: str) -> None:
        self.undo.setToolTip(f"Undo {text}".strip() + f" ({first_key_text(StandardKey.Undo)})")

    def _tip_redo(self, text: str) -> None:
        self.redo.setToolTip(f"Redo {text}".strip() + f" ({first_key_text(StandardKey.Redo)})")

    def edit_actions(self) -> list[QAction | None]:
        """The Edit menu, in order (None = separator)."""
        return [self.undo, self.redo, None, self.add_task, self.add_milestone, self.delete, None,
                self.indent, self.outdent, self.move_up, self.move_down, None, self.link, self.details, None,
                self.copy_image]

    def copy_image(self) -> None:
        """Edit → Copy image: the current view on the clipboard, slide-sized."""
        gantt, warnings = self.window.gantt, []
        start, end = gantt.visible_range()
        image = timeline_image(self.document.project, rows=gantt.rows(), date_from=start, date_to=end,
                               baseline=self.document.baseline_name, warnings=warnings)
        QGuiApplication.clipboard().setImage(image)
        note = f" ({'; '.join(warnings)})" if warnings else ""
        self.window.statusBar().showMessage(f"Copied the chart as a {image.width()} × {image.height()} image{note}",
                                            15000)

    def push(self, command: Command) -> bool:
        """Push; a refusal is announced by the Document (nothing changes then). True when made."""
        return self.document.try_push(command, self)

    def add_new(self, milestone: bool) -> None:
        """Add a task or milestone after the selected task, in the same summary; then edit its name."""
        project = self.document.project
        current = project.tasks.get(self.document.selected_ids[0]) if self.document.selected_ids else None
        task = Task(
            key=unused_key(project, "M" if milestone else "T", self._plan_keys().counts),
            name="New milestone" if milestone else "New task",
            duration=0 if milestone else NEW_TASK_DAYS,
            kind=TaskKind.MILESTONE if milestone else TaskKind.TASK,
            parent_id=current.parent_id if current else None,
        )
        before = list(self.document.selected_ids)
        if self.push(AddTask(task, after_id=current.id if current else None)):
            self._added = (task.id, before)
            self.document.set_selection([task.id])
            self.window.tree.edit_name(task.id)

    def take_back_add(self, task_id: str) -> None:
        """Esc while the task just added was being named: the add is taken back, leaving no undo
        step, and the selection goes back where it was, as Esc in MS Project's new row adds nothing."""
        added = self.document.last_edit()
        if not (isinstance(added, AddTask) and added.task.id == task_id and self._added[0] == task_id):
            return
        self.document.take_back()
        self.document.set_selection([tid for tid in self._added[1] if tid in self.document.project.tasks])
        self.window.statusBar().showMessage(f"Adding '{added.task.name}' cancelled", 4000)

    def _plan_keys(self) -> Tally:
        if self._keys is None or self._keys_of is not self.document.project:
            self._keys, self._keys_of = Tally(self.document.project, "key"), self.document.project
        return self._keys

    def _follow_keys(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.replaced or self._keys_of is not self.document.project:
            self._keys = self._keys_of = None
        elif self._keys is not None:
            self._keys.update(self.document.project, changes.task_ids)

    def delete_selected(self) -> None:
        """Delete the selection (one undo step); the row that takes its place is selected, as in
        MS Project, so Delete pressed again deletes the next task and the arrows go on from there."""
        doomed = list(self.document.selected_ids)
        if not doomed:
            return
        rows = self.window.tree.source_model.shown()  # the model's list, replaced (not changed) by the deletion
        project = self.document.project
        named, before = one_line(project.tasks[doomed[0]].name), len(project.tasks)
        if self.push(DeleteTasks(doomed)):
            self.document.set_selection(row_in_place(rows, self._still_shown, doomed))
            if under := before - len(self.document.project.tasks) - len(doomed):  # MS Project asks; we say
                self.document.noted.emit(_sub_tasks_deleted(named, len(doomed), under))

    def _still_shown(self, task_id: str) -> bool:
        return task_id in self.document.project.tasks and self.window.tree.proxy_index(task_id).isValid()

    def link_selected(self) -> None:
        """Chain the selection in the order it was picked, as one step; a loop is refused by name."""
        ids = self.document.selected_ids
        if len(ids) >= 2:
            links = [AddLink(pred, succ) for pred, succ in zip(ids, ids[1:])]
            made = self.push(AllOrNothing(f"Link {len(links) + 1} tasks", links) if len(links) > 1 else links[0])
            # A successor pinned by Must Start/Finish On that its new link cannot meet: said as when typed.
            if made and (note := self.window.tree.source_model.conflict_note(*ids[1:])):
                self.document.noted.emit(note)

    def open_details(self) -> None:
        """The task dialog for the selected task."""
        if self.document.selected_ids:
            dialog = TaskDialog(self.document, self.document.selected_ids[0], self.window)
            dialog.open()

    def _sort_changed(self) -> None:
        self._update_enabled(self.document.selected_ids)

    def _update_enabled(self, ids: list[str]) -> None:
        for action in (self.delete, self.details):
            action.setEnabled(bool(ids))
        self.link.setEnabled(len(ids) >= 2)
        self.outline_guard.update(bool(ids))


def _sub_tasks_deleted(named: str, selected: int, under: int) -> str:
    """What the status bar says when a deletion took sub-tasks along with the rows selected."""
    sub_tasks = f"{under:,} sub-task{'' if under == 1 else 's'}"
    gone = f"'{named}' and its {sub_tasks}" if selected == 1 else f"{selected:,} tasks and the {sub_tasks} under them"
    return f"Deleted {gone} (Ctrl+Z brings them back)"
