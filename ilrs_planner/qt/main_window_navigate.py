"""Finding and showing things: Find (Ctrl+F, F3), Go to today, Scroll to task, Zoom in and out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit

from .gantt.canvas import today
from .keys import StandardKey

if TYPE_CHECKING:
    from .main_window import MainWindow

ZOOM_STEP = 1.5  # per Ctrl+= / Ctrl+-, a little more than a wheel notch


def matching_ids(project, text: str) -> list[str]:
    """Tasks whose name or key holds `text` (any case), in outline order."""
    needle = text.strip().casefold()
    if not needle:
        return []
    return [task.id for task, _ in project.walk() if needle in task.name.casefold() or needle in task.key.casefold()]


class NavigateActions:
    """Find box and actions on `window`; they move the view and the selection, never the plan."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        add = window.add_action
        self.find_box = QLineEdit()
        self.find_box.setObjectName("find_box")
        self.find_box.setPlaceholderText("Find task (Ctrl+F)")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(220)
        self.find_box.returnPressed.connect(self.find_next)
        # Esc leaves the box for the table, on the task found, as a browser's find bar does.
        QShortcut(QKeySequence("Escape"), self.find_box, window.tree.setFocus,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.find = add("", "&Find…", StandardKey.Find, self.focus_find, "Find a task by name or key")
        self.find_again = add("", "Find &next", StandardKey.FindNext, self.find_next,
                              "Select the next task matching the text in the find box")
        self.today = add("", "Go to &today", "Ctrl+T", self.go_to_today, "Scroll the chart to today's date")
        self.scroll_to_task = add("", "Scroll to &task", "Ctrl+Shift+J", self.show_selected_task,
                                  "Scroll the chart to the selected task's bar")
        self.zoom_in = add("", "Zoom &in", (StandardKey.ZoomIn, "Ctrl+="), lambda: self._zoom(ZOOM_STEP),
                           "Show a shorter span of time")
        self.zoom_out = add("", "Zoom &out", StandardKey.ZoomOut, lambda: self._zoom(1 / ZOOM_STEP),
                            "Show a longer span of time")

    def focus_find(self) -> None:
        """Ctrl+F: put the cursor in the find box, its text selected for typing over."""
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> None:
        """Select the next task (after the selected one, wrapping) whose name or key holds the text."""
        text = self.find_box.text()
        found = matching_ids(self.document.project, text)
        if not found:
            self.window.statusBar().showMessage(f"No task matches “{text}”" if text.strip() else
                                                "Type a name or key in the find box first", 6000)
            return
        order = [task.id for task, _ in self.document.project.walk()]
        current = self.document.selected_ids[0] if self.document.selected_ids else None
        after = order.index(current) if current in order else -1
        target = next((tid for tid in found if order.index(tid) > after), found[0])
        self.window.tree.reveal(target)
        self.document.set_selection([target])
        self.show_selected_task()
        self.window.statusBar().showMessage(f"{found.index(target) + 1} of {len(found)} matching “{text}”", 6000)

    def go_to_today(self) -> None:
        """Today near the chart's left edge, the zoom unchanged."""
        self.window.gantt.show_date(today())

    def show_selected_task(self) -> None:
        """The selected task's row in view and its bar's start near the chart's left edge."""
        ids = self.document.selected_ids
        if not ids or ids[0] not in self.window.gantt.rows():
            return
        self.window.tree.scrollTo(self.window.tree.proxy_index(ids[0]))
        start, _finish = self.window.gantt.shown_dates(ids[0])
        self.window.gantt.show_date(start, at=0.1)

    def _zoom(self, factor: float) -> None:
        self.window.gantt.zoom_step(factor)
