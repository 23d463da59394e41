"""The task table's columns: which are shown and how wide at first, the header's column menu, the
baseline columns that come with a comparison, and the choice remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu

from .frozen_columns import FROZEN
from .task_columns import BASELINE_COLUMNS, HEADERS, OPTIONAL_COLUMNS, Column

# The baseline columns' headers are written on two lines (HEADER_LINES), so the columns are as wide
# as their dates and day counts: a comparison fits beside Name, Duration, Start and Finish in 700 px.
# Deadline holds a date beside the mark of a missed deadline.
_WIDTHS = {Column.NAME: 260, Column.KEY: 120, Column.OWNER: 88, Column.START: 88, Column.FINISH: 88,
           Column.DURATION: 80, Column.FLOAT: 92, Column.BASELINE_FINISH: 84, Column.VARIANCE: 76,
           Column.PERCENT: 90, Column.FREE_FLOAT: 84, Column.DEADLINE: 112, Column.CONFIDENCE: 96,
           Column.PREDECESSORS: 120, Column.ID: 48, Column.TASK_MODE: 136, Column.CONSTRAINT_TYPE: 164,
           Column.CONSTRAINT_DATE: 88}
_DEFAULT_HIDDEN = (Column.KEY, *OPTIONAL_COLUMNS)
# After Name (and Key), as MS Project's Entry table runs Name, Duration, Start, Finish, then who does
# it (Resource Names): a task added is named, Tab, given its duration. (Owner came first, so that
# Tab put '10d' in the Owner cell.)
ENTRY_ORDER = (Column.DURATION, Column.START, Column.FINISH, Column.OWNER)


def default_shown_columns() -> list[Column]:
    """The columns a new window's table shows, left to right."""
    hidden = {*_DEFAULT_HIDDEN, *BASELINE_COLUMNS, *FROZEN}
    rest = [column for column in Column if column not in hidden and column not in ENTRY_ORDER]
    return [*FROZEN, *ENTRY_ORDER, *rest]


class ColumnChoice:
    """Mixed into the task table (a QTableView with `header()`, `document`, `scroll_column_into_view`
    and `keep_frozen_first`)."""

    def configure_columns(self, header: QHeaderView) -> None:
        """The columns a new window shows, their first widths, ID at the left, the column menu."""
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column, width in _WIDTHS.items():
            header.resizeSection(int(column), width)
        for column in _DEFAULT_HIDDEN + BASELINE_COLUMNS:
            header.setSectionHidden(int(column), True)
        self.keep_frozen_first()  # MS Project's ID column at the left, then Name: the columns that stay
        _in_entry_order(header)

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        for column in Column:
            action = menu.addAction(HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not self.header().isSectionHidden(int(column)))
            action.setEnabled(column is not Column.NAME)
            action.toggled.connect(lambda on, c=int(column): self.header().setSectionHidden(c, not on))
        menu.addSeparator()
        menu.addAction("Outline order", lambda: self.sortByColumn(-1, Qt.SortOrder.AscendingOrder))
        menu.exec(self.header().mapToGlobal(pos))

    def _show_baseline_columns(self, name) -> None:
        """Baseline finish and Finish variance appear with a comparison, right after Finish, and are
        scrolled into view as far as the Name column stays whole: the variance is what a comparison
        is for, but a row without its name cannot be read (MS Project keeps the left columns too)."""
        header = self.header()
        for column in BASELINE_COLUMNS:
            header.setSectionHidden(int(column), name is None)
        if name is None:
            return
        after = header.visualIndex(int(Column.FINISH))
        for offset, column in enumerate(BASELINE_COLUMNS, 1):
            header.moveSection(header.visualIndex(int(column)), min(after + offset, header.count() - 1))
            after = header.visualIndex(int(Column.FINISH))
        self.scroll_column_into_view(Column.VARIANCE)

    def save_state(self, settings: QSettings) -> None:
        """Remember widths, order and the columns chosen."""
        settings.setValue("tree/header", self.header().saveState())
        settings.setValue("tree/columns", len(Column))

    def restore_state(self, settings: QSettings) -> None:
        """Bring back the remembered columns (baseline columns follow the baseline choice)."""
        state = settings.value("tree/header")
        if state is not None:
            self.header().restoreState(state)
            known = settings.value("tree/columns", 0, type=int)  # the columns there were when it was saved
            for column in OPTIONAL_COLUMNS[OPTIONAL_COLUMNS.index(Column.TASK_MODE):]:
                if known <= int(column):  # come since: hidden, as the optional columns start
                    self.header().hideSection(int(column))
            self.keep_frozen_first()  # ID (remembered before it came) and Name at the left, where they stay
            if _in_the_older_order(self.header()):  # remembered as every window had it, not dragged so
                _in_entry_order(self.header())
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._show_baseline_columns(self.document.baseline_name)


def _in_entry_order(header: QHeaderView) -> None:
    """Duration, Start, Finish and Owner right after Name and Key, in that order."""
    place = header.visualIndex(int(Column.KEY)) + 1
    for offset, column in enumerate(ENTRY_ORDER):
        header.moveSection(header.visualIndex(int(column)), place + offset)


def _in_the_older_order(header: QHeaderView) -> bool:
    """Are the columns in the order every window had before ENTRY_ORDER (Owner after Name, then Start,
    Finish, Duration), a comparison's columns aside? A planner who dragged them keeps their order."""
    skipped = {*map(int, FROZEN), *map(int, BASELINE_COLUMNS)}
    order = [header.logicalIndex(visual) for visual in range(header.count())]
    return [c for c in order if c not in skipped] == [int(c) for c in Column if int(c) not in skipped]
