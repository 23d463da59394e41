"""A plan built in the window keeps its columns readable: after an edit makes a column's text wider
than the column (a phase's bold dates, a longer duration, a name indented a level), the column
widens to show it whole; a column is never narrowed, so a width chosen by hand stays."""

from __future__ import annotations

from datetime import date

from gestures import click_cell, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from windows import shown_main_window

from ilrs_planner.domain.blank_plan import blank_plan
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.column_fit import ICON_ROOM
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_delegate import ARROW, INDENT


def text_width(tree, task_id: str, column: Column) -> int:
    """The shown text's width in the font its row is drawn in (bold for a summary)."""
    index = tree.proxy_index(task_id, int(column))
    font = index.data(Qt.ItemDataRole.FontRole) or tree.font()
    return QFontMetrics(QFont(font)).horizontalAdvance(str(index.data()))


def reads_whole(tree, task_id: str, column: Column, before: int = 0) -> bool:
    return text_width(tree, task_id, column) + before <= tree.header().sectionSize(int(column))


def built_plan(qtbot):
    """A new plan at 1920 pixels: a phase and three tasks added by name, the three indented under it."""
    window = shown_main_window(qtbot, Document(blank_plan(date(2026, 12, 1))), (1920, 1000))
    for name in ("Design phase", "Requirements review", "Flight software build", "Integration campaign"):
        window.edit.add_task.trigger()
        type_text(window.tree, name)
    ids = list(window.document.project.tasks)
    for task_id in ids[1:]:
        click_cell(window.tree, task_id, Column.ID)
        window.edit.indent.trigger()
    return window, ids


def test_a_phase_made_by_indenting_shows_its_bold_dates_whole(qtbot):
    window, (phase, *tasks) = built_plan(qtbot)
    assert window.document.project.tasks[tasks[0]].parent_id == phase
    for column in (Column.START, Column.FINISH, Column.DURATION, Column.FLOAT):
        assert reads_whole(window.tree, phase, column), column.name


def test_a_long_duration_typed_widens_its_column_and_a_narrowed_column_is_not_narrowed_again(qtbot):
    window, (phase, *tasks) = built_plan(qtbot)
    header = window.tree.header()
    header.resizeSection(int(Column.FLOAT), 200)  # the planner widened it by hand
    click_cell(window.tree, tasks[1], Column.DURATION)
    type_text(window.tree, "1500")
    assert window.tree.proxy_index(tasks[1], int(Column.DURATION)).data() .startswith("1,500")
    assert reads_whole(window.tree, tasks[1], Column.DURATION) and reads_whole(window.tree, phase, Column.DURATION)
    assert reads_whole(window.tree, phase, Column.FINISH)
    assert header.sectionSize(int(Column.FLOAT)) == 200


def test_a_name_indented_a_level_deeper_stays_whole(qtbot):
    window, (phase, *tasks) = built_plan(qtbot)
    header = window.tree.header()
    click_cell(window.tree, tasks[2], Column.NAME)
    type_text(window.tree, "Integration and test campaign at Wenchang")
    room = text_width(window.tree, tasks[2], Column.NAME) + INDENT + ARROW + ICON_ROOM
    header.resizeSection(int(Column.NAME), room + 4)  # whole at its level, a level deeper would cut it
    click_cell(window.tree, tasks[2], Column.ID)
    press(window.tree, "Alt+Shift+Right")  # under Flight software build: a level deeper
    assert window.tree.source_model.depth(tasks[2]) == 2
    assert reads_whole(window.tree, tasks[2], Column.NAME, 2 * INDENT + ARROW + ICON_ROOM)
