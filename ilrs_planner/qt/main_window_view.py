"""The View menu: critical path, zoom presets, baseline to compare with; the status bar figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QToolButton

from ..domain import Project, format_fuzzy_date
from ..engine.schedule import Schedule, TaskTable
from .change_effects import effects_of
from .first_split import crowds_chart, first_split
from .history_bar import HistoryBar
from .models.task_columns import Column
from .plain_text import plain_label, tooltip

if TYPE_CHECKING:
    from .main_window import MainWindow

MIN_CHART_WIDTH = 320  # what the chart keeps when the table widens for a comparison
ZOOM_PRESETS = [  # (Gantt preset, menu text, icon, shortcut)
    ("programme", "&Whole programme", "zoom-programme", "Ctrl+0"),
    ("10y", "&10 years", "zoom-10y", "Ctrl+1"),
    ("2y", "&2 years", "zoom-2y", "Ctrl+2"),
    ("quarter", "&Quarter", "zoom-quarter", "Ctrl+3"),
    ("selection", "Fit &selection", "zoom-fit", "Ctrl+4"),
]


class ViewActions:
    """Critical path toggle, zoom presets forwarded to the Gantt, baseline chooser, status bar."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        self.critical = window.add_action("critical", "Show &critical path", "Ctrl+K", None,
                                          "Highlight the tasks that drive the finish date", checkable=True)
        self.critical.toggled.connect(self._show_critical)
        self.history = window.add_action("history", "Roadmap &history", "Ctrl+Shift+H", None,
                                         "Slide through the announcements: the roadmap as it stood at each baseline",
                                         checkable=True)
        self.history_bar = HistoryBar(self.document, window)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.history_bar)  # a scrubber under the chart
        self.history_bar.hide()
        self.history_bar.momentChanged.connect(self._show_moment)
        self.history.toggled.connect(self._toggle_history)
        self.zoom = {name: window.add_action(icon_name, text, key, lambda n=name: self.zoom_to(n),
                                             f"Zoom: {text.replace('&', '')}")
                     for name, text, icon_name, key in ZOOM_PRESETS}
        self.last_zoom = "programme"
        self.zoom_button: QToolButton | None = None  # the tool bar's zoom button, once it is built
        self.baseline_menu = window.menus["view"].addMenu("Compare with &baseline")
        self.baseline_group = QActionGroup(window)
        self.baseline_menu.aboutToShow.connect(self._fill_baseline_menu)
        self.document.baselineChanged.connect(self._room_for_comparison)  # after the table shows its columns
        self._status_labels()
        self.document.changed.connect(self._plan_changed)
        self.document.pathChanged.connect(self.update_status)
        self.update_status()

    def view_actions(self) -> list[QAction | None]:
        """The View menu's actions, in order (None = separator)."""
        return [self.critical, self.history, None, *self.zoom.values(), None]

    def zoom_to(self, name: str) -> None:
        """Forward a zoom preset to the Gantt and remember it."""
        self.last_zoom = name
        self.window.gantt.zoom_preset(name)
        if self.zoom_button is not None:
            self.zoom_button.setDefaultAction(self.zoom[name])

    def _toggle_history(self, on: bool) -> None:
        self.history_bar.setVisible(on)
        if on:
            self.history_bar.reload()  # starts at the current plan; the slider goes back from there
            mta = getattr(getattr(self.window, "analysis", None), "docks", {}).get("mta")
            if mta is not None:
                mta.show()
                mta.raise_()
        else:
            self._show_moment(None)

    def _show_moment(self, step) -> None:
        """The Gantt draws the roadmap as announced at `step`; the trend chart marks its date."""
        shown = step if self.history.isChecked() else None
        self.window.gantt.set_history(shown)
        analysis = getattr(self.window, "analysis", None)
        if analysis is not None:
            analysis.mta.chart.set_marker(shown.as_of if shown is not None and shown.baseline is not None else None)

    def _show_critical(self, on: bool) -> None:
        self.window.gantt.set_show_critical(on)

    def _fill_baseline_menu(self) -> None:
        self.baseline_menu.clear()
        for action in self.baseline_group.actions():
            self.baseline_group.removeAction(action)
        # Numbered oldest first as `baselines` lists them and the other baseline choosers show them
        # ("3  2021-06-16 ILRS roadmap"), so "baseline 3" is the same one everywhere; '&' is shown, not
        # taken as a menu accelerator.
        numbered = enumerate(self.document.project.numbered_baselines(), 1)
        labels = [(None, "None (current plan only)")] + [
            (b.name, f"{number}  {b.name.replace('&', '&&')}") for number, b in numbered]
        for name, label in labels:
            action = self.baseline_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(name == self.document.baseline_name)
            action.triggered.connect(lambda _=False, n=name: self.document.set_baseline(n))
            self.baseline_group.addAction(action)

    def _room_for_comparison(self, name) -> None:
        """A comparison is read in the Finish variance column: when the table is too narrow to show
        the columns up to it whole, the table takes the room from the chart, which keeps at least a
        third of the window (at 1600 pixels the table's two fifths cut the column in half); else the
        table stays scrolled to it beside the ID and Name, which stay in view."""
        tree, splitter = self.window.tree, self.window.splitter
        if name is None or splitter.count() != 2:
            return
        header, variance = tree.header(), int(Column.VARIANCE)
        tree.updateGeometries()  # the viewport's width with the columns just shown
        missing = header.sectionPosition(variance) + header.sectionSize(variance) - tree.viewport().width()
        table, chart = splitter.sizes()
        give = min(missing, chart - max(splitter.width() // 3, MIN_CHART_WIDTH))
        if give >= missing > 0:  # only when the columns come whole: a narrower chart for nothing helps no one
            splitter.setSizes([table + give, chart - give])
            tree.horizontalScrollBar().setValue(0)  # ID to Finish variance, unscrolled
            tree.scroll_column_into_view(Column.VARIANCE)

    def first_split(self) -> None:
        """The first split of a window with none remembered (see first_split.py)."""
        first_split(self.window.tree, self.window.splitter)

    def remembered_split(self, remembered_width: int) -> None:
        """A split remembered from a wider window made afresh when it would crowd the chart (see first_split.py)."""
        if crowds_chart(self.window.splitter, remembered_width):
            first_split(self.window.tree, self.window.splitter)

    # -- status bar ----------------------------------------------------------------------------
    def _status_labels(self) -> None:
        bar = self.window.statusBar()
        for key in ("finish", "critical", "path"):
            label = plain_label()  # it can quote the plan (a calendar name in a scheduling error)
            label.setObjectName(f"status_{key}")
            bar.addPermanentWidget(label)  # the space left of them shows messages (a stretch took it all)
            self.window.status_bar_widgets[key] = label

    def _plan_changed(self, changes, _initiator) -> None:
        if effects_of(changes).reschedule:
            self.update_status()
        elif changes.task_ids and self.document.schedule is not None:
            self._show_finish()  # a task's precision, which moves no date, may change how well the finish is known

    def update_status(self, *_args) -> None:
        """Project finish, number of critical tasks and the file, from the current schedule."""
        labels = self.window.status_bar_widgets
        schedule, error = self.document.schedule, self.document.schedule_error
        if schedule is not None:
            self._show_finish()
            labels["critical"].setText(f"Critical tasks: {critical_count(schedule, self.document.project)}")
        else:
            labels["finish"].setText("Not scheduled" + (f": {error.message}" if error else ""))
            labels["critical"].setText("")
        labels["path"].setText(self.document.path or "Not saved to a file")
        labels["path"].setToolTip(tooltip(self.document.path))

    def _show_finish(self) -> None:
        """The last day of work, as precisely as the tasks finishing then are known (the table's cells)."""
        schedule = self.document.schedule
        assert schedule is not None
        precision = self.document.shown_precision().finish_precision()
        self.window.status_bar_widgets["finish"].setText(f"Finish: {format_fuzzy_date(schedule.last_day(), precision)}")

    def save_state(self, settings: QSettings) -> None:
        """Remember the zoom preset and critical-path toggle."""
        settings.setValue("view/zoom", self.last_zoom)
        settings.setValue("view/critical", self.critical.isChecked())

    def restore_state(self, settings: QSettings) -> None:
        """Bring back the zoom preset and critical-path toggle."""
        self.critical.setChecked(settings.value("view/critical", True, type=bool))
        self._show_critical(self.critical.isChecked())
        zoom = settings.value("view/zoom", "programme")
        self.zoom_to(zoom if zoom in self.zoom and zoom != "selection" else "programme")


def critical_count(schedule: Schedule, project: Project) -> int:
    """Critical tasks that are not summaries. Read from the schedule's columns and its outline where
    it has them: a set of 100,000 ids and of every summary after each edit cost 20 ms."""
    tasks, outline = schedule.tasks, schedule.outline
    if isinstance(tasks, TaskTable) and outline is not None and len(outline) == len(tasks):
        critical = tasks.arrays()[6] != 0
        critical[outline[outline >= 0]] = False  # a place some task names as its parent is a summary
        return int(critical.sum())
    return len(schedule.critical_ids() - project.summary_ids())

