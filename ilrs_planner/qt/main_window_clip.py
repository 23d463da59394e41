"""Copy, cut, paste, duplicate and unlink of the selected tasks, each one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ..commands.composite import AllOrNothing
from ..commands.links import DeleteLink
from .keys import StandardKey
from .task_clipboard import TaskCopy, copy_tasks, fitted_to, paste_command

if TYPE_CHECKING:
    from .main_window import MainWindow


def links_to_cut(project, ids: list[str]) -> list[str]:
    """MS Project's Unlink: the links among the selected tasks, or all links of a single one."""
    chosen = set(ids)
    if len(chosen) == 1:
        return [lid for lid, link in project.links.items() if chosen & {link.pred_id, link.succ_id}]
    return [lid for lid, link in project.links.items() if link.pred_id in chosen and link.succ_id in chosen]


class ClipActions:
    """Edit → Copy / Cut / Paste / Duplicate / Unlink on `window`, pushed through its EditActions."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        self.copied: TaskCopy | None = None

        def add(*args):  # keys of the task table and chart only: Ctrl+C in a report copies its cell
            return window.add_action(*args, on_tasks=True)

        self.copy = add("", "&Copy", StandardKey.Copy, self.copy_selected, "Copy the selected tasks")
        self.cut = add("", "Cu&t", StandardKey.Cut, self.cut_selected, "Copy the selected tasks, then delete them")
        self.paste = add("", "&Paste", StandardKey.Paste, self.paste_copied,
                         "Insert copies of the copied tasks below the selected one")
        self.duplicate = add("", "D&uplicate", "Ctrl+D", self.duplicate_selected,
                             "Insert copies of the selected tasks below them")
        self.unlink = add("unlink", "U&nlink tasks", "Ctrl+Shift+F2", self.unlink_selected,
                          "Remove the links among the selected tasks (all links of a single task)")
        self.document.selectionChanged.connect(self._update_enabled)
        self._update_enabled(self.document.selected_ids)

    def actions(self) -> list:
        """In menu order."""
        return [self.cut, self.copy, self.paste, self.duplicate]

    def copy_selected(self) -> bool:
        """Remember the selection (and what is under it); its keys and names go to the clipboard too."""
        copied = copy_tasks(self.document.project, self.document.selected_ids)
        if copied is None:
            return False
        self.copied = copied
        QApplication.clipboard().setText(copied.as_text())
        self.paste.setEnabled(True)
        self.window.statusBar().showMessage(f"Copied {len(copied.tasks)} task(s)", 4000)
        return True

    def cut_selected(self) -> None:
        """Copy, then delete (the deletion is the undoable step)."""
        if self.copy_selected():
            self.window.edit.delete_selected()

    def paste_copied(self) -> None:
        """Fresh copies of the copied tasks below the selected task; they become the selection."""
        if self.copied is not None:
            self._insert(self.copied, "Paste")

    def duplicate_selected(self) -> None:
        """Copies of the selection right below it, without touching what was copied before."""
        copied = copy_tasks(self.document.project, self.document.selected_ids)
        if copied is not None:
            self._insert(copied, "Duplicate")

    def _insert(self, copied: TaskCopy, verb: str) -> None:
        selected = self.document.selected_ids
        after = self._last_selected_root(selected) if selected else None
        # Copied from another plan (or before its owner was removed): pasted without what this plan lacks.
        copied, notes = fitted_to(self.document.project, copied)
        command = paste_command(self.document.project, copied, after, verb)
        if self.window.edit.push(command):
            roots = [part.task.id for part in command.parts if hasattr(part, "task")]
            self.document.set_selection(roots[:1])
            if notes:
                more = f" and {len(notes) - 2} more" if len(notes) > 2 else ""
                self.window.statusBar().showMessage(f"Pasted {'; '.join(notes[:2])}{more}", 15000)

    def _last_selected_root(self, ids: list[str]) -> str:
        """Paste below the selected task that comes last in the outline."""
        order = [task.id for task, _ in self.document.project.walk()]
        return max(ids, key=lambda tid: order.index(tid) if tid in order else -1)

    def unlink_selected(self) -> None:
        """Remove the links among the selected tasks as one step."""
        doomed = links_to_cut(self.document.project, self.document.selected_ids)
        if not doomed:
            self.window.statusBar().showMessage("The selected tasks are not linked", 5000)
            return
        parts = [DeleteLink(lid) for lid in doomed]
        self.window.edit.push(parts[0] if len(parts) == 1 else AllOrNothing(f"Unlink {len(parts)} links", parts))

    def _update_enabled(self, ids: list[str]) -> None:
        for action in (self.copy, self.cut, self.duplicate, self.unlink):
            action.setEnabled(bool(ids))
        self.paste.setEnabled(self.copied is not None)
