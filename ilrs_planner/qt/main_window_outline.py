"""Edit → Indent, Outdent, Move up and Move down on the selected rows, as one undo step each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..commands.composite import AllOrNothing
from ..commands.tasks import OutdentTask
from .selection_rows import row_of_each, under_any

if TYPE_CHECKING:
    from .document import Document
    from .main_window import MainWindow


class OutlineMoves:
    """The outline moves of EditActions (a mixin: `window`, `document` and `push` are EditActions')."""

    window: MainWindow
    document: Document

    def _move(self, command_type) -> None:
        if self.document.selected_ids:
            selected = list(self.document.selected_ids)
            command = command_type(selected[0])
            if self.push(command):
                self._in_sight(selected[:1])
                self.document.set_selection(selected[:1])
                if getattr(command, "dropped", None):  # an indent under a task it was linked with
                    self.window._note(f"{command.text}: a summary cannot be linked to its own sub-task "
                                      "(Undo brings the link back)")

    def _in_sight(self, task_ids: list[str]) -> None:
        """The summaries the rows went under opened, as MS Project shows a task indented under a
        summary whose sub-tasks were hidden (it went out of sight, still selected)."""
        tree = self.window.tree
        for task_id in task_ids:
            if task_id in self.document.project.tasks and not tree.proxy_index(task_id).isValid():
                tree.reveal(task_id)

    def _move_rows(self, command_type) -> None:
        """Move up or down every selected row in its group, as one undo step, the selection kept.
        Rows already at their group's edge stay, and the status bar says which (every row there:
        the move is refused, saying so)."""
        selected = list(self.document.selected_ids)
        if not selected:
            return
        command = command_type(selected)
        if self.push(command):
            self.document.set_selection(selected)
            stayed = command.stuck_text(self.document.project)
            if stayed:
                self.window._note(f"{command.text}: {stayed}")

    def _shift_level(self, command_type) -> None:
        """Indent or outdent every selected row, as MS Project does, in one undo step, the selection
        kept. A row under a selected summary moves with it, not again on its own. Indents go top
        down (each row lands under the one above it as it then stands); outdents bottom up, so the
        rows keep their order (an outdented row is placed right after its old summary)."""
        selected = list(self.document.selected_ids)
        if len(selected) < 2:
            return self._move(command_type)
        tasks = self.document.project.tasks
        chosen = set(selected)
        tops = [tid for tid in selected if tid in tasks and not under_any(tasks, tid, chosen)]
        rows = self.window.tree.source_model.shown()
        order = sorted(tops, key=row_of_each(rows, tops))
        if command_type is OutdentTask:
            order.reverse()
        parts = [command_type(tid) for tid in order]
        command = parts[0] if len(parts) == 1 else AllOrNothing(f"{parts[0].verb} {len(parts)} tasks", parts)
        if self.push(command):
            self._in_sight(selected)
            self.document.set_selection(selected)
            if any(getattr(part, "dropped", None) for part in parts):
                self.window._note(f"{command.text}: a summary cannot be linked to its own sub-task "
                                  "(Undo brings the link back)")
