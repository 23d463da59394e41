"""The first split of a window with none remembered, between the task table and the chart.

The table shows its columns up to Total float (Name, Duration, Start, Finish, Owner, Total float read
without scrolling) as wide as their text, where the window has the room. A wide window (1920
pixels) gives the table up to half of it when that brings the task names whole, as MS Project's
Gantt view gives its table; otherwise the table takes as many whole columns as fit in two fifths,
the Name column widened into what is left, and the chart the rest. (A table given two fifths of
the first 1600 pixels kept its 640 on a 1920 screen, its names and durations cut; at two fifths of
1920 the roadmap's longer names were still cut at 266 pixels.)

A table given two fifths of a laptop's 1366 pixels read ID, Name, Duration and Start, the Name 318
pixels and Finish out of sight: the dates a planner reads a task by are worth more than the last
letters of its name, so where the columns through Finish fit with the Name no narrower than
MIN_NAME_WITH_DATES, the Name gives up what Finish needs.

A split is remembered in pixels. One made in a 1920-pixel window (the table 915 pixels, reading to
Total float) and brought back in a 1366-pixel laptop window left the chart 435 pixels: its legend
showed "+11 more", the key dates' names were cut and a year was 12 pixels. The table keeps its
pixels while the chart takes all the loss, so a window narrower than the one the split was made in
is split afresh when the table would take more than half of it (more than a wide window's first
split ever gives it): a small screen gets its own first split, the table as many whole columns as
fit in two fifths and the chart, which a plan is read on, the rest. A split made in the window as
wide as it is now is the planner's, and stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter

from .models.column_fit import content_width
from .models.task_columns import Column
from .models.task_tree_view import TaskTreeView

TABLE_SHARE = 0.4  # the most of the window the table takes at first: the chart is what a plan is read on
NAMES_SHARE = 0.5  # what a wide window gives the table when that shows every column to Total float and the names whole
MAX_FIRST_NAME = 440  # the Name column's most at first: a longer name is cut, whole in its tooltip
MIN_NAME_WITH_DATES = 200  # the least the Name keeps to show the columns through Finish (most roadmap names whole)
READ_THROUGH = Column.FLOAT  # at first the table shows its columns up to Total float whole, room allowing
FITTED = (Column.OWNER, Column.START, Column.FINISH, Column.DURATION, Column.FLOAT)  # sized to their text


def first_split(tree: TaskTreeView, splitter: QSplitter) -> None:
    """Split `splitter` (table, chart) for a window shown for the first time; the table at its left edge."""
    if splitter.count() != 2:
        return
    header = tree.header()
    for column in map(int, FITTED):
        if not header.isSectionHidden(column):
            header.resizeSection(column, max(header.sectionSizeHint(column), content_width(tree, column)))
    name = header.sectionSize(int(Column.NAME))
    names_whole = min(max(content_width(tree, int(Column.NAME)), name), MAX_FIRST_NAME)
    needed = table_width(tree, 1 << 30) + names_whole - name
    if needed <= int(splitter.width() * NAMES_SHARE) and not header.isSectionHidden(int(Column.NAME)):
        header.resizeSection(int(Column.NAME), names_whole)
        width = needed
    else:
        width = _names_widened(tree, int(splitter.width() * TABLE_SHARE))
    splitter.setSizes([width, splitter.width() - splitter.handleWidth() - width])
    tree.horizontalScrollBar().setValue(0)


def crowds_chart(splitter: QSplitter, remembered_width: int) -> bool:
    """Does a split remembered from a window `remembered_width` pixels wide leave this narrower one's
    table more than half, the chart less (see the module's note)?"""
    if splitter.count() != 2 or not 0 < splitter.width() < remembered_width - splitter.handleWidth():
        return False
    return splitter.sizes()[0] > splitter.width() * NAMES_SHARE


def _names_widened(tree: TaskTreeView, most: int) -> int:
    """The table's width in `most` pixels, its Name column widened into the room its whole columns leave."""
    header = tree.header()
    if not header.isSectionHidden(int(Column.NAME)):
        _name_narrowed_for_dates(tree, most)
    width, name = table_width(tree, most), header.sectionSize(int(Column.NAME))
    wider = min(most - width, MAX_FIRST_NAME - name)
    if wider > 0 and not header.isSectionHidden(int(Column.NAME)):
        header.resizeSection(int(Column.NAME), name + wider)
        width += wider
    return width


def _name_narrowed_for_dates(tree: TaskTreeView, most: int) -> None:
    """Narrow the Name column so that the columns through Finish fit in `most` pixels, when they do not
    at its width and would with it no narrower than MIN_NAME_WITH_DATES (see the module's note)."""
    header = tree.header()
    name = header.sectionSize(int(Column.NAME))
    through_finish = table_width(tree, 1 << 30, through=Column.FINISH)
    room = name - (through_finish - most)
    if through_finish > most and room >= MIN_NAME_WITH_DATES:
        header.resizeSection(int(Column.NAME), room)


def table_width(tree: TaskTreeView, most: int, through: Column = READ_THROUGH) -> int:
    """The width of the table showing its shown columns, in order, whole up to `through` (Total float),
    or as many as fit in `most` pixels (never fewer than the first two: ID and Name)."""
    header = tree.header()
    frame = 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width() + tree.verticalHeader().width()
    width, shown = frame, 0
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if header.isSectionHidden(logical):
            continue
        if shown >= 2 and width + header.sectionSize(logical) > most:
            break
        width, shown = width + header.sectionSize(logical), shown + 1
        if logical == int(through):
            break
    return width
