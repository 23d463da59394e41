"""Finding and showing things: Find (Ctrl+F, F3, Shift+F3), Go to today, Scroll to task, Zoom in and out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from .change_effects import effects_of
from .gantt.canvas import today
from .keys import StandardKey, escape_key
from .models.task_tree_model import ROW_HEIGHT
from .models.task_tree_view import HEADER_HEIGHT

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
        escape_key(self.find_box, window.tree.setFocus)
        self.find = add("", "&Find…", StandardKey.Find, self.focus_find, "Find a task by name or key")
        self.find_again = add("", "Find &next", StandardKey.FindNext, self.find_next,
                              "Select the next task matching the text in the find box")
        self.find_back = add("", "Find &backwards", StandardKey.FindPrevious, self.find_previous,
                             "Select the task before the selected one matching the text in the find box")
        self.today = add("", "Go to &today", "Ctrl+T", self.go_to_today, "Scroll the chart to today's date")
        self.scroll_to_task = add("", "Scroll to tas&k", ("Ctrl+Shift+J", "Ctrl+Shift+F5"), self.show_selected_task,
                                  "Scroll the chart to the selected task's bar")
        self.zoom_in = add("", "Zoom &in", (StandardKey.ZoomIn, "Ctrl+="), lambda: self._zoom(ZOOM_STEP),
                           "Show a shorter span of time")
        self.zoom_out = add("", "Zoom &out", StandardKey.ZoomOut, lambda: self._zoom(1 / ZOOM_STEP),
                            "Show a longer span of time")
        self.document.selectionChanged.connect(self.follow_selection)
        self.document.changed.connect(self._follow_dates)

    def follow_selection(self, ids: list[str]) -> None:
        """The chart keeps the selected task in sight as the table keeps its row: a task added (or
        chosen in a dock) whose bar lies outside the dates shown brings the bar in, the zoom kept.
        A bar already partly in sight stays where it is, so clicking bars never moves the chart."""
        row = self.window.tree.source_model.row_of(ids[0]) if ids else None
        if row is None:
            return
        self._row_in_chart(row)
        gantt = self.window.gantt
        start, finish = gantt.shown_dates(ids[0], row)  # the chart shows the table's rows
        first, last = gantt.visible_range()
        if finish < first or start > last:
            gantt.show_date(start, at=0.1)

    def _follow_dates(self, changes, _initiator) -> None:
        """An edit that moved the selected task's bar out of the dates shown (its duration typed, a
        link typed into its Predecessors cell) brings the bar back in, as after its selection: on a
        new plan at a day zoom the tasks linked one after another ran off to the right out of sight."""
        if self.document.selected_ids and effects_of(changes).reschedule:
            self.follow_selection(self.document.selected_ids)

    def _row_in_chart(self, row: int) -> None:
        """Scroll the shared rows so `row` is inside the chart's row area, which is shorter than the
        table's (the legend and the time scroll bar sit under it): a task added at the foot of the
        table was in the table's view but under the chart's legend."""
        bar, gantt = self.window.tree.verticalScrollBar(), self.window.gantt
        height = gantt.canvas.height() - HEADER_HEIGHT
        top = row * ROW_HEIGHT
        if height < ROW_HEIGHT:
            return
        if top < bar.value():
            bar.setValue(top)
        elif top + ROW_HEIGHT > bar.value() + height:
            bar.setValue(top + ROW_HEIGHT - height)

    def focus_find(self) -> None:
        """Ctrl+F: put the cursor in the find box, its text selected for typing over."""
        if (bar := self.find_box.parentWidget()) is not None:
            bar.show()  # the filter and find bar, hidden from View: typing would go out of sight
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> None:
        """Select the next task (after the selected one, wrapping) whose name or key holds the text."""
        self._find(forward=True)

    def find_previous(self) -> None:
        """Select the task before the selected one (wrapping) whose name or key holds the text."""
        self._find(forward=False)

    def _find(self, forward: bool) -> None:
        """Select the next (previous) match the table shows: as in MS Project, Find searches the tasks
        the filter shows, and a match it hides is counted, never selected out of sight."""
        text = self.find_box.text()
        found = matching_ids(self.document.project, text)
        shown = self.window.filters.shown_ids()
        hidden = 0 if shown is None else sum(1 for tid in found if tid not in shown)
        found = found if shown is None else [tid for tid in found if tid in shown]
        hides = f"{hidden:,} more the filter {self.window.filters.chosen.label(self.document.project)} hides" \
            if hidden else ""
        if not found:
            said = (f"No task shown matches “{text}”: {hides} (choose All tasks to find it)" if hidden
                    else f"No task matches “{text}”" if text.strip() else "Type a name or key in the find box first")
            self.window.statusBar().showMessage(said, 6000)
            return
        at = self._found_place(found, forward)
        target = found[at]
        self.window.tree.reveal(target)
        # Selecting brings the bar into the chart only when it is out of sight (follow_selection):
        # a Find that moved the chart to every bar found lost the dates the planner was looking at.
        self.document.set_selection([target])
        more = f" ({hides})" if hides else ""
        self.window.statusBar().showMessage(f"{at + 1} of {len(found)} matching “{text}”{more}", 6000)

    def _found_place(self, found: list[str], forward: bool) -> int:
        """The place in `found` (in outline order) of the match after (before) the selected task,
        wrapping. Each task's place read once: asked of the outline for every match, Find next at the
        foot of 10,000 tasks took 2.4 s."""
        current = self.document.selected_ids[0] if self.document.selected_ids else None
        place = {task.id: i for i, (task, _) in enumerate(self.document.project.walk())}
        here = place.get(current, -1 if forward else len(place))
        places = [place[tid] for tid in found]
        at = bisect_right(places, here) if forward else bisect_left(places, here) - 1
        return at % len(found)

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
