"""View → Outline → Show sub-tasks, Hide sub-tasks and Show all sub-tasks, on MS Project's keys.

A planner folds a plan from the keyboard as in MS Project: Alt+Shift+- hides the sub-tasks of the
selected summary (of the summary a selected sub-task is in, which is then selected, as the row the
cursor was on goes out of sight), Alt+Shift++ (or =) shows them, Alt+Shift+* opens every summary.
The arrow in the Name column, and Left and Right there, fold one summary as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from .main_window import MainWindow


class OutlineShowing:
    """The three actions; the table's model keeps which summaries are open."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.show_subtasks = window.add_action(
            "", "&Show sub-tasks", ("Alt+Shift++", "Alt+Shift+="), lambda: self._fold(True),
            "Show the sub-tasks of the selected summaries", on_tasks=True)
        self.hide_subtasks = window.add_action(
            "", "&Hide sub-tasks", ("Alt+Shift+-", "Alt+Shift+_"), lambda: self._fold(False),
            "Hide the sub-tasks of the selected summaries (of a selected sub-task's summary)", on_tasks=True)
        self.show_all = window.add_action(
            "", "Show &all sub-tasks", "Alt+Shift+*", window.tree.expandAll,
            "Open every summary of the plan", on_tasks=True)

    def actions(self) -> list[QAction]:
        """The View menu's Outline entries, in order."""
        return [self.show_subtasks, self.hide_subtasks, self.show_all]

    def _fold(self, shown: bool) -> None:
        """Open or close the selected summaries; hiding, a sub-task selected closes its summary."""
        document, model = self.window.document, self.window.tree.source_model
        tasks = document.project.tasks
        summaries = []
        for task_id in document.selected_ids:
            if not model.has_children(task_id) and not shown:
                task_id = tasks[task_id].parent_id if task_id in tasks else None
            if task_id is not None and model.has_children(task_id) and task_id not in summaries:
                summaries.append(task_id)
        for summary in summaries:
            model.set_open(summary, shown)
        if not shown and summaries:  # the rows selected may be out of sight now: their summaries are
            kept = [task_id for task_id in document.selected_ids if self.window.tree.proxy_index(task_id).isValid()]
            document.set_selection(list(dict.fromkeys([*kept, *summaries])) if kept else summaries)
